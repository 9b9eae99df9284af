package io.perpcarry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.ControlBanner;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.Json;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.ui.DashboardModel;
import io.perpcarry.ui.FundingTable;
import io.perpcarry.ui.TerminalDashboard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the HTTP API, as JSON text: what the terminal dashboard and the read-only commands show. Reads
 * memory only (the engine's store and the dashboard's last frame): a browser polling it costs no venue request.
 */
public final class BotApi {
    static final int JOURNAL_TAIL = 50;

    private final EngineBeans beans;
    private final TerminalDashboard screen;
    private final String mode;

    public BotApi(EngineBeans beans, TerminalDashboard screen, String mode) {
        this.beans = beans;
        this.screen = screen;
        this.mode = mode;
    }

    /** State, pause/halt (with who, when and the lifting command), reconciliation. */
    public String state() {
        BotSnapshot s = beans.store.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("state", s.state());
        m.put("paused", s.paused());
        m.put("halt_reason", s.haltReason());
        m.put("control", ControlBanner.of(s, beans.journal.readAll()).map(ControlBanner::toJson).orElse(null));
        m.put("reconciled", beans.engine.reconciled());
        m.put("updated_at", s.updatedAt());
        m.put("wait_until", s.waitUntil());
        return json(m);
    }

    /** The held hedge with both legs: size, entry, mark-side uPnL, funding received, liquidation distance. */
    public String hedge() {
        Optional<HeldPosition> p = beans.engine.position();
        Optional<DashboardModel> frame = screen == null ? Optional.empty() : screen.lastModel();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("held", p.isPresent());
        p.ifPresent(h -> {
            m.put("symbol", h.symbol());
            m.put("cycle_id", Long.toString(h.cycleId()));
            m.put("opened_at", h.openedAt().toString());
            m.put("target_close_at", h.targetCloseAt().toString());
            List<Map<String, Object>> legs = new ArrayList<>();
            BigDecimal notional = BigDecimal.ZERO;
            for (Venue v : Venue.values()) {
                HeldLeg leg = h.leg(v);
                notional = notional.add(leg.entryNotional());
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("venue", v.wireName());
                l.put("side", leg.side().name());
                l.put("size", plain(leg.size()));
                l.put("entry_price", plain(leg.entryPrice()));
                frame.map(f -> f.venues().get(v)).ifPresent(view -> {
                    l.put("read_at", view.readAt() == null ? null : view.readAt().toString());
                    l.put("venue_error", view.error());
                    l.put("funding_received", plain(view.fundingThisHedge()));
                    view.leg().ifPresent(lv -> {
                        l.put("unrealized_pnl", plain(lv.unrealizedPnl()));
                        l.put("liquidation_price", plain(lv.liquidationPrice()));
                        l.put("liquidation_distance_pct", distancePct(leg.entryPrice(), lv.liquidationPrice()));
                    });
                });
                legs.add(l);
            }
            m.put("entry_notional_usd", plain(notional));
            m.put("legs", legs);
        });
        return json(m);
    }

