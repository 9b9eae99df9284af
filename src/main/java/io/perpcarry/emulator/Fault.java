package io.perpcarry.emulator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One scripted misbehaviour. {@code venue} null = both venues. {@code remaining} = how many matching requests
 * it still applies to; {@link #FOREVER} never runs out. Parameters that a kind does not use are null.
 *
 * @param errorCode REJECT: the venue's code, as text (Lighter "21739", EdgeX "INVALID_CONTRACT_ID")
 * @param message   REJECT: the venue's message
 * @param delayMs   DELAY_MS: how long to wait
 * @param fraction  PARTIAL_FILL: share of the order size to fill immediately, in (0, 1)
 * @param httpStatus HTTP_5XX: the status to answer with (500..599)
 * @param skewMs    CLOCK_SKEW: how far the venue's wall clock runs ahead of the real one (negative: behind)
 */
public record Fault(long id, VenueId venue, FaultKind kind, FaultMatch match, int remaining,
                    String errorCode, String message, Long delayMs, BigDecimal fraction, Integer httpStatus,
                    Long skewMs) {
    public static final int FOREVER = -1;
    /** A skew beyond a day is a unit mistake (seconds or µs for ms), not a clock fault. */
    public static final long MAX_SKEW_MS = 86_400_000L;

    public Fault {
        Objects.requireNonNull(kind, "kind");
        match = match == null ? FaultMatch.ANY : match;
        if (remaining == 0 || remaining < FOREVER) {
            throw new IllegalArgumentException("count must be positive or -1 (forever), was " + remaining);
        }
        switch (kind) {
            case DELAY_MS -> require(delayMs != null && delayMs >= 0, "DELAY_MS needs delayMs >= 0");
            case PARTIAL_FILL -> require(fraction != null && fraction.signum() > 0
                    && fraction.compareTo(BigDecimal.ONE) < 0, "PARTIAL_FILL needs a fraction in (0, 1)");
            case HTTP_5XX -> require(httpStatus == null || (httpStatus >= 500 && httpStatus <= 599),
                    "HTTP_5XX needs httpStatus in 500..599");
            case REJECT -> require(message != null && !message.isBlank(), "REJECT needs a message");
            case FREEZE_BOOK -> require(match.symbol() != null, "FREEZE_BOOK needs match.symbol");
            case CLOCK_SKEW -> require(skewMs != null && Math.abs(skewMs) <= MAX_SKEW_MS,
                    "CLOCK_SKEW needs skewMs within ±" + MAX_SKEW_MS + " (a day)");
            default -> { }
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    public boolean applies(FaultRequest request) {
        return (venue == null || venue == request.venue()) && match.matches(request);
    }

    /** A fault of {@code kind} with no parameters (NO_ANSWER, HTTP_429, MALFORMED_BODY, DROP_WEBSOCKET). */
    public static Fault of(VenueId venue, FaultKind kind, FaultMatch match, int count) {
        return new Fault(0, venue, kind, match, count, null, null, null, null, null, null);
    }

    public static Fault reject(VenueId venue, FaultMatch match, int count, String errorCode, String message) {
        return new Fault(0, venue, FaultKind.REJECT, match, count, errorCode, message, null, null, null, null);
    }

    public static Fault delay(VenueId venue, FaultMatch match, int count, long delayMs) {
        return new Fault(0, venue, FaultKind.DELAY_MS, match, count, null, null, delayMs, null, null, null);
    }

    public static Fault partialFill(VenueId venue, FaultMatch match, int count, BigDecimal fraction) {
        return new Fault(0, venue, FaultKind.PARTIAL_FILL, match, count, null, null, null, fraction, null, null);
    }

    public static Fault serverError(VenueId venue, FaultMatch match, int count, int httpStatus) {
        return new Fault(0, venue, FaultKind.HTTP_5XX, match, count, null, null, null, null, httpStatus, null);
    }

    /** The venue's wall clock {@code skewMs} off ({@code venue} null = both; 0 sets it right). */
    public static Fault clockSkew(VenueId venue, long skewMs) {
        return new Fault(0, venue, FaultKind.CLOCK_SKEW, FaultMatch.ANY, 1, null, null, null, null, null, skewMs);
    }

    Fault withId(long newId) {
        return new Fault(newId, venue, kind, match, remaining, errorCode, message, delayMs, fraction, httpStatus, skewMs);
    }

    Fault withRemaining(int newRemaining) {
        return new Fault(id, venue, kind, match, newRemaining, errorCode, message, delayMs, fraction, httpStatus, skewMs);
    }
}
