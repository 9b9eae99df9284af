package io.perpcarry.venue;

import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;

/** An order resting on a venue. {@code clientOrderId} is 0 when the order was not placed with one. */
public record OpenOrder(Venue venue, String symbol, String orderId, long clientOrderId, OrderSide side,
                        BigDecimal price, BigDecimal remainingSize, boolean reduceOnly) {
}
