package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotState;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.Journal;
import io.perpcarry.strategy.StopLoss;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches the held hedge: stop-loss per leg, distance to liquidation within the margin buffer, leg imbalance beyond
 * {@code max_leg_imbalance_pct}, and market data stale (or accounts unreadable) for longer than the grace period.
 * Any of them → a close request. Runs on the check timer and on stream events. Outside HOLDING (but OPENING and
 * CLOSING, which read their legs back themselves) every position on both venues is watched by {@link LooseLegWatch};
 * while HOLDING it watches every position in another symbol than the hedge's, after the hedge's own checks.
 */
public final class RiskGuard {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Venues venues;
    private final RotationEngine engine;
    private final LegRisk legRisk;
    private final LooseLegWatch looseLegs;
    private final EngineSettings settings;
    private final Journal journal;
    private final Clock clock;
    private Instant staleSince;

    public RiskGuard(Venues venues, RotationEngine engine, StopLoss stopLoss, EngineSettings settings, Journal journal,
                     Clock clock, StrayLegs strays) {
        this.venues = venues;
        this.engine = engine;
        this.legRisk = new LegRisk(stopLoss, settings);
        this.looseLegs = new LooseLegWatch(venues, engine, legRisk, clock, settings.staleGrace().dividedBy(2))
                .withStrays(strays);
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
    }

    public synchronized RiskVerdict check() {
        Optional<HeldPosition> held = engine.position();
        if (engine.emergencyUnderway()) {
            return RiskVerdict.ok("emergency close under way");
        }
        BotState state = engine.state();
        if (state != BotState.HOLDING || held.isEmpty()) {
            staleSince = null;
            // OPENING / CLOSING read their own legs back; in every other state any leg is watched
            return state == BotState.OPENING || state == BotState.CLOSING
                    ? RiskVerdict.ok("nothing held (" + state + ")") : looseLegs.check(state);
        }
        ChaosHook.at("hold");
        HeldPosition p = held.get();
        Map<Venue, Position> legs = new LinkedHashMap<>();
        Map<Venue, BigDecimal> marks = new LinkedHashMap<>();
        String stale = null;
        LegTolerance tolerance = LegTolerance.of(p.sizeStep(), p.sizeStep());
        try {
            tolerance = LegTolerance.of(venues, p.symbol());
            for (Venue v : List.of(p.longLeg().venue(), p.shortLeg().venue())) {
                if (!venues.get(v).marketDataFresh(p.symbol())) {
                    stale = v.displayName() + " " + p.symbol() + " market data stale";
                }
                legs.put(v, venues.account(v).position(p.symbol()).orElse(null));
                marks.put(v, venues.read(v, () -> venues.get(v).orderBook(p.symbol(), 1)).mid());
            }
        } catch (VenueException e) {
            stale = "venue unreadable: " + e.getMessage();
        }
        if (!stillHolding(p)) {
            // Closed (scan, JMX, emergency) while the venues were being read: what was read is that close's
            // work in progress, not a broken hedge.
            return RiskVerdict.ok("hedge changed during the check (" + engine.state() + ")");
        }
        if (stale != null) {
            return staleVerdict(stale);
        }
        staleSince = null;
        Position longPos = legs.get(p.longLeg().venue());
        Position shortPos = legs.get(p.shortLeg().venue());
        if (longPos == null || shortPos == null || longPos.signedSize().signum() <= 0 || shortPos.signedSize().signum() >= 0) {
            return risk(new CloseRequest("a leg of " + p.describe() + " is missing or reversed: long " + size(longPos)
                    + ", short " + size(shortPos), CloseRequest.Kind.IMBALANCE));
        }
        BigDecimal larger = longPos.absSize().max(shortPos.absSize());
        BigDecimal imbalancePct = longPos.absSize().subtract(shortPos.absSize()).abs().multiply(HUNDRED)
                .divide(larger, MathContext.DECIMAL64);
        // within the shared tolerance the legs cannot be brought closer: never a reason to close the hedge
        if (imbalancePct.compareTo(settings.maxLegImbalancePct()) > 0 && !tolerance.matched(longPos.absSize(), shortPos.absSize())) {
            return risk(new CloseRequest("legs of " + p.describe() + " differ by " + pct(imbalancePct) + "% > "
                    + settings.maxLegImbalancePct().stripTrailingZeros().toPlainString() + "%", CloseRequest.Kind.IMBALANCE));
        }
        List<String> notes = new ArrayList<>();
        for (Position leg : List.of(longPos, shortPos)) {
            Optional<CloseRequest> trip = legRisk.check(leg, marks.get(leg.venue()), notes);
            if (trip.isPresent()) {
                return risk(trip.get());
            }
        }
        // the hedge is fine: now every other position the accounts report (same rules as outside HOLDING)
        notes.add(looseLegs.check(state, Optional.of(p)).summary());
        return RiskVerdict.ok(String.join("; ", notes));
    }

    private boolean stillHolding(HeldPosition p) {
        return engine.state() == BotState.HOLDING && !engine.emergencyUnderway()
                && engine.position().map(p::equals).orElse(false);
    }

    private RiskVerdict staleVerdict(String why) {
        Instant now = clock.instant();
        if (staleSince == null) {
            staleSince = now;
        }
        if (!now.isBefore(staleSince.plus(settings.staleGrace()))) {
            return risk(new CloseRequest(why + " since " + staleSince, CloseRequest.Kind.STALE_DATA));
        }
        return RiskVerdict.ok(why + " (grace until " + staleSince.plus(settings.staleGrace()) + ")");
    }

    private RiskVerdict risk(CloseRequest r) {
        journal.append(r.stopLoss() ? "stop_loss" : "risk_close", Map.of("kind", r.kind(), "reason", r.reason()));
        return RiskVerdict.close(r);
    }

    private static String size(Position p) {
        return p == null ? "flat" : p.signedSize().toPlainString();
    }

    private static String pct(BigDecimal v) {
        return LegRisk.pct(v);
    }
}
