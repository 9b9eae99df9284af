package io.perpcarry.engine;

import io.perpcarry.config.BotConfig;
import io.perpcarry.strategy.RotationMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The engine's knobs, from bot.json.
 *
 * @param maxLegImbalancePct  legs differing by more than this percent of the larger one force a close
 * @param marginBufferPct     a leg whose mark is within this percent of its liquidation price forces a close
 *                            ({@code liquidation_buffer_pct}, derived from leverage when unset)
 * @param staleGrace          market data may be stale this long before the hedge is closed (blips are normal)
 * @param orderAttempts       reduce-only attempts (fresh prices each) before giving up and halting
 * @param settle              pause between sending and reading positions back (venues index fills asynchronously)
 * @param stuckAfter          an open or close unfinished this long (engine clock) is presumed dead: re-read the venues
 * @param minNetAprPct        keep_if_best extends a hold only while the held funding spread clears this APR
 */
public record EngineSettings(Duration holdDuration, Duration waitBetweenCycles, RotationMode rotationMode,
                             BigDecimal maxLegImbalancePct, BigDecimal marginBufferPct, boolean enableStopLoss,
                             int leverage, Duration staleGrace, int orderAttempts, Duration settle, Duration stuckAfter,
                             BigDecimal minNetAprPct) {
    public EngineSettings {
        Objects.requireNonNull(minNetAprPct, "minNetAprPct");
        Objects.requireNonNull(holdDuration, "holdDuration");
        Objects.requireNonNull(waitBetweenCycles, "waitBetweenCycles");
        Objects.requireNonNull(rotationMode, "rotationMode");
        Objects.requireNonNull(maxLegImbalancePct, "maxLegImbalancePct");
        Objects.requireNonNull(marginBufferPct, "marginBufferPct");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        if (orderAttempts < 1) {
            throw new IllegalArgumentException("orderAttempts must be >= 1");
        }
    }

    /** Without an APR floor for keep_if_best (any positive held spread is kept). */
    public EngineSettings(Duration holdDuration, Duration waitBetweenCycles, RotationMode rotationMode,
                          BigDecimal maxLegImbalancePct, BigDecimal marginBufferPct, boolean enableStopLoss, int leverage,
                          Duration staleGrace, int orderAttempts, Duration settle, Duration stuckAfter) {
        this(holdDuration, waitBetweenCycles, rotationMode, maxLegImbalancePct, marginBufferPct, enableStopLoss, leverage,
                staleGrace, orderAttempts, settle, stuckAfter, BigDecimal.ZERO);
    }

    public static EngineSettings from(BotConfig c) {
        Duration wait = Duration.ofSeconds(c.waitBetweenCyclesMinutes().multiply(BigDecimal.valueOf(60)).longValue());
        return new EngineSettings(c.holdDuration(), wait, c.rotationMode(), c.maxLegImbalancePct(),
                c.liquidationBufferPct(), c.enableStopLoss(), c.leverage(),
                Duration.ofSeconds(2L * c.checkIntervalSeconds()), 3, Duration.ofMillis(500), Duration.ofMinutes(5),
                c.minNetAprThresholdPct());
    }

    /**
     * For an engine clock running {@code timeScale} times faster than the wall clock (the demo): the
     * operational timeouts measured on the engine clock keep their wall-clock length, since orders and
     * streams take real time whatever the market clock says.
     */
    public EngineSettings onClockScaledBy(double timeScale) {
        if (timeScale == 1.0) {
            return this;
        }
        return new EngineSettings(holdDuration, waitBetweenCycles, rotationMode, maxLegImbalancePct, marginBufferPct,
                enableStopLoss, leverage, scale(staleGrace, timeScale), orderAttempts, settle, scale(stuckAfter, timeScale),
                minNetAprPct);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }
}
