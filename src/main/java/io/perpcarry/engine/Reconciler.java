package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.BotState;
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
    /** Legs within max(one step, this fraction of their size) are one hedge. */
    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("0.001");

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
        boolean ours = ourSymbol.map(symbol::equals).orElse(false);
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
            engine.recovered(BotState.HALTED, null, "a " + symbol + " hedge the bot has no record of");
            return;
        }
        BigDecimal step = recorded.map(HeldPosition::sizeStep)
                .orElseGet(() -> venues.spec(Venue.LIGHTER, symbol).sizeStep().max(venues.spec(Venue.EDGEX, symbol).sizeStep()));
        BigDecimal l = longPos.absSize();
        BigDecimal s = shortPos.absSize();
        BigDecimal tolerance = step.max(l.max(s).multiply(RELATIVE_TOLERANCE));
        long cycle = cycleOrNow(recorded.map(HeldPosition::cycleId).orElse(store.lastCycleId()));
        if (l.subtract(s).abs().compareTo(tolerance) > 0) {
            Position larger = l.compareTo(s) > 0 ? longPos : shortPos;
            ReduceOnlyExecutor.Reduction r = reducer.reduceTo(larger.venue(), symbol, l.min(s), cycle, LegRole.RECOVER);
            if (!r.done()) {
                engine.recovered(BotState.HALTED, null, symbol + " legs unequal (" + l + " vs " + s + ") and levelling failed: "
                        + r.describe());
                return;
            }
            longPos = venues.account(longPos.venue()).position(symbol).orElseThrow();
            shortPos = venues.account(shortPos.venue()).position(symbol).orElseThrow();
        }
        Venue longVenue = longPos.venue();
        Instant openedAt = recorded.filter(r -> r.longLeg().venue() == longVenue && r.symbol().equals(symbol)).map(HeldPosition::openedAt)
                .or(() -> openedAtFromJournal(symbol)).orElse(clock.instant());
        Instant target = recorded.filter(r -> r.openedAt().equals(openedAt)).map(HeldPosition::targetCloseAt)
                .orElse(openedAt.plus(settings.holdDuration()));
        HeldPosition p = new HeldPosition(cycle, symbol,
                new HeldLeg(longPos.venue(), PositionSide.LONG, longPos.absSize(), longPos.entryPrice()),
                new HeldLeg(shortPos.venue(), PositionSide.SHORT, shortPos.absSize(), shortPos.entryPrice()),
                step, openedAt, target);
        engine.recovered(BotState.HOLDING, p, "matched " + p.describe() + ", opened at " + openedAt);
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
        List<JournalEntry> all = journal.readAll();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).type().equals("state_change")) {
                return all.get(i).text("to").map(BotState::valueOf).map(BotState::mayHoldPositions).orElse(false);
            }
        }
        return false;
    }

    private Optional<String> lastCycleSymbol() {
        List<JournalEntry> all = new ArrayList<>(journal.readAll());
        for (int i = all.size() - 1; i >= 0; i--) {
            JournalEntry e = all.get(i);
            if ((e.type().equals("state_change") || e.type().equals("position_opened")) && e.text("symbol").isPresent()) {
                return e.text("symbol");
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> openedAtFromJournal(String symbol) {
        List<JournalEntry> all = journal.readAll();
        for (int i = all.size() - 1; i >= 0; i--) {
            JournalEntry e = all.get(i);
            if (e.type().equals("position_opened") && e.text("symbol").map(symbol::equals).orElse(false)) {
                return e.text("opened_at").map(Instant::parse);
            }
            if (e.type().equals("position_closed") && e.text("symbol").map(symbol::equals).orElse(false)) {
                return Optional.empty(); // a later hedge in this symbol was opened outside our records
            }
        }
        return Optional.empty();
    }

    private long cycleOrNow(long cycle) {
        return cycle > 0 ? cycle : clock.instant().getEpochSecond();
    }
}
