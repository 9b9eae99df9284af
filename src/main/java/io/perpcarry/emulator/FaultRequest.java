package io.perpcarry.emulator;

/**
 * What a wire layer knows about an incoming request (or WebSocket session, with the ws path) when it asks
 * the {@link FaultPlan} whether to misbehave. Null fields are unknown / not applicable.
 */
public record FaultRequest(VenueId venue, String method, String path, Integer txType, String side,
                           String clientOrderId, String symbol) {
    public static FaultRequest of(VenueId venue, String method, String path) {
        return new FaultRequest(venue, method, path, null, null, null, null);
    }
}
