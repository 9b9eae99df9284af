package io.perpcarry.state;

import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Domain ↔ {@link BotSnapshot}. Reading back is strict: a state.json we cannot understand is an error, not "empty". */
final class SnapshotMapper {
    private SnapshotMapper() {
    }

    static BotSnapshot.PositionView view(HeldPosition p) {
        if (p == null) {
            return null;
        }
        return new BotSnapshot.PositionView(Long.toString(p.cycleId()), p.symbol(), p.longLeg().venue().wireName(),
                p.shortLeg().venue().wireName(), p.sizeStep().toPlainString(), p.openedAt().toString(),
                p.targetCloseAt().toString(), List.of(view(p.longLeg()), view(p.shortLeg())));
    }

    private static BotSnapshot.LegView view(HeldLeg l) {
        return new BotSnapshot.LegView(l.venue().wireName(), l.side().name(), l.size().toPlainString(),
                l.entryPrice().toPlainString());
    }

    static HeldPosition position(BotSnapshot.PositionView v) {
        if (v == null) {
            return null;
        }
        HeldLeg longLeg = null;
        HeldLeg shortLeg = null;
        for (BotSnapshot.LegView l : v.legs()) {
            HeldLeg leg = new HeldLeg(Venue.fromWire(l.venue()), PositionSide.valueOf(l.side()), new BigDecimal(l.size()),
                    new BigDecimal(l.entryPrice()));
            if (leg.side() == PositionSide.LONG) {
                longLeg = leg;
            } else {
                shortLeg = leg;
            }
        }
        return new HeldPosition(Long.parseLong(v.cycleId()), v.symbol(), longLeg, shortLeg, new BigDecimal(v.sizeStep()),
                Instant.parse(v.openedAt()), Instant.parse(v.targetCloseAt()));
    }

    static BotSnapshot.CycleView view(CycleResult r) {
        Map<String, BotSnapshot.PnlView> pnl = new LinkedHashMap<>();
        r.pnl().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> pnl.put(e.getKey().wireName(),
                new BotSnapshot.PnlView(plain(e.getValue().trading()), plain(e.getValue().fees()),
                        plain(e.getValue().funding()))));
        return new BotSnapshot.CycleView(Long.toString(r.cycleId()), r.symbol(), r.longVenue().wireName(),
                r.openedAt().toString(), r.closedAt().toString(), r.closeReason(), r.stopLoss(), pnl,
                plain(r.volumeUsd()), plain(r.netPnl()));
    }

    static CycleResult cycle(BotSnapshot.CycleView v) {
        Map<Venue, VenuePnl> pnl = new EnumMap<>(Venue.class);
        v.pnl().forEach((k, p) -> pnl.put(Venue.fromWire(k), new VenuePnl(new BigDecimal(p.trading()),
                new BigDecimal(p.fees()), new BigDecimal(p.funding()))));
        return new CycleResult(Long.parseLong(v.cycleId()), v.symbol(), Venue.fromWire(v.longVenue()),
                Instant.parse(v.openedAt()), Instant.parse(v.closedAt()), v.closeReason(), v.stopLoss(), pnl,
                new BigDecimal(v.volumeUsd()));
    }

    static BotSnapshot.StatsView view(CycleStats s) {
        return new BotSnapshot.StatsView(Long.toString(s.cycles()), Long.toString(s.stopLosses()), plain(s.volumeUsd()),
                perVenue(s, VenuePnl::funding), perVenue(s, VenuePnl::fees), perVenue(s, VenuePnl::trading),
                plain(s.netPnl()));
    }

    static CycleStats stats(BotSnapshot.StatsView v) {
        if (v == null) {
            return CycleStats.EMPTY;
        }
        Map<Venue, VenuePnl> by = new EnumMap<>(Venue.class);
        for (Venue venue : Venue.values()) {
            String w = venue.wireName();
            by.put(venue, new VenuePnl(dec(v.tradingPnl().get(w)), dec(v.fees().get(w)), dec(v.fundingReceived().get(w))));
        }
        return new CycleStats(Long.parseLong(v.cycles()), Long.parseLong(v.stopLosses()), new BigDecimal(v.volumeUsd()), by);
    }

    private static Map<String, String> perVenue(CycleStats s, Function<VenuePnl, BigDecimal> f) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Venue v : Venue.values()) {
            m.put(v.wireName(), plain(f.apply(s.byVenue().get(v))));
        }
        return m;
    }

    static List<CycleResult> cycles(List<BotSnapshot.CycleView> views) {
        List<CycleResult> out = new ArrayList<>();
        if (views != null) {
            views.forEach(v -> out.add(cycle(v)));
        }
        return out;
    }

    private static BigDecimal dec(String s) {
        return s == null ? BigDecimal.ZERO : new BigDecimal(s);
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }
}
