package io.perpcarry.domain;

import java.math.BigDecimal;

import static io.perpcarry.domain.Checks.positive;
import static io.perpcarry.domain.Checks.required;
import static io.perpcarry.domain.Checks.text;

/**
 * One order of a hedge, ready for a venue adapter: taker limit order at {@code limitPrice}.
 *
 * @param clientOrderId our id for idempotent retries and fill matching (Lighter needs it numeric; the adapter
 *                      maps it)
 * @param reduceOnly    true on closing legs so a retry can never flip the position
 */
public record HedgeLeg(Venue venue, String symbol, OrderSide side, BigDecimal size, BigDecimal limitPrice,
                       String clientOrderId, boolean reduceOnly) {
    public HedgeLeg {
        required(venue, "venue");
        text(symbol, "symbol");
        required(side, "side");
        positive(size, "size");
        positive(limitPrice, "limitPrice");
        text(clientOrderId, "clientOrderId");
    }

    public BigDecimal notional() {
        return size.multiply(limitPrice);
    }
}
