package io.perpcarry.state;

import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.HeldHedge;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The hedge on: a long on one venue, the same size short on the other. {@code openedAt} is when the legs were
 * confirmed and survives restarts (the hold clock); {@code targetCloseAt} is the end of the current hold.
 */
public record HeldPosition(long cycleId, String symbol, HeldLeg longLeg, HeldLeg shortLeg, BigDecimal sizeStep,
                           Instant openedAt, Instant targetCloseAt) {
    public HeldPosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(longLeg, "longLeg");
        Objects.requireNonNull(shortLeg, "shortLeg");
        Objects.requireNonNull(sizeStep, "sizeStep");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(targetCloseAt, "targetCloseAt");
        if (longLeg.side() != PositionSide.LONG || shortLeg.side() != PositionSide.SHORT) {
            throw new IllegalArgumentException("a hedge is one LONG and one SHORT leg");
        }
        if (longLeg.venue() == shortLeg.venue()) {
            throw new IllegalArgumentException("hedge legs must be on different venues");
        }
    }

    public HeldHedge asHeldHedge() {
        return new HeldHedge(symbol, longLeg.venue());
    }

    public HeldLeg leg(Venue venue) {
        return longLeg.venue() == venue ? longLeg : shortLeg;
    }

    public HeldPosition withTargetCloseAt(Instant t) {
        return new HeldPosition(cycleId, symbol, longLeg, shortLeg, sizeStep, openedAt, t);
    }

    public String describe() {
        return symbol + " long " + longLeg.venue().displayName() + " / short " + shortLeg.venue().displayName()
                + " " + longLeg.size().toPlainString();
    }
}
