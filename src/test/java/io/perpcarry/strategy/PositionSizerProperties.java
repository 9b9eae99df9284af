package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizing invariants over random markets, prices and balances. */
class PositionSizerProperties {

    private static final BigDecimal[] EDGEX_STEPS = {
            new BigDecimal("0.001"), new BigDecimal("0.01"), new BigDecimal("0.1"), new BigDecimal("1"),
            new BigDecimal("0.0003"), new BigDecimal("0.25"), new BigDecimal("3"), new BigDecimal("0.00001")};

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("150000")).ofScale(4)
                .filter(p -> p.signum() > 0);
    }

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500000")).ofScale(2);
    }

    @Property(tries = 500)
    void sizeIsOnBothStepsUnderTheCapAndAboveEveryMinimum(
            @ForAll("prices") BigDecimal price,
            @ForAll("money") BigDecimal lighterAvailable,
            @ForAll("money") BigDecimal edgexAvailable,
            @ForAll("money") BigDecimal target,
            @ForAll("leverages") BigDecimal leverage,
            @ForAll("buffers") BigDecimal buffer,
            @ForAll("sizeDecimals") int lighterSizeDecimals,
            @ForAll("edgexStepIndex") int edgexStepIndex,
            @ForAll("minima") BigDecimal lighterMinBase,
            @ForAll("minima") BigDecimal edgexMinBase,
            @ForAll("money") BigDecimal lighterMinQuote) {
        if (target.signum() == 0) {
            return;
        }
        MarketSpec lighter = MarketSpec.lighter("X", 1, lighterSizeDecimals, 2, lighterMinBase,
                lighterMinQuote.min(new BigDecimal("50")), BigDecimal.ZERO, BigDecimal.ZERO);
        MarketSpec edgex = MarketSpec.edgex("X", "1", new BigDecimal("0.01"), EDGEX_STEPS[edgexStepIndex],
                edgexMinBase, BigDecimal.ZERO, BigDecimal.ZERO, 240);
        SizingRules rules = new SizingRules(target, leverage, buffer);

        SizingResult result = new PositionSizer(rules).size(lighter, edgex, price, lighterAvailable, edgexAvailable);

        BigDecimal weaker = lighterAvailable.min(edgexAvailable).multiply(leverage)
                .multiply(BigDecimal.ONE.subtract(buffer));
        BigDecimal cap = target.min(weaker);
        Statistics.label("outcome").collect(result.getClass().getSimpleName());
        // both branches must be exercised, or the property proves little
        Statistics.label("outcome").coverage(c -> {
            c.check("Sized").percentage(p -> p > 15);
            c.check("BelowMinimum").percentage(p -> p > 5);
        });
        if (result instanceof SizingResult.Sized s) {
            BigDecimal size = s.baseSize();
            // one size serves both legs, so it must be valid on each venue's grid
            assertThat(size.remainder(lighter.sizeStep()).signum()).isZero();
            assertThat(size.remainder(edgex.sizeStep()).signum()).isZero();
            assertThat(size.multiply(price)).isLessThanOrEqualTo(cap);
            assertThat(size.signum()).isPositive();
            assertThat(size).isGreaterThanOrEqualTo(lighter.minBaseSize()).isGreaterThanOrEqualTo(edgex.minBaseSize());
            assertThat(size.multiply(price)).isGreaterThanOrEqualTo(lighter.minQuoteNotional());
            // floored, not truncated early: one more common step would break the cap
            assertThat(size.add(s.commonStep()).multiply(price)).isGreaterThan(cap);
        } else {
            SizingResult.BelowMinimum b = (SizingResult.BelowMinimum) result;
            assertThat(b.message()).contains(b.venue().displayName()).contains(b.minimum().stripTrailingZeros().toPlainString());
            // refusing is only allowed when the largest on-grid size under the cap really misses a minimum
            BigDecimal step = StepMath.lcm(lighter.sizeStep(), edgex.sizeStep());
            BigDecimal best = StepMath.floorTo(cap.max(BigDecimal.ZERO).divide(price, 30, java.math.RoundingMode.FLOOR), step);
            boolean missesMinimum = best.signum() == 0
                    || best.compareTo(lighter.minBaseSize()) < 0 || best.compareTo(edgex.minBaseSize()) < 0
                    || best.multiply(price).compareTo(lighter.minQuoteNotional()) < 0;
            assertThat(missesMinimum).isTrue();
        }
    }

    @Provide
    Arbitrary<BigDecimal> leverages() {
        return Arbitraries.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("5"),
                new BigDecimal("2.5"), new BigDecimal("10"));
    }

    @Provide
    Arbitrary<BigDecimal> buffers() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.5")).ofScale(2);
    }

    @Provide
    Arbitrary<Integer> sizeDecimals() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<Integer> edgexStepIndex() {
        return Arbitraries.integers().between(0, EDGEX_STEPS.length - 1);
    }

    @Provide
    Arbitrary<BigDecimal> minima() {
        return Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.0002"), new BigDecimal("0.001"), new BigDecimal("0.01"),
                new BigDecimal("1"));
    }
}
