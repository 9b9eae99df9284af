package io.perpcarry.venue;

import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of one of our orders, as the venue booked it: the figures PnL is booked from (never the limit
 * price we sent).
 *
 * @param tradeId       the venue's trade / fill id
 * @param venueOrderId  the venue's order id as text (Lighter order indexes may exceed 2^53)
 * @param clientOrderId ours; 0 when the order carried none
 * @param fee           paid in USD, positive = paid, negative = rebate
 */
public record Fill(Venue venue, String symbol, String tradeId, String venueOrderId, long clientOrderId, OrderSide side,
                   BigDecimal price, BigDecimal size, BigDecimal fee, Instant time) {
    public Fill {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
    }

    public BigDecimal notional() {
        return price.multiply(size);
    }
}
