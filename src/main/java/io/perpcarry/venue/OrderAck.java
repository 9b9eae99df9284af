package io.perpcarry.venue;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the venue said when it took an order. Accepted is not filled: the engine reads positions back.
 * {@code filledSize} is what the venue reported at once, when it reports it (EdgeX does not), else empty.
 */
public record OrderAck(long clientOrderId, String venueOrderId, Optional<BigDecimal> filledSize) {
}
