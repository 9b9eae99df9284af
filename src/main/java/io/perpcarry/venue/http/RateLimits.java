package io.perpcarry.venue.http;

import io.perpcarry.domain.Venue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide registry: ONE {@link RateLimiter} per venue, so the daemon's routes and any command run in
 * the same process spend one budget, as the venue counts it (per IP and account, not per client object).
 *
 * <p>The budgets are the venues' documented ones ({@link RateBudget}). The system property
 * {@code perpcarry.rateLimitScale} (default 1) multiplies every capacity: the test suite raises it because
 * its emulators are not the venue's budget to spend; {@link #scale(double)} does the same for an
 * accelerated demo. Read at first use of a venue's limiter.
 */
public final class RateLimits {
    public static final String SCALE_PROPERTY = "perpcarry.rateLimitScale";
    private static final Map<Venue, RateLimiter> LIMITERS = new ConcurrentHashMap<>();
    private static volatile Double scale;

    private RateLimits() {
    }

    /** The venue's shared limiter (created on first use). */
    public static RateLimiter of(Venue venue) {
        return LIMITERS.computeIfAbsent(venue, v -> new RateLimiter(v, budgetOf(v).scaled(currentScale()), currentScale()));
    }

    /** The documented (or, for EdgeX, conservative unverified) budget of a venue. */
    public static RateBudget budgetOf(Venue venue) {
        return switch (venue) {
            case LIGHTER -> RateBudget.LIGHTER_STANDARD;
            case EDGEX -> RateBudget.EDGEX_UNVERIFIED;
        };
    }

    /** Multiplies every budget from now on (limiters already made are replaced). */
    public static synchronized void scale(double factor) {
        budgetOf(Venue.LIGHTER).scaled(factor); // validates
        scale = factor;
        LIMITERS.clear();
    }

    private static double currentScale() {
        Double s = scale;
        if (s != null) {
            return s;
        }
        String p = System.getProperty(SCALE_PROPERTY);
        if (p == null || p.isBlank()) {
            return 1.0;
        }
        try {
            return Double.parseDouble(p.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SCALE_PROPERTY + " must be a number, was '" + p + "'", e);
        }
    }
}