    /** Equity and available capital per venue, and the transfer that would even them out (the bot moves no funds). */
    public String capital() {
        Optional<DashboardModel> frame = screen == null ? Optional.empty() : screen.lastModel();
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> venues = new ArrayList<>();
        frame.ifPresent(f -> f.venues().values().forEach(v -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("venue", v.venue().wireName());
            x.put("known", v.known());
            x.put("equity", plain(v.equity()));
            x.put("available", plain(v.available()));
            x.put("error", v.error());
            x.put("read_at", v.readAt() == null ? null : v.readAt().toString());
            venues.add(x);
        }));
        m.put("venues", venues);
        m.put("rebalance", frame.flatMap(BotApi::rebalance).orElse(null));
        return json(m);
    }

    /** Half the equity gap, from the richer venue to the poorer: equal balances use the most capital. */
    static Optional<Map<String, Object>> rebalance(DashboardModel f) {
        DashboardModel.VenueView l = f.venues().get(Venue.LIGHTER);
        DashboardModel.VenueView e = f.venues().get(Venue.EDGEX);
        if (l == null || e == null || !l.known() || !e.known() || l.equity() == null || e.equity() == null) {
            return Optional.empty();
        }
        BigDecimal gap = l.equity().subtract(e.equity());
        Map<String, Object> m = new LinkedHashMap<>();
        BigDecimal amount = gap.abs().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        m.put("from", gap.signum() >= 0 ? "lighter" : "edgex");
        m.put("to", gap.signum() >= 0 ? "edgex" : "lighter");
        m.put("amount_usd", amount.toPlainString());
        m.put("note", "the bot cannot move funds: withdraw and deposit in the venues' apps while flat");
        return Optional.of(m);
    }

    /** The latest funding table: the same rows as {@code funding-all --json}. */
    public String funding() {
        Optional<FundingTable> t = screen == null ? Optional.empty() : screen.lastTable();
        return json(t.map(FundingTable::toJson).orElse(List.of()));
    }

    /** Finished cycles (oldest first) with PnL split, and the cumulative totals. */
    public String cycles() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CycleResult r : beans.store.history()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cycle_id", Long.toString(r.cycleId()));
            c.put("symbol", r.symbol());
            c.put("long_venue", r.longVenue().wireName());
            c.put("opened_at", r.openedAt().toString());
            c.put("closed_at", r.closedAt().toString());
            c.put("close_reason", r.closeReason());
            c.put("stop_loss", r.stopLoss());
            BigDecimal funding = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal trading = BigDecimal.ZERO;
            for (var p : r.pnl().values()) {
                funding = funding.add(p.funding());
                fees = fees.add(p.fees());
                trading = trading.add(p.trading());
            }
            c.put("funding", plain(funding));
            c.put("fees", plain(fees));
            c.put("trading", plain(trading));
            c.put("net_pnl", plain(r.netPnl()));
            c.put("volume_usd", plain(r.volumeUsd()));
            rows.add(c);
        }
        m.put("cycles", rows);
        m.put("stats", beans.store.snapshot().stats());
        return json(m);
    }

    /** The last entries of the journal, newest last. */
    public String journal() {
        List<JournalEntry> all = beans.journal.readAll();
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry e : all.subList(Math.max(0, all.size() - JOURNAL_TAIL), all.size())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ts", e.ts().toString());
            m.put("type", e.type());
            m.putAll(e.fields());
            out.add(m);
        }
        return json(out);
    }

    /** Per venue: account readable, market data fresh for the held or monitored symbols. */
    public String health() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> venues = new ArrayList<>();
        Optional<DashboardModel> frame = screen == null ? Optional.empty() : screen.lastModel();
        for (Venue v : Venue.values()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("venue", v.wireName());
            DashboardModel.VenueView view = frame.map(f -> f.venues().get(v)).orElse(null);
            x.put("account_readable", view == null ? null : view.known());
            x.put("error", view == null ? null : view.error());
            x.put("read_at", view == null || view.readAt() == null ? null : view.readAt().toString());
            String symbol = beans.engine.position().map(HeldPosition::symbol).orElse(null);
            if (symbol != null) {
                x.put("book_fresh_" + symbol, beans.venues.get(v).marketDataFresh(symbol));
            }
            venues.add(x);
        }
        m.put("venues", venues);
        m.put("state", beans.engine.state().name());
        m.put("reconciled", beans.engine.reconciled());
        return json(m);
    }

    private static String distancePct(BigDecimal entry, BigDecimal liq) {
        if (entry == null || liq == null || entry.signum() == 0 || liq.signum() == 0) {
            return null;
        }
        return liq.subtract(entry).abs().multiply(BigDecimal.valueOf(100)).divide(entry, 2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
