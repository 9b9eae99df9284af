package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotState;
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
 * could close, and a person must look. Reads at most once per check interval (stream events come in bursts).
 */
final class LooseLegWatch {
    private final Venues venues;
    private final RotationEngine engine;
    private final LegRisk risk;
    private final Clock clock;
    private final Duration every;
    private final Set<String> halted = new HashSet<>();
    private Instant last;

    LooseLegWatch(Venues venues, RotationEngine engine, LegRisk risk, Clock clock, Duration every) {
        this.venues = venues;
        this.engine = engine;
        this.risk = risk;
        this.clock = clock;
        this.every = every;
    }

    RiskVerdict check(BotState state) {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(every))) {
            return RiskVerdict.ok("no hedge held (" + state + "); legs checked at " + last);
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
                held = venues.account(v).positions().stream().filter(p -> !p.isFlat()).toList();
            } catch (VenueException e) {
                notes.add(v.displayName() + " unreadable: " + e.getMessage());
                continue;
            }
            for (Position p : held) {
                legs++;
                Optional<CloseRequest> trip;
                try {
                    BigDecimal mark = venues.read(v, () -> venues.get(v).orderBook(p.symbol(), 1)).mid();
                    trip = risk.check(p, mark, new ArrayList<>());
                } catch (VenueException e) {
                    notes.add(p.label() + " unpriced: " + e.getMessage());
                    continue;
                }
                if (trip.isPresent() && halted.add(v + "/" + p.symbol() + "/" + trip.get().kind())) {
                    engine.halt("LEG AT RISK outside a hedge (" + state + "): " + v.displayName() + " " + p.symbol()
                            + " " + p.signedSize().toPlainString() + ": " + trip.get().reason()
                            + "; close it by hand or with bin/perpcarry emergency-close");
                    return RiskVerdict.ok("halted: " + trip.get().reason());
                }
            }
        }
        return RiskVerdict.ok("no hedge held (" + state + "); " + legs + " leg(s) checked"
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }
}
