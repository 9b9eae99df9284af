package io.perpcarry.backtest;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One combination's result beside its perfect-foresight bound.
 *
 * @param captureRatio net / foresight net; null when the bound is not positive (nothing could be earned)
 */
public record BacktestRow(Map<String, String> params, RunResult result, BigDecimal foresightNet, BigDecimal captureRatio) {

    public String label() {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.length() == 0 ? "bot.json" : b.toString();
    }
}
