package io.perpcarry.state;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One finished cycle: what it held, why it closed, what it earned per venue and the volume it traded. */
public record CycleResult(long cycleId, String symbol, Venue longVenue, Instant openedAt, Instant closedAt,
                          String closeReason, boolean stopLoss, Map<Venue, VenuePnl> pnl, BigDecimal volumeUsd) {
    public CycleResult {
        Map<Venue, VenuePnl> copy = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            copy.put(v, pnl.getOrDefault(v, VenuePnl.ZERO));
        }
        pnl = Map.copyOf(copy);
    }

    public BigDecimal netPnl() {
        return pnl.values().stream().map(VenuePnl::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
