package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.BotState;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.VenuePnl;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.state.StateStore;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup (and after a HALT is resumed): what do the venues really hold, against what state.json and the journal
 * say? A matched pair → HOLDING with its original {@code opened_at}; unequal pair → levelled; a leg of ours alone →
 * unwound; anything else (foreign or same-side positions, several symbols) → HALTED. Our stray orders are
 * cancelled. A venue that cannot be read → nothing is decided, the next scan tries again; nothing is ever opened
 * before this has run.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Venues venues;
    private final ReduceOnlyExecutor reducer;
    private final RotationEngine engine;
    private final StateStore store;
    private final Journal journal;
    private final EngineSettings settings;
    private final Clock clock;
    private boolean restored;

    public Reconciler(Venues venues, ReduceOnlyExecutor reducer, RotationEngine engine, StateStore store,
                      Journal journal, EngineSettings settings, Clock clock) {
        this.venues = venues;
        this.reducer = reducer;
        this.engine = engine;
        this.store = store;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs once until it succeeds; cheap afterwards. Called at the top of each scan. */
    public synchronized boolean ensureReconciled() {
        if (engine.reconciled()) {
            return true;
        }
        ChaosHook.at("reconcile");
        Optional<BotSnapshot> saved = StateStore.load(store.stateFile());
        if (!restored) {
            saved.ifPresent(store::restoreFrom);
            restored = true;
        }
        if (store.state() == BotState.HALTED) {
            return false; // a halt survives restarts: a person resumes it
        }
        Map<Venue, List<Position>> held = new EnumMap<>(Venue.class);
        Map<Venue, List<OpenOrder>> orders = new EnumMap<>(Venue.class);
        try {
            for (Venue v : Venue.values()) {
                held.put(v, venues.account(v).positions().stream().filter(p -> !p.isFlat()).toList());
                orders.put(v, venues.openOrders(v));
            }
        } catch (VenueException e) {
            LOG.warn("reconcile postponed, venue unreadable: {}", e.getMessage());
            return false;
        }
        Optional<HeldPosition> recorded = saved.flatMap(StateStore::positionOf);
        // A symbol is ours only while a cycle may have left something on the venues; after a finished cycle a
        // position in the same symbol is the trader's own and must not be touched.
        Optional<String> ourSymbol = recorded.map(HeldPosition::symbol)
                .or(() -> cycleInFlight(saved) ? lastCycleSymbol() : Optional.empty());
        cancelStrays(orders, ourSymbol);
        decide(held, recorded, ourSymbol, saved);
        return engine.reconciled();
    }

    private void decide(Map<Venue, List<Position>> held, Optional<HeldPosition> recorded, Optional<String> ourSymbol,
                        Optional<BotSnapshot> saved) {
        Map<String, Map<Venue, Position>> bySymbol = new TreeMap<>();
        held.forEach((v, ps) -> ps.forEach(p -> bySymbol.computeIfAbsent(p.symbol(), k -> new EnumMap<>(Venue.class)).put(v, p)));
        if (bySymbol.isEmpty()) {
            boolean wasClosing = saved.map(sv -> BotState.CLOSING.name().equals(sv.state())).orElse(false);
            if (recorded.isPresent() && wasClosing && store.state() == BotState.CLOSING) {
                recordFinishedClose(recorded.get());
                return;
            }
            if (recorded.isPresent()) {
                journal.append("position_gone", Map.of("symbol", recorded.get().symbol(),
                        "reason", "state.json held it but both venues are flat (closed outside the bot or liquidated)"));
            }
            boolean wasWaiting = saved.map(s -> BotState.WAITING.name().equals(s.state())).orElse(false);
            engine.recovered(wasWaiting ? BotState.WAITING : BotState.IDLE, null, "both venues flat");
            return;
        }
        if (bySymbol.size() > 1) {
            engine.recovered(BotState.HALTED, null, "positions in several symbols " + bySymbol.keySet() + "; not ours to guess");
            return;
        }
        String symbol = bySymbol.keySet().iterator().next();
        Map<Venue, Position> legs = bySymbol.get(symbol);
        // ours by record, or by evidence: our journaled orders' fills account for every leg (a late fill)
        boolean ours = ourSymbol.map(symbol::equals).orElse(false) || attributed(legs);
        if (legs.size() == 1) {
            Venue v = legs.keySet().iterator().next();
            if (!ours) {
                engine.recovered(BotState.HALTED, null, "a " + symbol + " position on " + v.displayName()
                        + " the bot has no record of; close it by hand or with an emergency close");
                return;
            }
            long cycle = recorded.map(HeldPosition::cycleId).orElse(store.lastCycleId());
            ReduceOnlyExecutor.Reduction r = reducer.reduceTo(v, symbol, BigDecimal.ZERO, cycleOrNow(cycle), LegRole.RECOVER);
            engine.recovered(r.done() ? BotState.WAITING : BotState.HALTED, null, r.done()
                    ? "one-sided " + symbol + " on " + v.displayName() + " unwound" : "NAKED LEG: " + r.describe());
            return;
        }
        Position a = legs.get(Venue.LIGHTER);
        Position b = legs.get(Venue.EDGEX);
        if (a.signedSize().signum() == b.signedSize().signum()) {
            engine.recovered(BotState.HALTED, null, symbol + " is " + a.side().orElseThrow() + " on both venues");
            return;
        }
        adoptPair(symbol, a.signedSize().signum() > 0 ? a : b, a.signedSize().signum() > 0 ? b : a, recorded, ours);
    }

    private void adoptPair(String symbol, Position longPos, Position shortPos, Optional<HeldPosition> recorded, boolean ours) {
        if (!ours) {
            engine.recovered(BotState.HALTED, null, "a " + symbol + " hedge the bot has no record of (open before the"
                    + " bot or by hand); to hand it to the bot, stop it and run: bin/perpcarry adopt " + symbol);
            return;
        }
        BigDecimal step = recorded.map(HeldPosition::sizeStep)
                .orElseGet(() -> venues.spec(Venue.LIGHTER, symbol).sizeStep().max(venues.spec(Venue.EDGEX, symbol).sizeStep()));
        BigDecimal l = longPos.absSize();
        BigDecimal s = shortPos.absSize();
        LegTolerance tolerance = LegTolerance.of(venues, symbol);
        long cycle = cycleOrNow(recorded.map(HeldPosition::cycleId).orElse(store.lastCycleId()));
        if (!tolerance.matched(l, s)) {
            BigDecimal target = tolerance.levelTarget(l, s);
            Map<Venue, BigDecimal> sizes = new LinkedHashMap<>();
            sizes.put(longPos.venue(), l);
            sizes.put(shortPos.venue(), s);
            Optional<ReduceOnlyExecutor.Reduction> failed = reducer.trimTo(sizes, symbol, target, cycle, LegRole.RECOVER);
            if (failed.isPresent()) {
                engine.recovered(BotState.HALTED, null, symbol + " legs unequal (" + l + " vs " + s
                        + ") and levelling failed: " + failed.get().describe());
                return;
            }
            if (target.signum() == 0) {
                engine.recovered(BotState.WAITING, null, symbol + " legs " + l + " / " + s + " below one common step; both unwound");
                return;
            }
            longPos = venues.account(longPos.venue()).position(symbol).orElseThrow();
            shortPos = venues.account(shortPos.venue()).position(symbol).orElseThrow();
        }
        Venue longVenue = longPos.venue();
        Instant openedAt = recorded.filter(r -> r.longLeg().venue() == longVenue && r.symbol().equals(symbol)).map(HeldPosition::openedAt)
                .or(() -> openedAtFromJournal(symbol, cycle)).orElse(clock.instant());
        Instant target = recorded.filter(r -> r.openedAt().equals(openedAt)).map(HeldPosition::targetCloseAt)
                .orElse(openedAt.plus(settings.holdDuration()));
        HeldPosition p = new HeldPosition(cycle, symbol,
                new HeldLeg(longPos.venue(), PositionSide.LONG, longPos.absSize(), longPos.entryPrice()),
                new HeldLeg(shortPos.venue(), PositionSide.SHORT, shortPos.absSize(), shortPos.entryPrice()),
                step, openedAt, target);
        engine.recovered(BotState.HOLDING, p, "matched " + p.describe() + ", opened at " + openedAt);
    }

    /**
     * A crash in CLOSING after both legs were flat: the cycle still counts. Its result is booked from the venues'
     * fills and funding (the same figures a normal close books), then the bot waits as after any close.
     */
    private void recordFinishedClose(HeldPosition p) {
        CycleBook book = new CycleBook(venues, journal);
        Map<Venue, VenuePnl> pnl = new EnumMap<>(Venue.class);
        BigDecimal volume = BigDecimal.ZERO;
        try {
            for (Venue v : Venue.values()) {
                CycleBook.Booked b = book.book(v, p.symbol(), p.cycleId());
                BigDecimal funding = venues.read(v, () -> venues.get(v).fundingPayments(p.openedAt())).stream()
                        .filter(f -> f.symbol().equals(p.symbol())).map(FundingPayment::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                pnl.put(v, new VenuePnl(b.trading(), b.fees(), funding));
                volume = volume.add(b.volume());
            }
        } catch (VenueException e) {
            LOG.warn("reconcile postponed, cycle {} result unreadable: {}", p.cycleId(), e.getMessage());
            return; // not reconciled: the next scan tries again; nothing is dropped
        }
        engine.onClosed(new CycleResult(p.cycleId(), p.symbol(), p.longLeg().venue(), p.openedAt(), clock.instant(),
                "close finished before a restart", false, pnl, volume));
        engine.recovered(BotState.WAITING, null, "both venues flat; cycle " + p.cycleId() + " closed before the restart"
                + " and recorded");
    }

    /**
     * Takes an equal and opposite {@code symbol} pair already open on both venues under the bot's management:
     * HOLDING with the venues' entry prices and a hold clock starting now. Refused (nothing changes) unless the
     * bot is IDLE, WAITING or HALTED with no position on record, the pair is long on one venue and short on the
     * other within one size step, and nothing else is positioned.
     *
     * @return what was adopted, for the operator
     */
    public synchronized String adopt(String symbol, String by) {
        BotState s = engine.state();
        if ((s != BotState.IDLE && s != BotState.WAITING && s != BotState.HALTED) || engine.position().isPresent()) {
            throw new IllegalStateException("cannot adopt while the bot is " + s
                    + engine.position().map(p -> " with " + p.describe()).orElse(""));
        }
        Map<Venue, Position> legs = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            for (Position p : venues.account(v).positions()) {
                if (p.isFlat()) {
                    continue;
                }
                if (!p.symbol().equals(symbol)) {
                    throw new IllegalStateException(v.displayName() + " also holds " + p.symbol()
                            + "; the bot manages one hedge: close it first");
                }
                legs.put(v, p);
            }
        }
        if (legs.size() != 2) {
            throw new IllegalStateException(symbol + " is not open on both venues (" + legs.keySet()
                    + "); adopt takes an equal and opposite pair");
        }
        Position l = legs.get(Venue.LIGHTER);
        Position e = legs.get(Venue.EDGEX);
        if (l.signedSize().signum() == e.signedSize().signum()) {
            throw new IllegalStateException(symbol + " is " + l.side().orElseThrow() + " on both venues: not a hedge");
        }
        BigDecimal step = venues.spec(Venue.LIGHTER, symbol).sizeStep().max(venues.spec(Venue.EDGEX, symbol).sizeStep());
        if (l.absSize().subtract(e.absSize()).abs().compareTo(step) > 0) {
            throw new IllegalStateException(symbol + " legs differ by more than one size step " + step.toPlainString()
                    + " (Lighter " + l.signedSize().toPlainString() + ", EdgeX " + e.signedSize().toPlainString()
                    + "): level them by hand first");
        }
        Position longPos = l.signedSize().signum() > 0 ? l : e;
        Position shortPos = longPos == l ? e : l;
        Instant now = clock.instant();
        long cycle = ClientOrderIds.newCycle(now.getEpochSecond(), store.lastCycleId() + 1);
        HeldPosition p = new HeldPosition(cycle, symbol,
                new HeldLeg(longPos.venue(), PositionSide.LONG, longPos.absSize(), longPos.entryPrice()),
                new HeldLeg(shortPos.venue(), PositionSide.SHORT, shortPos.absSize(), shortPos.entryPrice()),
                step, now, now.plus(settings.holdDuration()));
        engine.adopted(p, by);
        return "adopted " + p.describe() + "; holding until " + p.targetCloseAt();
    }

    private void cancelStrays(Map<Venue, List<OpenOrder>> orders, Optional<String> ourSymbol) {
        orders.forEach((v, os) -> {
            for (OpenOrder o : os) {
                boolean ours = ClientOrderIds.cycleOf(o.clientOrderId()) > 0 || ourSymbol.map(o.symbol()::equals).orElse(false);
                if (!ours) {
                    LOG.warn("leaving foreign order {} {} {} on {}", o.orderId(), o.symbol(), o.side(), v);
                    continue;
                }
                try {
                    journal.append("stray_order_cancel", Map.of("venue", v.wireName(), "order_id", o.orderId(),
                            "client_order_id", o.clientOrderId(), "symbol", o.symbol()));
                    venues.get(v).cancelOrder(o.symbol(), o.orderId());
                } catch (VenueException e) {
                    LOG.warn("cancelling stray order {} on {}: {}", o.orderId(), v, e.getMessage());
                }
            }
        });
    }

    private boolean cycleInFlight(Optional<BotSnapshot> saved) {
        if (saved.isPresent()) {
            return BotState.valueOf(saved.get().state()).mayHoldPositions();
        }
        // streamed from the newest journal part back: a long journal is never loaded whole
        return journal.last(java.util.Set.of("state_change"), e -> true)
                .flatMap(e -> e.text("to")).map(BotState::valueOf).map(BotState::mayHoldPositions).orElse(false);
    }

    private Optional<String> lastCycleSymbol() {
        return journal.last(java.util.Set.of("state_change", "position_opened", "open_fell_through"), "\"symbol\"", e -> e.text("symbol").isPresent())
                .flatMap(e -> e.text("symbol"));
    }

    /**
     * The hold clock of the cycle in flight, only from that cycle's own {@code position_opened}: after a crash in
     * OPENING there is none, and an older cycle's in the same symbol must not age the new hedge (the clock starts now).
     * A later close in this symbol means the hedge on the venues was opened outside our records.
     */
    private Optional<Instant> openedAtFromJournal(String symbol, long cycle) {
        return journal.last(java.util.Set.of("position_opened", "position_closed"),
                        e -> e.text("symbol").map(symbol::equals).orElse(false))
                .filter(e -> e.type().equals("position_opened"))
                .filter(e -> e.text("cycle_id").map(c -> Long.parseLong(c) == cycle).orElse(false))
                .flatMap(e -> e.text("opened_at")).map(Instant::parse);
    }

    private boolean attributed(Map<Venue, Position> legs) {
        if (strays == null) {
            return false;
        }
        try {
            return legs.entrySet().stream().allMatch(e -> strays.attribute(e.getKey(), e.getValue()).isPresent());
        } catch (VenueException e) {
            LOG.warn("cannot attribute {} from the venues' order records: {}", legs.values(), e.getMessage());
            return false;
        }
    }

    private StrayLegs strays;

    /** Lets positions be attributed to the bot's own orders by client order id (a late fill is ours). */
    public Reconciler withStrays(StrayLegs s) {
        this.strays = s;
        return this;
    }

    private long cycleOrNow(long cycle) {
        return cycle > 0 ? cycle : clock.instant().getEpochSecond();
    }
}
