package io.perpcarry.venue;

import io.perpcarry.domain.Venue;
import java.util.Objects;

/**
 * An order built and signed ahead of its send, so that two legs sent together differ only by the network: the
 * signing (Lighter Schnorr over Poseidon2, EdgeX EIP-712 and HMAC inputs) happens before the race.
 *
 * @param payload the venue's own prepared form, opaque to the engine (null = nothing prepared: built at send)
 */
public record PreparedOrder(Venue venue, OrderRequest request, Object payload) {
    public PreparedOrder {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(request, "request");
    }
}
