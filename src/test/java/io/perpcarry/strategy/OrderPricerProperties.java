package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;

import static io.perpcarry.domain.TestMarkets.book;
import static org.assertj.core.api.Assertions.assertThat;

/** Pricing invariants over random books, ticks and rules. */
class OrderPricerProperties {

    @Provide
    Arbitrary<Integer> priceDecimals() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<BigDecimal> deviations() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("20")).ofScale(3);
    }

    @Property(tries = 1000)
    void priceIsOnTickWithinTheCapAndMarketableUnlessClamped(
            @ForAll("priceDecimals") int decimals,
            @ForAll @IntRange(min = 1, max = 10_000_000) int bidTicks,
            @ForAll @IntRange(min = 1, max = 5_000) int spreadTicks,
            @ForAll @IntRange(min = 0, max = 100) int crossTicks,
            @ForAll("deviations") BigDecimal deviationPct,
            @ForAll OrderSide side) {
        MarketSpec spec = MarketSpec.lighter("X", 1, 3, decimals, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
        BigDecimal tick = spec.priceTick();
        BigDecimal bid = tick.multiply(BigDecimal.valueOf(bidTicks));
        BigDecimal ask = bid.add(tick.multiply(BigDecimal.valueOf(spreadTicks)));
        OrderBook b = book(Venue.LIGHTER, "X", bid.toPlainString(), ask.toPlainString());

        LimitPrice p = new OrderPricer(new PricingRules(crossTicks, deviationPct)).price(spec, b, side);

        BigDecimal mid = b.mid();
        BigDecimal dev = mid.multiply(deviationPct).movePointLeft(2);
        assertThat(p.price().remainder(tick).signum()).as("on tick").isZero();
        assertThat(p.price().signum()).isPositive();
        if (side == OrderSide.BUY) {
            assertThat(p.price()).as("never past the cap").isLessThanOrEqualTo(mid.add(dev));
            if (!p.clamped()) {
                assertThat(p.price()).isGreaterThanOrEqualTo(ask.add(tick.multiply(BigDecimal.valueOf(crossTicks))));
            } else {
                // clamped: the best price the cap allows, one tick below would be needlessly timid
                assertThat(p.price().add(tick)).isGreaterThan(mid.add(dev));
            }
            assertThat(p.marketable()).isEqualTo(p.price().compareTo(ask) >= 0);
        } else {
            assertThat(p.price()).as("never past the cap").isGreaterThanOrEqualTo(mid.subtract(dev));
            if (!p.clamped()) {
                assertThat(p.price()).isLessThanOrEqualTo(bid.subtract(tick.multiply(BigDecimal.valueOf(crossTicks))));
            } else {
                assertThat(p.price().subtract(tick)).isLessThan(mid.subtract(dev));
            }
            assertThat(p.marketable()).isEqualTo(p.price().compareTo(bid) <= 0);
        }
        assertThat(p.marketable() || p.clamped()).as("only the clamp may make an order non-marketable").isTrue();
        Statistics.label("clamped").collect(p.clamped());
        Statistics.label("clamped").coverage(c -> {
            c.check(true).percentage(x -> x > 5);
            c.check(false).percentage(x -> x > 5);
        });
    }
}
