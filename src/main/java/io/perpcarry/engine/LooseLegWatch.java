package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotState;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outside HOLDING the bot holds no hedge, yet a leg may be there: left by a failed open or a partial close, a late
 * fill, a manual trade. Every position on both venues is checked like a hedge's leg (stop-loss, liquidation
 * distance). A leg that trips one HALTs the bot naming it (once per leg and trigger): it is not a hedge the closer
 * could close, and a person must look. While HOLDING the same pass covers every position in another symbol than
 * the hedge's (a manual trade, a late fill of an older cycle), and hands it to {@link StrayLegs}; so too, while
 * WAITING or IDLE after reconciling, every position (a late fill of an order left unresolved at an open is unwound).
 * Reads at most once per check interval (stream events come in bursts).
 */
final class LooseLegWatch {
    private final Venues venues;
    private final RotationEngine engine;
    private final LegRisk risk;
    private final Clock clock;
    private final Duration every;
    private final Set<String> halted = new HashSet<>();
    private Instant last;
    /** Attributes positions beside a held hedge (absent: they are only leg-checked). */
    private StrayLegs strays;

    LooseLegWatch(Venues venues, RotationEngine engine, LegRisk risk, Clock clock, Duration every) {
        this.venues = venues;
        this.engine = engine;
        this.risk = risk;
        this.clock = clock;
        this.every = every;
    }

    LooseLegWatch withStrays(StrayLegs s) {
        this.strays = s;
        return this;
    }

    /**
     * No hedge, no open or close under way, and the venues reconciled (before that, a leg may be a hedge to adopt).
     * Read live from the engine for each leg, never from the state the pass began with: a restart's reconcile or a
     * scan's open may have moved on meanwhile (a pass begun while IDLE once unwound a leg of the hedge the
     * reconcile had just recovered). {@code reconciled} first: once it is true the state read next is the
     * reconciled one (the engine sets both under its lock).
     */
    private boolean lateFillsOurs() {
        boolean reconciled = engine.reconciled();
        BotState now = engine.state();
        return reconciled && (now == BotState.WAITING || now == BotState.IDLE) && engine.position().isEmpty();
    }

    RiskVerdict check(BotState state) {
        return check(state, Optional.empty());
    }

    /**
     * As {@link #check(BotState)}, beside a held hedge: its symbol is the hedge's guard's (both venues), every other
     * position gets the same leg checks and then the stray rules ({@link StrayLegs#besideHedge}: ours unwound,
     * anything else alerted).
     */
    RiskVerdict check(BotState state, Optional<HeldPosition> hedge) {
        Instant now = clock.instant();
        String where = hedge.map(h -> "beside the " + h.symbol() + " hedge").orElse("no hedge held");
        if (last != null && now.isBefore(last.plus(every))) {
            return RiskVerdict.ok(where + " (" + state + "); legs checked at " + last);
        }
        last = now;
        if (state != BotState.HALTED) {
            halted.clear(); // a person cleared the halt: a leg still at risk halts again
        }
        List<String> notes = new ArrayList<>();
        int legs = 0;
        for (Venue v : Venue.values()) {
            List<Position> held;
            try {
                held = venues.account(v).positions().stream().filter(p -> !p.isFlat())
                        .filter(p -> hedge.map(h -> !h.symbol().equals(p.symbol())).orElse(true)).toList();
            } catch (VenueException e) {
                notes.add(v.displayName() + " unreadable: " + e.getMessage());
                continue;
            }
            for (Position p : held) {
                legs++;
                if (strays != null && (hedge.isPresent() || lateFillsOurs())) {
                    // ours (a late fill): unwound, not watched
                    StrayLegs.Beside b = hedge.isPresent() ? strays.besideHedge(p, hedge.get().symbol())
                            : strays.lateFill(p);
                    if (!b.note().isEmpty()) {
                        notes.add(b.note());
                    }
                    if (b.taken()) {
                        continue;
                    }
                }
                Optional<CloseRequest> trip = Optional.empty();
                try {
                    BigDecimal mark = venues.read(v, () -> venues.get(v).orderBook(p.symbol(), 1)).mid();
                    trip = risk.check(p, mark, new ArrayList<>());
                } catch (VenueException e) {
                    notes.add(p.label() + " unpriced: " + e.getMessage());
                }
                if (trip.isPresent() && halted.add(v + "/" + p.symbol() + "/" + trip.get().kind())) {
                    engine.halt("LEG AT RISK " + (hedge.isPresent() ? where : "outside a hedge") + " (" + state + "): "
                            + v.displayName() + " " + p.symbol() + " " + p.signedSize().toPlainString() + ": "
                            + trip.get().reason() + "; close it by hand or with bin/perpcarry emergency-close");
                    return RiskVerdict.ok("halted: " + trip.get().reason());
                }
            }
        }
        return RiskVerdict.ok(where + " (" + state + "); " + legs + " leg(s) checked"
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }
}
