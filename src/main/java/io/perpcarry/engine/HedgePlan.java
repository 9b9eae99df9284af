package io.perpcarry.engine;

import io.perpcarry.domain.HedgeLeg;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Two legs of identical size ready to send. {@code hedgeId} is derived from the cycle, so the idempotent consumer
 * refuses a second send of the same hedge after a restart.
 *
 * @param sizeStep the common size step of both venues (the coarser grid): "equal" legs are within one step
 */
public record HedgePlan(String hedgeId, long cycleId, String symbol, HedgeLeg longLeg, HedgeLeg shortLeg,
                        BigDecimal sizeStep, BigDecimal notionalUsd, Instant plannedAt) {
    public HedgePlan {
        Objects.requireNonNull(hedgeId, "hedgeId");
        if (longLeg.size().compareTo(shortLeg.size()) != 0) {
            throw new IllegalArgumentException("hedge legs must have the same size: " + longLeg.size() + " vs "
                    + shortLeg.size());
        }
        if (longLeg.venue() == shortLeg.venue() || !longLeg.symbol().equals(symbol) || !shortLeg.symbol().equals(symbol)) {
            throw new IllegalArgumentException("hedge legs must be the same symbol on two venues");
        }
    }

    public static String hedgeIdFor(long cycleId) {
        return "open-" + cycleId;
    }

    public HedgeLeg leg(Venue v) {
        return longLeg.venue() == v ? longLeg : shortLeg;
    }

    public LegRole role(Venue v) {
        return longLeg.venue() == v ? LegRole.OPEN_LONG : LegRole.OPEN_SHORT;
    }
}
