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
 * @param staleGrace          market data may be stale this long before the hedge is closed (blips are normal)
 * @param orderAttempts       reduce-only attempts (fresh prices each) before giving up and halting
 * @param settle              pause between sending and reading positions back (venues index fills asynchronously)
 */
public record EngineSettings(Duration holdDuration, Duration waitBetweenCycles, RotationMode rotationMode,
                             BigDecimal maxLegImbalancePct, BigDecimal marginBufferPct, boolean enableStopLoss,
                             int leverage, Duration staleGrace, int orderAttempts, Duration settle) {
    public EngineSettings {
        Objects.requireNonNull(holdDuration, "holdDuration");
        Objects.requireNonNull(waitBetweenCycles, "waitBetweenCycles");
        Objects.requireNonNull(rotationMode, "rotationMode");
        Objects.requireNonNull(maxLegImbalancePct, "maxLegImbalancePct");
        Objects.requireNonNull(marginBufferPct, "marginBufferPct");
        if (orderAttempts < 1) {
            throw new IllegalArgumentException("orderAttempts must be >= 1");
        }
    }

    public static EngineSettings from(BotConfig c) {
        Duration wait = Duration.ofSeconds(c.waitBetweenCyclesMinutes().multiply(BigDecimal.valueOf(60)).longValue());
        return new EngineSettings(c.holdDuration(), wait, c.rotationMode(), c.maxLegImbalancePct(),
                c.marginBufferPct(), c.enableStopLoss(), c.leverage(),
                Duration.ofSeconds(2L * c.checkIntervalSeconds()), 3, Duration.ofMillis(500));
    }
}
