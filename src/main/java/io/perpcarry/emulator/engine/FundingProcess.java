package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.scenario.FundingPath;
import io.perpcarry.emulator.scenario.FundingStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.SplittableRandom;

/** The funding estimate of one market on one venue (native unit), changed only on funding ticks. */
final class FundingProcess {
    private final FundingPath path;
    private final SplittableRandom random;
    private BigDecimal rate;
    private int nextStep;

    FundingProcess(FundingPath path, long scenarioSeed) {
        this.path = path;
        this.random = new SplittableRandom(scenarioSeed * 1_000_003L + (path.seed() == null ? 0 : path.seed()));
        this.rate = scale(path.rate());
    }

    BigDecimal rate() {
        return rate;
    }

    BigDecimal initialRate() {
        return scale(path.rate());
    }

    /** Advances to {@code elapsed} since the start; returns true when the rate changed. */
    boolean tick(Duration elapsed) {
        BigDecimal before = rate;
        switch (path.kind()) {
            case CONSTANT -> { }
            case STEPS -> {
                while (nextStep < path.steps().size() && path.steps().get(nextStep).at().compareTo(elapsed) <= 0) {
                    FundingStep step = path.steps().get(nextStep++);
                    rate = scale(step.rate());
                }
            }
            case MEAN_REVERTING -> {
                double gap = path.mean().subtract(rate).doubleValue();
                double change = path.reversion().doubleValue() * gap
                        + path.volatility().doubleValue() * Gaussian.next(random);
                BigDecimal next = rate.add(BigDecimal.valueOf(change));
                rate = scale(next.max(path.min()).min(path.max()));
            }
            default -> throw new IllegalStateException("unhandled funding kind " + path.kind());
        }
        return rate.compareTo(before) != 0;
    }

    /** An operator override; the path continues from this value (steps still apply when their time comes). */
    void override(BigDecimal newRate) {
        rate = scale(newRate);
    }

    private static BigDecimal scale(BigDecimal r) {
        return r.setScale(Decimals.RATE, RoundingMode.HALF_EVEN);
    }
}
