package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After both opening legs went out: settles each leg from the venue's record of its order (never a fixed sleep),
 * then reads positions back and makes them a hedge or nothing. A leg still unresolved at the settle deadline may fill
 * later, so it is never taken for flat: unless its position already shows the full size, both venues are unwound
 * and a late fill is unwound when it shows ({@link #abandon}).
 * Equal within {@link LegTolerance} → HOLDING. Both filled, unequal → both legs trimmed reduce-only to the smaller
 * one on the common grid (trimming cannot add exposure, topping up could). One leg only → unwind it reduce-only. Anything it cannot fix → HALTED.
 */
public final class LegReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(LegReconciler.class);

    private final Venues venues;
    private final ReduceOnlyExecutor reducer;
    private final RotationEngine engine;
    private final EngineSettings settings;
    private final LegSettler settler;
    private final Clock clock;

    public LegReconciler(Venues venues, ReduceOnlyExecutor reducer, RotationEngine engine, EngineSettings settings,
                         LegSettler settler, Clock clock) {
        this.venues = venues;
        this.reducer = reducer;
        this.engine = engine;
        this.settings = settings;
        this.settler = settler;
        this.clock = clock;
    }

    private OpenRetry retry;

    /** Retries an opening leg's unfilled part at fresh prices before the read-back (open_retries). */
    public LegReconciler withRetry(OpenRetry r) {
        this.retry = r;
        return this;
    }

    public OpenResult reconcile(HedgePlan plan, List<LegOutcome> outcomes) {
        ChaosHook.at("read-back");
        // a leg whose route failed is known only by its venue: its id comes from the plan, so it is looked up
        List<LegOutcome> legs = outcomes.stream().map(o -> o.clientOrderId() != 0 ? o : new LegOutcome(o.venue(),
                Long.parseLong(plan.leg(o.venue()).clientOrderId()), o.status(), o.reportedFill(), o.message())).toList();
        List<LegSettler.Settled> settled = new java.util.ArrayList<>(settler.settleAll(plan.symbol(), legs));
        if (retry != null) {
            settled.addAll(retry.topUp(plan, legs, List.copyOf(settled))); // an IOC that missed: fresh prices
        }
        String sent = settled.stream().map(LegSettler.Settled::describe).toList().toString();
        Venue longVenue = plan.longLeg().venue();
        Venue shortVenue = plan.shortLeg().venue();
        Optional<Position> longPos;
        Optional<Position> shortPos;
        try {
            longPos = read(longVenue, plan.symbol());
            shortPos = read(shortVenue, plan.symbol());
        } catch (VenueException e) {
            return halt("cannot read " + plan.symbol() + " positions after sending hedge " + plan.hedgeId() + " "
                    + sent + ": " + e.getMessage() + " — check both venues by hand");
        }
        BigDecimal l = longPos.map(Position::signedSize).orElse(BigDecimal.ZERO);
        BigDecimal s = shortPos.map(Position::signedSize).orElse(BigDecimal.ZERO);
        if (l.signum() < 0 || s.signum() > 0) {
            return halt("unexpected direction after " + plan.hedgeId() + ": " + longVenue.displayName() + " " + l
                    + ", " + shortVenue.displayName() + " " + s);
        }
        BigDecimal longAbs = l.abs();
        BigDecimal shortAbs = s.abs();
        List<LegSettler.Settled> unresolved = settled.stream().filter(leg -> !leg.resolved()
                && (leg.venue() == longVenue ? longAbs : shortAbs).compareTo(plan.leg(leg.venue()).size()) < 0).toList();
        if (!unresolved.isEmpty()) {
            Map<Venue, BigDecimal> shown = new LinkedHashMap<>();
            shown.put(longVenue, l);
            shown.put(shortVenue, s);
            return abandon(plan, unresolved, sent, shown);
        }
        if (longAbs.signum() == 0 && shortAbs.signum() == 0) {
            engine.onOpenAborted("no leg filled " + sent);
            return OpenResult.NOTHING_FILLED;
        }
        if (longAbs.signum() == 0 || shortAbs.signum() == 0) {
            Venue filled = longAbs.signum() == 0 ? shortVenue : longVenue;
            ReduceOnlyExecutor.Reduction r = reducer.reduceTo(filled, plan.symbol(), BigDecimal.ZERO, plan.cycleId(),
                    LegRole.UNWIND);
            if (!r.done()) {
                return halt("NAKED LEG: only " + filled.displayName() + " " + plan.symbol() + " filled " + sent
                        + " and the reduce-only unwind failed: " + r.describe());
            }
            engine.onOpenAborted("one leg only " + sent + "; " + filled.displayName() + " unwound");
            return OpenResult.UNWOUND;
        }
        LegTolerance tolerance;
        try {
            tolerance = LegTolerance.of(venues, plan.symbol());
        } catch (VenueException e) {
            tolerance = LegTolerance.of(plan.sizeStep(), plan.sizeStep()); // specs unreadable: the plan's common step
        }
        if (!tolerance.matched(longAbs, shortAbs)) {
            // both legs to the common grid, never above the smaller: trimming cannot add exposure, topping up could
            BigDecimal target = tolerance.levelTarget(longAbs, shortAbs);
            Map<Venue, BigDecimal> sizes = new LinkedHashMap<>();
            sizes.put(longVenue, longAbs);
            sizes.put(shortVenue, shortAbs);
            Optional<ReduceOnlyExecutor.Reduction> failed = reducer.trimTo(sizes, plan.symbol(), target, plan.cycleId(),
                    LegRole.LEVEL);
            if (failed.isPresent()) {
                return halt("legs unequal after " + plan.hedgeId() + " (" + longAbs + " vs " + shortAbs
                        + ") and levelling to " + target.toPlainString() + " failed: " + failed.get().describe());
            }
            try {
                longPos = read(longVenue, plan.symbol());
                shortPos = read(shortVenue, plan.symbol());
            } catch (VenueException e) {
                return halt("cannot read positions after levelling " + plan.hedgeId() + ": " + e.getMessage());
            }
            if (target.signum() == 0 && longPos.isEmpty() && shortPos.isEmpty()) {
                engine.onOpenAborted("legs " + longAbs.toPlainString() + " / " + shortAbs.toPlainString() + " " + sent
                        + " below one common step " + tolerance.commonStep().toPlainString() + "; both unwound");
                return OpenResult.UNWOUND;
            }
            if (longPos.isEmpty() || shortPos.isEmpty()) {
                return halt("a leg vanished while levelling " + plan.hedgeId());
            }
            LOG.warn("levelled {}: {} / {} trimmed to {}", plan.hedgeId(), longAbs, shortAbs, target);
        }
        Instant now = clock.instant();
        Position lp = longPos.orElseThrow();
        Position sp = shortPos.orElseThrow();
        HeldPosition held = new HeldPosition(plan.cycleId(), plan.symbol(),
                new HeldLeg(longVenue, PositionSide.LONG, lp.absSize(), lp.entryPrice()),
                new HeldLeg(shortVenue, PositionSide.SHORT, sp.absSize(), sp.entryPrice()),
                plan.sizeStep(), now, now.plus(settings.holdDuration()));
        engine.onOpened(held);
        return OpenResult.HOLDING;
    }

    /**
     * A leg unresolved at the settle deadline may still fill, or may never have reached the venue (a request without
     * answer). Holding the other leg until a person looks leaves it naked for as long as that takes, so both venues
     * are brought to flat reduce-only now, and a late fill of the unresolved order is unwound when it shows
     * ({@link StrayLegs#lateFill}, within a risk-check interval while WAITING or IDLE; before any open). Journaled
     * {@code unresolved_leg} and alerted; HALTED only when an unwind fails.
     */
    private OpenResult abandon(HedgePlan plan, List<LegSettler.Settled> unresolved, String sent,
                               Map<Venue, BigDecimal> shown) {
        List<String> orders = new java.util.ArrayList<>();
        for (LegSettler.Settled leg : unresolved) {
            io.perpcarry.domain.HedgeLeg planned = plan.leg(leg.venue());
            orders.add(leg.venue().displayName() + " " + plan.symbol() + " " + planned.side() + " "
                    + planned.size().toPlainString() + " (client order id " + leg.clientOrderId() + ")");
        }
        String positions = plan.symbol() + " positions then " + String.join(", ", shown.entrySet().stream()
                .map(e -> e.getKey().displayName() + " " + e.getValue().toPlainString()).toList());
        for (Venue v : List.of(plan.longLeg().venue(), plan.shortLeg().venue())) {
            if (shown.get(v).signum() == 0) {
                continue;
            }
            ReduceOnlyExecutor.Reduction r = reducer.reduceTo(v, plan.symbol(), BigDecimal.ZERO, plan.cycleId(),
                    LegRole.UNWIND);
            if (!r.done()) {
                return halt("UNRESOLVED LEG: " + String.join(", ", orders) + " did not end within "
                        + settings.settleDeadline() + " and may still fill; " + positions + "; the reduce-only unwind of "
                        + v.displayName() + " failed: " + r.describe() + " — check both venues by hand");
            }
        }
        String reason = "UNRESOLVED LEG: " + String.join(", ", orders) + " did not end within "
                + settings.settleDeadline() + " " + sent + "; " + positions + " unwound reduce-only; a late fill of it"
                + " is the bot's own and is unwound when it shows";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cycle_id", plan.cycleId());
        f.put("symbol", plan.symbol());
        f.put("client_order_ids", unresolved.stream().map(LegSettler.Settled::clientOrderId).toList().toString());
        f.put("reason", reason);
        engine.alert("unresolved_leg", f, reason);
        engine.onOpenAborted(reason);
        return OpenResult.UNWOUND;
    }

    private Optional<Position> read(Venue v, String symbol) {
        AccountState a = venues.account(v);
        return a.position(symbol).filter(p -> !p.isFlat());
    }

    private OpenResult halt(String reason) {
        engine.halt(reason);
        return OpenResult.HALTED;
    }

    public enum OpenResult { HOLDING, NOTHING_FILLED, UNWOUND, HALTED }
}
