package io.perpcarry.backtest;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Fills where only funding history exists (no recorded books): every fill pays the venue's taker fee (from the recorded
 * spec) and {@code slippageBps} of notional versus mid. Prices are flat, so there is no basis and no stop-loss. The
 * ranker sees the same cost through a synthetic book whose half-spread is the slippage and whose depth is unlimited.
 *
 * @param slippageBps slippage per fill, basis points of notional, >= 0
 */
public record CostModel(BigDecimal slippageBps) {
    public static final BigDecimal DEFAULT_SLIPPAGE_BPS = new BigDecimal("2");

    public CostModel {
        Objects.requireNonNull(slippageBps, "slippageBps");
        if (slippageBps.signum() < 0 || slippageBps.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("slippage must be 0..1000 bps, got " + slippageBps.toPlainString());
        }
    }

    public BigDecimal slippageFraction() {
        return slippageBps.movePointLeft(4);
    }
}
