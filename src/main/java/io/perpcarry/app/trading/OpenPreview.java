package io.perpcarry.app.trading;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.LimitPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * What the operator confirms: both legs' size and limit price from the books read now, and the notional. The real
 * plan is re-priced from fresh books after the answer; its size must be the size confirmed here.
 */
public record OpenPreview(String symbol, Venue longVenue, Venue shortVenue, BigDecimal size, BigDecimal notionalUsd,
                          Map<Venue, LimitPrice> prices, Map<Venue, OrderBook> books, Map<Venue, MarketSpec> specs,
                          int leverage, String direction) {

    public BigDecimal mid(Venue v) {
        return books.get(v).mid();
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("open ").append(symbol).append(" hedge, cross margin ").append(leverage).append("x on both venues\n");
        b.append(line("long ", longVenue)).append(line("short", shortVenue));
        b.append("  notional ≈ ").append(notionalUsd.setScale(2, RoundingMode.HALF_UP).toPlainString())
                .append(" USD per leg; ").append(direction).append('\n');
        return b.toString();
    }

    private String line(String role, Venue v) {
        LimitPrice p = prices.get(v);
        return String.format("  %s %-7s %-4s %s %s  limit %s  (mid %s)%n", role, v.displayName(), p.side(),
                size.toPlainString(), symbol, p.price().toPlainString(), mid(v).stripTrailingZeros().toPlainString());
    }
}
