package io.perpcarry.engine;

import io.perpcarry.domain.Opportunity;
import io.perpcarry.state.BotState;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.Journal;
import io.perpcarry.state.StateStore;
import io.perpcarry.strategy.Ranking;
import io.perpcarry.strategy.RotationDecision;
import io.perpcarry.strategy.RotationPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rotation state machine. Every transition is journaled (fsync'd) before it takes effect and then persisted.
 * It decides; it never talks to a venue. Until the startup {@link Reconciler} has matched state.json with the
 * venues it answers WAIT: nothing is opened on a guess.
 */
public final class RotationEngine {
    private final EngineSettings settings;
    private final RotationPolicy policy;
    private final Journal journal;
    private final StateStore store;
    private final Clock clock;
    private final Alerter alerter;
    private boolean reconciled;
    private Instant stateSince;
    /** An emergency close is flattening both venues: nothing else may act on the hedge meanwhile. */
    private volatile boolean emergencyUnderway;
    private volatile io.perpcarry.preflight.EntryGate entryGate = io.perpcarry.preflight.EntryGate.OPEN;

    public RotationEngine(EngineSettings settings, Journal journal, StateStore store, Clock clock, Alerter alerter) {
        this.settings = settings;
        this.policy = new RotationPolicy(settings.rotationMode(), settings.minNetAprPct());
        this.journal = journal;
        this.store = store;
        this.clock = clock;
        this.alerter = alerter;
    }

    /** The live daemon's preflight gate: while it refuses, no new hedge is opened (what is held stays protected). */
    public void entryGate(io.perpcarry.preflight.EntryGate gate) {
        this.entryGate = java.util.Objects.requireNonNull(gate, "gate");
    }

    public synchronized EngineDecision onRanking(Ranking ranking) {
        BotState s = store.state();
        if (s == BotState.HALTED) {
            return EngineDecision.of(EngineDecision.Action.WAIT, "halted: " + store.haltReason().orElse("?"));
        }
        if (!reconciled) {
            return EngineDecision.of(EngineDecision.Action.WAIT, "venues not reconciled yet");
        }
        if (store.paused()) {
            return EngineDecision.of(s == BotState.HOLDING ? EngineDecision.Action.HOLD : EngineDecision.Action.WAIT,
                    "paused");
        }
        java.util.Optional<String> refused = entryGate.refusal();
        if (refused.isPresent() && s != BotState.HOLDING) {
            return EngineDecision.of(EngineDecision.Action.WAIT, refused.get());
        }
        Instant now = clock.instant();
        switch (s) {
            case HOLDING:
                return atHold(ranking, now);
            case WAITING:
                if (store.waitUntil().map(now::isBefore).orElse(false)) {
                    return EngineDecision.of(EngineDecision.Action.WAIT, "waiting between cycles until "
                            + store.waitUntil().get());
                }
                transition(BotState.IDLE, "wait between cycles over", Map.of());
                return analyze(ranking, now);
            case IDLE:
                return analyze(ranking, now);
            default:
                if (stateSince != null && now.isAfter(stateSince.plus(settings.stuckAfter()))) {
                    journal.append("stuck", Map.of("state", s, "since", stateSince));
                    reconciled = false; // the next scan reconciles with the venues before anything else
                    return EngineDecision.of(EngineDecision.Action.WAIT, s + " unfinished since " + stateSince
                            + "; reconciling with the venues");
                }
                return EngineDecision.of(EngineDecision.Action.WAIT, s + " in progress");
        }
    }

    private EngineDecision analyze(Ranking ranking, Instant now) {
        Optional<Opportunity> best = ranking.best();
        if (best.isEmpty()) {
            // not a transition: an idle scan journals nothing (a year of them would be a million lines)
            return EngineDecision.of(EngineDecision.Action.WAIT, "no eligible opportunity");
        }
        transition(BotState.ANALYZING, "new ranking", Map.of());
        Opportunity o = best.get();
        // Epoch second of the decision, strictly increasing: client order ids stay unique across cycles.
        long cycleId = ClientOrderIds.newCycle(now.getEpochSecond(), store.lastCycleId() + 1);
        String why = o.symbol() + " long " + o.longVenue().displayName() + " / short " + o.shortVenue().displayName()
                + " net APR " + o.netAprPct().stripTrailingZeros().toPlainString() + "%";
        transition(BotState.OPENING, "opening " + why, Map.of("cycle_id", cycleId, "symbol", o.symbol()));
        store.lastCycleId(cycleId);
        store.persist();
        List<Opportunity> rest = ranking.eligible().stream().skip(1).toList();
        return EngineDecision.open(o, rest, cycleId, why);
    }

    /** The planner fell through to another candidate of the same scan: journaled before its legs are sent. */
    public synchronized void onFallThrough(long cycleId, String refusedSymbol, String reason, String nextSymbol) {
        // "symbol" is what this cycle now opens: crash recovery in OPENING looks for it
        journal.append("open_fell_through", Map.of("cycle_id", cycleId, "refused", refusedSymbol, "reason", reason,
                "symbol", nextSymbol));
    }

    private EngineDecision atHold(Ranking ranking, Instant now) {
        HeldPosition p = store.position().orElseThrow(() -> new IllegalStateException("HOLDING without a position"));
        if (now.isBefore(p.targetCloseAt())) {
            return EngineDecision.of(EngineDecision.Action.HOLD, "holding " + p.describe() + " until " + p.targetCloseAt());
        }
        RotationDecision d = policy.decide(p.asHeldHedge(), ranking);
        switch (d.action()) {
            case EXTEND_HOLD -> {
                Instant target = now.plus(settings.holdDuration());
                journal.append("hold_extended", Map.of("cycle_id", p.cycleId(), "target_close_at", target,
                        "reason", d.reason()));
                store.position(p.withTargetCloseAt(target));
                store.persist();
                return EngineDecision.of(EngineDecision.Action.HOLD, d.reason());
            }
            case CLOSE -> {
                transition(BotState.CLOSING, d.reason(), Map.of("cycle_id", p.cycleId()));
                return new EngineDecision(EngineDecision.Action.CLOSE, Optional.empty(), p.cycleId(), d.reason());
            }
            default -> {
                transition(BotState.CLOSING, d.reason(), Map.of("cycle_id", p.cycleId()));
                return EngineDecision.rotate(d.next().orElseThrow(), p.cycleId(), d.reason());
            }
        }
    }

    /**
     * IDLE/WAITING → OPENING for a hedge the operator opens by hand (paused or not, wait or not): the legs then go
     * through the same planner, gateway and {@link LegReconciler} as the bot's, and a confirmed pair is HOLDING.
     */
    public synchronized EngineDecision beginManualOpen(Opportunity o, String by) {
        BotState s = store.state();
        if (s != BotState.IDLE && s != BotState.WAITING) {
            throw new IllegalStateException("cannot open by hand while the bot is " + s
                    + store.position().map(p -> " (" + p.describe() + ")").orElse(""));
        }
        long cycleId = ClientOrderIds.newCycle(clock.instant().getEpochSecond(), store.lastCycleId() + 1);
        String why = "opened by " + by + ": " + o.symbol() + " long " + o.longVenue().displayName() + " / short "
                + o.shortVenue().displayName();
        transition(BotState.OPENING, why, Map.of("cycle_id", cycleId, "symbol", o.symbol()));
        store.lastCycleId(cycleId);
        store.persist();
        return EngineDecision.open(o, cycleId, why);
    }

    /** OPENING → HOLDING with the legs read back; the hold clock starts at {@code p.openedAt()}. */
    public synchronized void onOpened(HeldPosition p) {
        requireState(BotState.OPENING, "confirm an open");
        journal.append("position_opened", positionFields(p));
        transition(BotState.HOLDING, "both legs confirmed: " + p.describe(), Map.of("cycle_id", p.cycleId()));
        store.position(p);
        store.persist();
    }

    /** OPENING → WAITING: nothing (or nothing any more) is on the venues. */
    public synchronized void onOpenAborted(String reason) {
        if (store.state() != BotState.OPENING) {
            return;
        }
        journal.append("open_aborted", Map.of("cycle_id", store.lastCycleId(), "reason", reason));
        enterWaiting(reason);
    }

    /** HOLDING → CLOSING. False when there is nothing to close or a close is already under way. */
    public synchronized boolean beginClose(String reason) {
        if (store.state() == BotState.CLOSING) {
            return true;
        }
        if (store.state() != BotState.HOLDING) {
            return false;
        }
        long cycle = store.position().map(HeldPosition::cycleId).orElse(0L);
        transition(BotState.CLOSING, reason, Map.of("cycle_id", cycle));
        return true;
    }

    /** CLOSING → HOLDING: the close could not start (a venue unreadable for now); the next pass tries again. */
    public synchronized void closeDeferred(String reason) {
        requireState(BotState.CLOSING, "defer a close");
        long cycle = store.position().map(HeldPosition::cycleId).orElse(0L);
        transition(BotState.HOLDING, "close deferred: " + reason, Map.of("cycle_id", cycle));
    }

    /** CLOSING → WAITING with the realized result recorded. */
    public synchronized void onClosed(CycleResult r) {
        requireState(BotState.CLOSING, "record a close");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cycle_id", r.cycleId());
        f.put("symbol", r.symbol());
        f.put("reason", r.closeReason());
        f.put("net_pnl", r.netPnl());
        f.put("volume_usd", r.volumeUsd());
        r.pnl().forEach((v, p) -> {
            f.put(v.wireName() + "_trading_pnl", p.trading());
            f.put(v.wireName() + "_fees", p.fees());
            f.put(v.wireName() + "_funding", p.funding());
        });
        journal.append("position_closed", f);
        store.record(r);
        store.position(null);
        enterWaiting("closed: " + r.closeReason());
    }

    /**
     * A finished cycle's funding re-read after the close: each venue whose payments differ from what was booked is
     * journaled {@code funding_adjusted} and booked at what was paid (history and totals); then the cycle is
     * journaled {@code funding_rechecked}, after the state is persisted (a crash before that rechecks it again).
     */
    public synchronized void onFundingRechecked(FundingRecheck.Paid p) {
        for (Map.Entry<io.perpcarry.domain.Venue, java.math.BigDecimal> e : p.paid().entrySet()) {
            Optional<java.math.BigDecimal> booked = store.history().stream().filter(r -> r.cycleId() == p.cycleId())
                    .findFirst().map(r -> r.pnl().get(e.getKey()).funding());
            if (booked.isEmpty() || booked.get().compareTo(e.getValue()) == 0) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("cycle_id", p.cycleId());
            f.put("symbol", p.symbol());
            f.put("venue", e.getKey().wireName());
            f.put("booked", booked.get());
            f.put("paid", e.getValue());
            f.put("delta", e.getValue().subtract(booked.get()));
            journal.append("funding_adjusted", f);
            store.adjustFunding(p.cycleId(), e.getKey(), e.getValue());
        }
        store.persist();
        journal.append("funding_rechecked", Map.of("cycle_id", p.cycleId()));
    }

    /** A person must look, but trading goes on (the held hedge stays protected): journaled, then alerted. */
    public void alert(String type, Map<String, ?> fields, String message) {
        journal.append(type, fields);
        alerter.alert(message);
    }

    /** Any state → HALTED. Only a person brings it back ({@link #resume}). */
    public synchronized void halt(String reason) {
        alerter.alert("HALTED: " + reason);
        journal.append("halt", Map.of("reason", reason));
        store.haltReason(reason);
        transition(BotState.HALTED, reason, Map.of());
    }

    public synchronized void pause(String by) {
        pause(by, null);
    }

    /** As {@link #pause(String)}, with the operator's reason journaled (shown by status until resumed). */
    public synchronized void pause(String by, String reason) {
        journal.append("paused", reason == null || reason.isBlank() ? Map.of("by", by) : Map.of("by", by, "reason", reason));
        store.paused(true);
        store.persist();
    }

    /**
     * Clears a pause. From HALTED it does not trust memory: the engine goes back to "not reconciled" and the next
     * scan reads both venues before anything else happens.
     */
    public synchronized void resume(String by) {
        journal.append("resumed", Map.of("by", by));
        store.paused(false);
        if (store.state() == BotState.HALTED) {
            store.haltReason(null);
            reconciled = false;
            transition(BotState.IDLE, "resumed by " + by + "; reconciling with the venues before anything else", Map.of());
            return;
        }
        store.persist();
    }

    /**
     * A person has looked at a HALT and clears it (bin/perpcarry resume, data/control/RESUME): journaled first, then
     * HALTED → IDLE, not reconciled, so the next scan reads both venues before anything else. Unlike {@link #resume} it
     * leaves a pause as it is: clearing a halt and un-pausing are separate decisions. When not halted nothing changes.
     *
     * @return what happened, for the operator
     */
    public synchronized String clearHalt(String by) {
        if (store.state() != BotState.HALTED) {
            return "not halted (state " + store.state() + "); nothing cleared";
        }
        String reason = store.haltReason().orElse("?");
        journal.append("halt_cleared", Map.of("by", by, "halt_reason", reason));
        store.haltReason(null);
        reconciled = false;
        transition(BotState.IDLE, "halt cleared by " + by + "; reconciling with the venues before anything else", Map.of());
        return "halt cleared by " + by + " (was: " + reason + ")";
    }

    /**
     * After an emergency close: flat → IDLE and paused (a person resumes trading); not flat → HALTED. The position on
     * record is dropped only when the venues were verified flat.
     */
    public synchronized void emergencyDone(boolean flat, String summary) {
        if (!flat) {
            halt("emergency close left positions or orders: " + summary);
            return;
        }
        store.position(null);
        store.paused(true);
        store.haltReason(null);
        transition(BotState.IDLE, "emergency close verified flat; paused until resumed", Map.of());
        reconciled = true;
    }

    /**
     * An emergency close starts (true) or ends (false). While it runs, the risk guard and the hedge closer stand
     * aside: half-flattened legs are its work in progress, not a broken hedge to close a second time.
     */
    public void emergencyUnderway(boolean underway) {
        emergencyUnderway = underway;
    }

    public boolean emergencyUnderway() {
        return emergencyUnderway;
    }

    /**
     * A person hands a pair already open on both venues to the bot (bin/perpcarry adopt): journaled with its real
     * entry prices, a halt it caused is cleared, and it is HOLDING from now on as if the bot had opened it.
     */
    public synchronized void adopted(HeldPosition p, String by) {
        Map<String, Object> f = positionFields(p);
        f.put("by", by);
        journal.append("position_adopted", f);
        store.haltReason(null);
        store.lastCycleId(Math.max(store.lastCycleId(), p.cycleId()));
        store.position(p);
        transition(BotState.HOLDING, "adopted by " + by + ": " + p.describe(), Map.of("cycle_id", p.cycleId()));
        reconciled = true;
    }

    /** The reconciler's verdict after reading the venues: the state and position to continue from. */
    public synchronized void recovered(BotState state, HeldPosition position, String reason) {
        if (store.state() == BotState.OPENING && position == null && store.lastCycleId() != 0) {
            // The open a crash cut short is over: no process carries it on. Journaled so that a late fill of one
            // of its orders is known for what it is (StrayLegs: only an ended cycle leaves late fills).
            journal.append("open_aborted", Map.of("cycle_id", store.lastCycleId(), "reason",
                    "restarted during the open; " + reason));
        }
        journal.append("recovered", Map.of("state", state, "reason", reason));
        store.position(position);
        if (state == BotState.WAITING) {
            store.waitUntil(clock.instant().plus(settings.waitBetweenCycles()));
        }
        if (state == BotState.HALTED) {
            halt(reason);
            return;
        }
        transition(state, reason, Map.of());
        reconciled = true;
    }

    public synchronized boolean reconciled() {
        return reconciled;
    }

    public BotState state() {
        return store.state();
    }

    public Optional<HeldPosition> position() {
        return store.position();
    }

    public StateStore store() {
        return store;
    }

    private void enterWaiting(String reason) {
        store.waitUntil(clock.instant().plus(settings.waitBetweenCycles()));
        transition(BotState.WAITING, reason, Map.of("wait_until", store.waitUntil().get()));
    }

    private void transition(BotState to, String reason, Map<String, ?> extra) {
        BotState from = store.state();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("from", from);
        f.put("to", to);
        f.put("reason", reason);
        f.putAll(extra);
        journal.append("state_change", f); // on disk before it takes effect
        store.setState(to);
        stateSince = clock.instant();
        store.persist();
    }

    private void requireState(BotState expected, String what) {
        if (store.state() != expected) {
            throw new IllegalStateException("cannot " + what + " in state " + store.state());
        }
    }

    static Map<String, Object> positionFields(HeldPosition p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cycle_id", p.cycleId());
        f.put("symbol", p.symbol());
        f.put("long_venue", p.longLeg().venue().wireName());
        f.put("short_venue", p.shortLeg().venue().wireName());
        f.put("long_size", p.longLeg().size());
        f.put("short_size", p.shortLeg().size());
        f.put("long_entry", p.longLeg().entryPrice());
        f.put("short_entry", p.shortLeg().entryPrice());
        f.put("size_step", p.sizeStep());
        f.put("opened_at", p.openedAt());
        f.put("target_close_at", p.targetCloseAt());
        return f;
    }
}
