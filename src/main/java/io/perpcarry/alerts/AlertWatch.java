package io.perpcarry.alerts;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.state.CycleStats;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.ui.DashboardModel;
import io.perpcarry.ui.FundingTableRow;
import io.perpcarry.ui.TerminalDashboard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conditions nobody journals, checked on a timer (routes/alerts.yaml): a venue unreadable or a stream stale for
 * longer than {@code threshold}, the held hedge's funding turned against it; and the daily summary.
 */
public final class AlertWatch {
    private final EngineBeans beans;
    private final TerminalDashboard screen;
    private final Collection<String> symbols;
    private final Clock clock;
    private final Duration threshold;
    private final Map<Venue, Instant> unreadableSince = new EnumMap<>(Venue.class);
    private final Map<Venue, Instant> staleSince = new EnumMap<>(Venue.class);

    public AlertWatch(EngineBeans beans, TerminalDashboard screen, Collection<String> symbols, Clock clock, Duration threshold) {
        this.beans = beans;
        this.screen = screen;
        this.symbols = List.copyOf(symbols);
        this.clock = clock;
        this.threshold = threshold;
    }

    public synchronized List<Alert> check() {
        Instant now = clock.instant();
        List<Alert> out = new ArrayList<>();
        Optional<DashboardModel> frame = screen == null ? Optional.empty() : screen.lastModel();
        Optional<HeldPosition> held = beans.engine.position();
        for (Venue v : Venue.values()) {
            Optional<DashboardModel.VenueView> view = frame.map(f -> f.venues().get(v));
            if (view.isPresent() && !view.get().known()) {
                Instant since = unreadableSince.computeIfAbsent(v, k -> now);
                if (!now.isBefore(since.plus(threshold))) {
                    out.add(new Alert(AlertKind.VENUE_UNREADABLE, "unreadable|" + v.wireName(), v.displayName()
                            + " account unreadable since " + since + ": " + view.get().error(), now));
                }
            } else if (view.isPresent()) {
                unreadableSince.remove(v);
            }
            List<String> stale = held.map(p -> List.of(p.symbol())).orElse(List.copyOf(symbols)).stream()
                    .filter(s -> !beans.venues.get(v).marketDataFresh(s)).toList();
            if (stale.isEmpty()) {
                staleSince.remove(v);
            } else {
                Instant since = staleSince.computeIfAbsent(v, k -> now);
                if (!now.isBefore(since.plus(threshold))) {
                    out.add(new Alert(AlertKind.STREAM_STALE, "stale|" + v.wireName(), v.displayName()
                            + " market data stale since " + since + " for " + String.join(", ", stale), now));
                }
            }
        }
        held.flatMap(p -> fundingAgainst(p, frame, now)).ifPresent(out::add);
        return out;
    }

    /** Positive-funding convention: longs pay, shorts receive; the hedge earns (short APR − long APR). */
    private static Optional<Alert> fundingAgainst(HeldPosition p, Optional<DashboardModel> frame, Instant now) {
        Optional<FundingTableRow> row = frame.flatMap(DashboardModel::fundingTable)
                .flatMap(t -> t.rows().stream().filter(r -> r.symbol().equals(p.symbol())).findFirst());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal longApr = apr(row.get(), p.longLeg().venue());
        BigDecimal shortApr = apr(row.get(), p.shortLeg().venue());
        if (longApr == null || shortApr == null) {
            return Optional.empty();
        }
        BigDecimal carry = shortApr.subtract(longApr);
        if (carry.signum() >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Alert(AlertKind.FUNDING_AGAINST, "funding|" + p.cycleId(), p.symbol() + " cycle "
                + p.cycleId() + ": funding now against the hedge, " + carry.toPlainString() + "% APR (long "
                + p.longLeg().venue().displayName() + " " + longApr.toPlainString() + "%, short "
                + p.shortLeg().venue().displayName() + " " + shortApr.toPlainString() + "%)", now));
    }

    private static BigDecimal apr(FundingTableRow r, Venue v) {
        return v == Venue.LIGHTER ? r.lighterAprPct() : r.edgexAprPct();
    }

    public Alert dailySummary() {
        Instant now = clock.instant();
        CycleStats s = beans.store.stats();
        String hedge = beans.engine.position().map(HeldPosition::describe).orElse("no hedge held");
        return new Alert(AlertKind.DAILY_SUMMARY, "daily|" + now, "state " + beans.engine.state() + "; " + hedge
                + "; " + s.cycles() + " cycles closed, net PnL " + s.netPnl().toPlainString() + " USD (fees "
                + s.fees().toPlainString() + ", trading " + s.tradingPnl().toPlainString() + "), "
                + s.stopLosses() + " stop-losses", now);
    }
}
