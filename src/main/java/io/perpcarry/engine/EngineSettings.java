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
 * @param settle              pause between two reads of a sent order's status (venues execute and index asynchronously)
 * @param settleDeadline      a sent order not ended within this is UNRESOLVED: never taken for flat
 * @param stuckAfter          an open or close unfinished this long (engine clock) is presumed dead: re-read the venues
 * @param minNetAprPct        keep_if_best extends a hold only while the held funding spread clears this APR
 */
public record EngineSettings(Duration holdDuration, Duration waitBetweenCycles, RotationMode rotationMode,
                             BigDecimal maxLegImbalancePct, BigDecimal marginBufferPct, boolean enableStopLoss,
                             int leverage, Duration staleGrace, int orderAttempts, Duration settle, Duration stuckAfter,
                             Duration settleDeadline, BigDecimal minNetAprPct) {
    public EngineSettings {
        Objects.requireNonNull(minNetAprPct, "minNetAprPct");
        Objects.requireNonNull(holdDuration, "holdDuration");
        Objects.requireNonNull(waitBetweenCycles, "waitBetweenCycles");
        Objects.requireNonNull(rotationMode, "rotationMode");
        Objects.requireNonNull(maxLegImbalancePct, "maxLegImbalancePct");
        Objects.requireNonNull(marginBufferPct, "marginBufferPct");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(settleDeadline, "settleDeadline");
        if (orderAttempts < 1) {
            throw new IllegalArgumentException("orderAttempts must be >= 1");
        }
    }

    /** Lighter documents 200–300 ms from ack to execution, plus indexing before the account reads show it. */
    static final Duration SETTLE_POLL = Duration.ofMillis(200);
    /** Far beyond the documented latency; past it an order is unresolved: never taken for flat (LegReconciler). */
    static final Duration SETTLE_DEADLINE = Duration.ofSeconds(15);

    /** The same settings with another settle deadline (tests, benchmarks). */
    public EngineSettings withSettleDeadline(Duration d) {
        return new EngineSettings(holdDuration, waitBetweenCycles, rotationMode, maxLegImbalancePct, marginBufferPct,
                enableStopLoss, leverage, staleGrace, orderAttempts, settle, stuckAfter, d, minNetAprPct);
    }

    public static EngineSettings from(BotConfig c) {
        Duration wait = Duration.ofSeconds(c.waitBetweenCyclesMinutes().multiply(BigDecimal.valueOf(60)).longValue());
        return new EngineSettings(c.holdDuration(), wait, c.rotationMode(), c.maxLegImbalancePct(),
                c.liquidationBufferPct(), c.enableStopLoss(), c.leverage(),
                Duration.ofSeconds(2L * c.checkIntervalSeconds()), 3, SETTLE_POLL, Duration.ofMinutes(5), SETTLE_DEADLINE,
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
                settleDeadline, minNetAprPct);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }
}
