package io.perpcarry.emulator;

import java.time.Instant;

/**
 * One request as a wire layer received it. {@code arrivalNanos} is {@link System#nanoTime()} (for latency
 * and ordering checks in tests), {@code wallTime} the real time. {@code txType} is Lighter's
 * {@code tx_type} (null for reads and for EdgeX); {@code side} is BUY/SELL when the request places an
 * order; {@code clientOrderId} as the client sent it. Null fields mean "not applicable".
 */
public record LoggedRequest(
        long sequence,
        long arrivalNanos,
        Instant wallTime,
        VenueId venue,
        String method,
        String path,
        Integer txType,
        String side,
        String clientOrderId) {
}
