package io.perpcarry.strategy;

import io.perpcarry.domain.Position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-leg stop-loss on unrealized PnL versus leg notional.
 *
 * <p>Default threshold, ported from the original Python bot ({@code calculate_stop_loss_percent}): the distance
 * to an isolated-margin liquidation price, less a buffer, scaled by a safety factor, averaged over long and short
 * (L = leverage, mm = maintenance margin 0.005, b = buffer 0.006, k = safety 0.7):
 * <pre>
 *   long  = 1 − (1 − 1/L) / (1 − mm) − b      liquidation of a long at entry × (1 − 1/L)/(1 − mm)
 *   short = (1 + 1/L) / (1 + mm) − 1 − b      liquidation of a short at entry × (1 + 1/L)/(1 + mm)
 *   stop% = round(100 × k × (long + short) / 2, 2)
 * </pre>
 * L = 3: long 0.3239833, short 0.3207007 → 22.56 %. L = 1: long 0.994, short 0.9840498 → 69.23 % (the
 * "69.2 %" quoted for 1×). 2× → 34.23 %, 5× → 13.23 %, 10× → 6.23 %. Rounding is HALF_EVEN like Python's round.
 */
public final class StopLoss {

    static final BigDecimal MAINTENANCE_MARGIN = new BigDecimal("0.005");
    static final BigDecimal BUFFER = new BigDecimal("0.006");
    static final BigDecimal SAFETY = new BigDecimal("0.7");
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal thresholdPercent;

    public StopLoss(StopLossRules rules) {
        Objects.requireNonNull(rules, "rules");
        this.thresholdPercent = rules.overridePercent() != null
                ? rules.overridePercent() : defaultPercent(rules.leverage());
    }

    /** The original bot's leverage-derived stop, percent of notional, 2 decimals. */
    public static BigDecimal defaultPercent(BigDecimal leverage) {
        if (leverage.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("leverage must be >= 1, got " + leverage.toPlainString());
        }
        BigDecimal inverse = BigDecimal.ONE.divide(leverage, MC);
        BigDecimal longRoom = BigDecimal.ONE
                .subtract(BigDecimal.ONE.subtract(inverse).divide(BigDecimal.ONE.subtract(MAINTENANCE_MARGIN), MC))
                .subtract(BUFFER);
        BigDecimal shortRoom = BigDecimal.ONE.add(inverse).divide(BigDecimal.ONE.add(MAINTENANCE_MARGIN), MC)
                .subtract(BigDecimal.ONE).subtract(BUFFER);
        return longRoom.add(shortRoom).multiply(SAFETY).divide(TWO, MC).multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    public BigDecimal thresholdPercent() {
        return thresholdPercent;
    }

    /** Judges one leg against its own entry notional (|size| × entry price). */
    public StopLossCheck evaluate(Position leg) {
        Objects.requireNonNull(leg, "leg");
        if (leg.isFlat()) {
            return unknown(leg, leg.label() + ": leg is flat, stop-loss not evaluated");
        }
        return evaluate(leg, leg.entryNotional());
    }

    /** Judges one leg against an explicit notional (e.g. the hedge's planned notional). */
    public StopLossCheck evaluate(Position leg, BigDecimal legNotional) {
        Objects.requireNonNull(leg, "leg");
        if (legNotional == null || legNotional.signum() <= 0) {
            throw new IllegalArgumentException("leg notional must be > 0, got " + legNotional);
        }
        if (leg.unrealizedPnl() == null) {
            return unknown(leg, leg.label() + ": unrealized PnL not reported, stop-loss not evaluated");
        }
        BigDecimal pnlPercent = leg.unrealizedPnl().multiply(HUNDRED).divide(legNotional, MC);
        // Strictly beyond the threshold, as the original bot: a loss of exactly the threshold holds.
        if (pnlPercent.negate().compareTo(thresholdPercent) > 0) {
            String reason = leg.label() + " leg hit stop-loss: unrealized PnL " + Fmt.fixed(leg.unrealizedPnl(), 2)
                    + " USD (" + Fmt.fixed(pnlPercent, 2) + "% of " + Fmt.fixed(legNotional, 2)
                    + " USD) is beyond -" + Fmt.plain(thresholdPercent) + "%";
            return new StopLossCheck(leg.venue(), leg.symbol(), StopLossCheck.Status.TRIGGERED, pnlPercent,
                    thresholdPercent, reason);
        }
        return new StopLossCheck(leg.venue(), leg.symbol(), StopLossCheck.Status.OK, pnlPercent, thresholdPercent,
                leg.label() + ": " + Fmt.fixed(pnlPercent, 2) + "% within -" + Fmt.plain(thresholdPercent) + "%");
    }

    /** The worst triggered leg of a hedge, if any leg triggered. */
    public Optional<StopLossCheck> worstTriggered(List<Position> legs) {
        return legs.stream().map(this::evaluate).filter(StopLossCheck::triggered)
                .min(Comparator.comparing(StopLossCheck::lossPercent));
    }

    private StopLossCheck unknown(Position leg, String reason) {
        return new StopLossCheck(leg.venue(), leg.symbol(), StopLossCheck.Status.UNKNOWN, null, thresholdPercent,
                reason);
    }
}
