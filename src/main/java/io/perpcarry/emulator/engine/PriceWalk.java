package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.scenario.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The index price of one market: a geometric random walk driven by a seeded generator. Gaussian draws use
 * Box-Muller on {@code nextDouble()} so the sequence does not depend on the JDK's own Gaussian algorithm.
 */
final class PriceWalk {
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    private final SplittableRandom random;
    private final double sigmaPerStep;
    private BigDecimal price;

    PriceWalk(MarketSpec spec, long seed, Duration step) {
        this.random = new SplittableRandom(seed);
        double stepYears = step.toNanos() / 1e9 / SECONDS_PER_YEAR;
        this.sigmaPerStep = spec.volatility().doubleValue() * Math.sqrt(stepYears);
        this.price = spec.startPrice().setScale(Decimals.INDEX, RoundingMode.HALF_EVEN);
    }

    BigDecimal price() {
        return price;
    }

    /** One step; the −σ²/2 drift keeps the expected price flat. */
    void step() {
        double z = Gaussian.next(random);
        double factor = Math.exp(sigmaPerStep * z - 0.5 * sigmaPerStep * sigmaPerStep);
        price = price.multiply(BigDecimal.valueOf(factor)).setScale(Decimals.INDEX, RoundingMode.HALF_EVEN);
    }

    void set(BigDecimal newPrice) {
        if (newPrice.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + newPrice.toPlainString());
        }
        price = newPrice.setScale(Decimals.INDEX, RoundingMode.HALF_EVEN);
    }

    void shock(BigDecimal pct) {
        BigDecimal factor = BigDecimal.ONE.add(pct.divide(Decimals.HUNDRED, 12, RoundingMode.HALF_EVEN));
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("a shock of " + pct.toPlainString() + " % would make the price non-positive");
        }
        set(price.multiply(factor));
    }
}
