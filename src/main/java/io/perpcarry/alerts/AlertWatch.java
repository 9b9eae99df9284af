package io.perpcarry.alerts;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.state.CycleStats;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.ui.DashboardModel;
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
    /** What the watch reads: the engine, the venues' streams and the dashboard's last frame. */
    public interface Sources {
        Optional<HeldPosition> held();

        boolean marketDataFresh(Venue v, String symbol);

        /** The venue's account as the dashboard last read it (empty before the first frame). */
        Optional<DashboardModel.VenueView> account(Venue v);

        /** Each venue's funding APR % of the symbol from the last scan's funding table (absent when unknown). */
        Map<Venue, BigDecimal> fundingAprPct(String symbol);

        String state();

        CycleStats stats();

        static Sources of(EngineBeans beans, TerminalDashboard screen) {
            return new Sources() {
                public Optional<HeldPosition> held() {
                    return beans.engine.position();
                }

                public boolean marketDataFresh(Venue v, String symbol) {
                    return beans.venues.get(v).marketDataFresh(symbol);
                }

                public Optional<DashboardModel.VenueView> account(Venue v) {
                    return frame().map(f -> f.venues().get(v));
                }

                public Map<Venue, BigDecimal> fundingAprPct(String symbol) {
                    Map<Venue, BigDecimal> out = new EnumMap<>(Venue.class);
                    frame().flatMap(DashboardModel::fundingTable).flatMap(t -> t.rows().stream()
                            .filter(r -> r.symbol().equals(symbol)).findFirst()).ifPresent(r -> {
                                if (r.lighterAprPct() != null) {
                                    out.put(Venue.LIGHTER, r.lighterAprPct());
                                }
                                if (r.edgexAprPct() != null) {
                                    out.put(Venue.EDGEX, r.edgexAprPct());
                                }
                            });
                    return out;
                }

                private Optional<DashboardModel> frame() {
                    return screen == null ? Optional.empty() : screen.lastModel();
                }

                public String state() {
                    return beans.engine.state().name();
                }

                public CycleStats stats() {
                    return beans.store.stats();
                }
            };
        }
    }

    private final Sources sources;
    private final Collection<String> symbols;
    private final Clock clock;
    private final Duration threshold;
    private final Map<Venue, Instant> unreadableSince = new EnumMap<>(Venue.class);
    private final Map<Venue, Instant> staleSince = new EnumMap<>(Venue.class);

    public AlertWatch(Sources sources, Collection<String> symbols, Clock clock, Duration threshold) {
        this.sources = sources;
        this.symbols = List.copyOf(symbols);
        this.clock = clock;
        this.threshold = threshold;
    }

    public synchronized List<Alert> check() {
        Instant now = clock.instant();
        List<Alert> out = new ArrayList<>();
        Optional<HeldPosition> held = sources.held();
        for (Venue v : Venue.values()) {
            Optional<DashboardModel.VenueView> view = sources.account(v);
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
                    .filter(s -> !sources.marketDataFresh(v, s)).toList();
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
        held.flatMap(p -> fundingAgainst(p, sources.fundingAprPct(p.symbol()), now)).ifPresent(out::add);
        return out;
    }

    /** Positive-funding convention: longs pay, shorts receive; the hedge earns (short APR − long APR). */
    private static Optional<Alert> fundingAgainst(HeldPosition p, Map<Venue, BigDecimal> apr, Instant now) {
        BigDecimal longApr = apr.get(p.longLeg().venue());
        BigDecimal shortApr = apr.get(p.shortLeg().venue());
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

    public Alert dailySummary() {
        Instant now = clock.instant();
        CycleStats s = sources.stats();
        String hedge = sources.held().map(HeldPosition::describe).orElse("no hedge held");
        return new Alert(AlertKind.DAILY_SUMMARY, "daily|" + now, "state " + sources.state() + "; " + hedge
                + "; " + s.cycles() + " cycles closed, net PnL " + s.netPnl().toPlainString() + " USD (fees "
                + s.fees().toPlainString() + ", trading " + s.tradingPnl().toPlainString() + "), "
                + s.stopLosses() + " stop-losses", now);
    }
}
