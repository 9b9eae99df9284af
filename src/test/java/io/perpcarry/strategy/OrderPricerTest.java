package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.perpcarry.domain.TestMarkets.book;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPricerTest {

    private static final MarketSpec SPEC = MarketSpec.edgex("BTC", "10000001", d("0.1"), d("0.001"), d("0.001"),
            d("0.00038"), d("0.00018"), 240);
    private static final OrderBook BOOK = book(Venue.EDGEX, "BTC", "60000.0", "60000.2"); // mid 60000.1

    @Test
    void crossesTheTouchByTheConfiguredTicks() {
        OrderPricer pricer = new OrderPricer(new PricingRules(3, d("0.5")));
        assertThat(pricer.price(SPEC, BOOK, OrderSide.BUY)).isEqualTo(new LimitPrice(OrderSide.BUY, d("60000.5"), false, true));
        assertThat(pricer.price(SPEC, BOOK, OrderSide.SELL)).isEqualTo(new LimitPrice(OrderSide.SELL, d("59999.7"), false, true));
    }

    @Test
    void offTickTouchRoundsTowardMarketable() {
        // a touch that is not on the 0.1 tick (e.g. a feed with more decimals): buy rounds up, sell down
        OrderBook odd = book(Venue.EDGEX, "BTC", "60000.04", "60000.16");
        OrderPricer pricer = new OrderPricer(new PricingRules(0, d("0.5")));
        assertThat(pricer.price(SPEC, odd, OrderSide.BUY).price()).isEqualByComparingTo("60000.2");
        assertThat(pricer.price(SPEC, odd, OrderSide.SELL).price()).isEqualByComparingTo("60000.0");
    }

    @Test
    void clampWinsOverCrossTicksButStaysMarketableWhenTheTouchIsInside() {
        // cap 0.001 % of 60000.1 = 0.600001 → buy ≤ 60000.700001 → 60000.7; sell ≥ 59999.499999 → 59999.5
        OrderPricer pricer = new OrderPricer(new PricingRules(50, d("0.001")));
        assertThat(pricer.price(SPEC, BOOK, OrderSide.BUY)).isEqualTo(new LimitPrice(OrderSide.BUY, d("60000.7"), true, true));
        assertThat(pricer.price(SPEC, BOOK, OrderSide.SELL)).isEqualTo(new LimitPrice(OrderSide.SELL, d("59999.5"), true, true));
    }

    @Test
    void whenTheTouchItselfIsPastTheCapTheOrderIsNotMarketable() {
        // wide book 59000 / 61000, mid 60000, cap 1 % → [59400, 60600]: both touches are outside
        OrderBook wide = book(Venue.EDGEX, "BTC", "59000.0", "61000.0");
        OrderPricer pricer = new OrderPricer(new PricingRules(2, d("1")));
        LimitPrice buy = pricer.price(SPEC, wide, OrderSide.BUY);
        assertThat(buy).isEqualTo(new LimitPrice(OrderSide.BUY, d("60600.0"), true, false));
        LimitPrice sell = pricer.price(SPEC, wide, OrderSide.SELL);
        assertThat(sell).isEqualTo(new LimitPrice(OrderSide.SELL, d("59400.0"), true, false));
    }

    @Test
    void clampRoundsInwardOntoTheTick() {
        // mid 100.05, cap 0.3 % = 0.30015 → buy ≤ 100.35015 → 100.3 (tick 0.1), never 100.4
        MarketSpec spec = MarketSpec.edgex("SOL", "3", d("0.1"), d("0.01"), d("0.01"), d("0"), d("0"), 240);
        OrderBook b = book(Venue.EDGEX, "SOL", List.of("99.9@10"), List.of("100.2@10"));
        OrderPricer pricer = new OrderPricer(new PricingRules(5, d("0.3")));
        assertThat(pricer.price(spec, b, OrderSide.BUY).price()).isEqualByComparingTo("100.3");
        // sell ≥ 99.74985 → 99.8, never 99.7
        assertThat(pricer.price(spec, b, OrderSide.SELL).price()).isEqualByComparingTo("99.8");
    }

    @Test
    void rejectsMismatchedBookAndBadRules() {
        OrderPricer pricer = new OrderPricer(new PricingRules(1, d("1")));
        assertThatThrownBy(() -> pricer.price(SPEC, book(Venue.LIGHTER, "BTC", "1", "2"), OrderSide.BUY))
                .hasMessageContaining("does not match EdgeX BTC");
        assertThatThrownBy(() -> new PricingRules(-1, d("1"))).hasMessageContaining("crossTicks must be >= 0");
        assertThatThrownBy(() -> new PricingRules(1, d("100"))).hasMessageContaining("(0, 100)");
    }
}
