package io.perpcarry.app.trading;

import java.math.BigDecimal;

/**
 * When the monitor turns red. Yellow is the early warning: 80 % of the margin threshold, twice the liquidation
 * buffer, half the PnL threshold.
 *
 * @param marginUsedPct    (equity − available) / equity, percent, per venue
 * @param pnlPct           a leg's unrealized PnL against its entry notional, percent (negative)
 * @param liquidationPct   mark within this percent of the liquidation price (bot.json liquidation_buffer_pct)
 * @param imbalancePct     legs differing by more than this percent of the larger (bot.json max_leg_imbalance_pct)
 */
public record MonitorThresholds(BigDecimal marginUsedPct, BigDecimal pnlPct, BigDecimal liquidationPct,
                                BigDecimal imbalancePct) {
    public MonitorThresholds {
        if (marginUsedPct.signum() <= 0 || marginUsedPct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new UsageException("--margin-threshold must be in (0, 100], got " + marginUsedPct.toPlainString());
        }
        if (pnlPct.signum() >= 0) {
            throw new UsageException("--pnl-threshold must be negative (a loss, percent), got " + pnlPct.toPlainString());
        }
    }
}
