package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.strategy.StopLoss;
import io.perpcarry.strategy.StopLossCheck;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** The per-leg checks, one place for the held hedge and for any other leg: stop-loss and liquidation distance. */
final class LegRisk {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final StopLoss stopLoss;
    private final EngineSettings settings;

    LegRisk(StopLoss stopLoss, EngineSettings settings) {
        this.stopLoss = stopLoss;
        this.settings = settings;
    }

    /** A close request when the leg trips a check; the stop-loss's all-clear note goes to {@code notes}. */
    Optional<CloseRequest> check(Position leg, BigDecimal mark, List<String> notes) {
        if (settings.enableStopLoss()) {
            StopLossCheck c = stopLoss.evaluate(withPnl(leg, mark));
            if (c.triggered()) {
                return Optional.of(new CloseRequest(c.reason(), CloseRequest.Kind.STOP_LOSS));
            }
            notes.add(c.reason());
        }
        if (leg.liquidationPrice() != null) {
            BigDecimal distancePct = mark.subtract(leg.liquidationPrice()).abs().multiply(HUNDRED)
                    .divide(mark, MathContext.DECIMAL64);
            if (distancePct.compareTo(settings.marginBufferPct()) < 0) {
                return Optional.of(new CloseRequest(leg.label() + " is " + pct(distancePct) + "% from liquidation at "
                        + leg.liquidationPrice().toPlainString() + " (mark " + mark.toPlainString() + ", buffer "
                        + settings.marginBufferPct().stripTrailingZeros().toPlainString() + "%)",
                        CloseRequest.Kind.LIQUIDATION_DISTANCE));
            }
        }
        return Optional.empty();
    }

    /** Venues may omit unrealized PnL; the stop-loss then uses (mark − entry) × signed size. */
    private static Position withPnl(Position p, BigDecimal mark) {
        if (p.unrealizedPnl() != null) {
            return p;
        }
        BigDecimal pnl = mark.subtract(p.entryPrice()).multiply(p.signedSize());
        return new Position(p.venue(), p.symbol(), p.signedSize(), p.entryPrice(), pnl, p.liquidationPrice(),
                p.marginRatio());
    }

    static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
