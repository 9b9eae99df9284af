package io.perpcarry.state;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Cumulative results over all finished cycles. Immutable: {@link #plus} returns the new totals. */
public record CycleStats(long cycles, long stopLosses, BigDecimal volumeUsd, Map<Venue, VenuePnl> byVenue) {
    public static final CycleStats EMPTY = new CycleStats(0, 0, BigDecimal.ZERO, Map.of());

    public CycleStats {
        Map<Venue, VenuePnl> copy = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            copy.put(v, byVenue.getOrDefault(v, VenuePnl.ZERO));
        }
        byVenue = Map.copyOf(copy);
    }

    public CycleStats plus(CycleResult r) {
        Map<Venue, VenuePnl> sum = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            sum.put(v, byVenue.get(v).plus(r.pnl().get(v)));
        }
        return new CycleStats(cycles + 1, stopLosses + (r.stopLoss() ? 1 : 0), volumeUsd.add(r.volumeUsd()), sum);
    }

    /** The same totals with {@code delta} more funding on {@code v} (a finished cycle's funding re-read). */
    public CycleStats withFundingMoved(Venue v, BigDecimal delta) {
        Map<Venue, VenuePnl> sum = new EnumMap<>(byVenue);
        sum.put(v, byVenue.get(v).plus(new VenuePnl(BigDecimal.ZERO, BigDecimal.ZERO, delta)));
        return new CycleStats(cycles, stopLosses, volumeUsd, sum);
    }

    public BigDecimal fundingReceived(Venue v) {
        return byVenue.get(v).funding();
    }

    public BigDecimal fees() {
        return byVenue.values().stream().map(VenuePnl::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal tradingPnl() {
        return byVenue.values().stream().map(VenuePnl::trading).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal netPnl() {
        return byVenue.values().stream().map(VenuePnl::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
