package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.ClockSkew;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a venue's clock is within what its orders allow ({@code VenueConnector.clockTolerance}): a venue whose reads
 * work may still refuse every order as expired. Measured against the wall clock the connectors sign with. Checked
 * before a close and an emergency close touch any leg, so that neither flattens one venue while the other refuses.
 */
final class VenueClocks {
    private static final Logger LOG = LoggerFactory.getLogger(VenueClocks.class);

    private VenueClocks() {
    }

    /** Why {@code v}'s orders would be refused for its clock; empty when within tolerance or not readable. */
    static Optional<String> off(Venues venues, Venue v) {
        Duration tolerance = venues.get(v).clockTolerance();
        if (tolerance.isZero()) {
            return Optional.empty();
        }
        try {
            Duration skew = ClockSkew.of(venues.get(v), Clock.systemUTC());
            if (skew.abs().compareTo(tolerance) > 0) {
                // rounded: the skew is measured around a round trip, so 11 min reads 659.99 s, not 660
                long seconds = Math.round(skew.toMillis() / 1000.0);
                return Optional.of(v.displayName() + " clock " + (skew.isNegative() ? "" : "+") + seconds
                        + " s from ours, beyond the " + tolerance.toSeconds() + " s its orders allow: each would be refused");
            }
        } catch (VenueException e) {
            LOG.warn("{} server time unreadable ({}); not blocking on it", v.displayName(), e.getMessage());
        }
        return Optional.empty();
    }
}
