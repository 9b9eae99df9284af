package io.perpcarry.engine;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.OrderOutcome;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Positions found when the bot expected flat accounts (before an open). Each is attributed from evidence: the
 * venue's own record (by client order id) of the orders the journal says the bot sent in that venue and symbol,
 * in the newest cycle that traded there. A position those fills account for within one size step is ours — an
 * order answered after its client timeout that filled late — and is unwound reduce-only like any other lone leg.
 * Anything else, or an unwind that fails, HALTs naming venue, symbol and size: a position is never waited on.
 */
public final class StrayLegs {
    private final Venues venues;
    private final ReduceOnlyExecutor reducer;
    private final RotationEngine engine;
    private final Journal journal;
    /** Positions beside a held hedge already alerted (venue/symbol/size): one alert each, not one per pass. */
    private final Set<String> alerted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Positions outside a hedge no order of ours accounts for (venue/symbol/size): not read again at that size. */
    private final Set<String> notOurs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public StrayLegs(Venues venues, ReduceOnlyExecutor reducer, RotationEngine engine, Journal journal) {
        this.venues = venues;
        this.reducer = reducer;
        this.engine = engine;
        this.journal = journal;
    }

    /** What our journaled orders in one cycle filled, net, on one venue and symbol. */
    record Attribution(long cycleId, BigDecimal netFilled, List<Long> clientOrderIds) {
    }

    /**
     * Deals with positions found before an open; returns the refusal to throw (the open never proceeds beside them).
     * Ours → unwound (journaled {@code late_fill}); otherwise the bot is HALTED with the reason.
     */
    public HedgePlanner.AccountsNotFlatException refuse(String symbol, Map<Venue, List<Position>> held) {
        Map<Position, Attribution> ours = new LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        for (Map.Entry<Venue, List<Position>> e : held.entrySet()) {
            for (Position p : e.getValue()) {
                Optional<Attribution> a;
                try {
                    a = attribute(e.getKey(), p);
                } catch (VenueException ex) {
                    if (ex.kind() == io.perpcarry.venue.VenueErrorKind.INVALID_REQUEST) {
                        foreign.add(label(p) + " (its orders cannot be read: " + ex.getMessage() + ")");
                        continue; // never readable: no evidence will come, so not ours
                    }
                    // the evidence is unreadable now: refuse this open, try again at the next scan (never guess)
                    return new HedgePlanner.AccountsNotFlatException("not opening " + symbol + ": " + label(p)
                            + " found and its orders unreadable (" + ex.getMessage() + "); retried at the next scan");
                }
                if (a.isPresent()) {
                    ours.put(p, a.get());
                } else {
                    foreign.add(label(p));
                }
            }
        }
        if (!foreign.isEmpty()) {
            return halt("UNATTRIBUTED POSITION: " + String.join(", ", foreign) + " held while the bot expected flat"
                    + " accounts, and no order of the bot accounts for it; not opening " + symbol + " beside it."
                    + " Close it by hand or with bin/perpcarry emergency-close (or hand a pair to the bot with"
                    + " bin/perpcarry adopt SYMBOL), then bin/perpcarry resume --clear-halt");
        }
        List<String> unwound = new ArrayList<>();
        for (Map.Entry<Position, Attribution> e : ours.entrySet()) {
            Optional<String> failed = unwind(e.getKey(), e.getValue());
            if (failed.isPresent()) {
                return halt(failed.get());
            }
            unwound.add(label(e.getKey()) + " (orders " + e.getValue().clientOrderIds() + ")");
        }
        return new HedgePlanner.AccountsNotFlatException("not opening " + symbol + ": late fill of the bot's own "
                + String.join(", ", unwound) + " unwound reduce-only; opening again after the wait");
    }

    /**
     * While a hedge is held, a position in another symbol: ours (a late fill of an older cycle) is unwound
     * reduce-only; anything else is alerted once (journaled {@code stray_position}) and left to a person — the hedge
     * stays protected, and no new hedge opens beside it ({@link #refuse} HALTs at the next open).
     *
     * @return what was done, for the risk pass's summary; {@code taken} when the position is no longer the watch's
     */
    Beside besideHedge(Position p, String heldSymbol) {
        Optional<Beside> ours = unwindIfOurs(p, "beside the hedge");
        if (ours.isPresent()) {
            return ours.get();
        }
        String side = p.signedSize().signum() > 0 ? "long" : "short";
        String key = p.venue() + "/" + p.symbol() + "/" + p.signedSize().stripTrailingZeros().toPlainString();
        if (alerted.add(key)) {
            String reason = "UNATTRIBUTED POSITION beside the " + heldSymbol + " hedge: " + p.venue().displayName() + " "
                    + p.symbol() + " " + side + " " + p.absSize().toPlainString() + ", no order of the bot accounts for"
                    + " it; it is watched (stop-loss, liquidation distance) but not closed, and no new hedge opens"
                    + " beside it. Close it by hand or with bin/perpcarry emergency-close";
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("venue", p.venue().wireName());
            f.put("symbol", p.symbol());
            f.put("side", side);
            f.put("size", p.absSize().toPlainString());
            f.put("reason", reason);
            engine.alert("stray_position", f, reason);
        }
        return new Beside(false, "unattributed " + label(p) + " beside the hedge (alerted)");
    }

    /**
     * No hedge held and no open under way (WAITING, IDLE): a position the bot's own orders account for is a late fill
     * (an order unresolved at an open, filled after): unwound reduce-only. Anything else is left to the leg checks.
     */
    Beside lateFill(Position p) {
        String key = p.venue() + "/" + p.symbol() + "/" + p.signedSize().stripTrailingZeros().toPlainString();
        if (notOurs.contains(key)) {
            return new Beside(false, ""); // already attributed to no order of ours at this size: no reads each pass
        }
        Optional<Beside> b = unwindIfOurs(p, "outside a hedge");
        if (b.isEmpty()) {
            notOurs.add(key);
        }
        return b.orElse(new Beside(false, ""));
    }

    /**
     * Empty when the position is not ours (or its orders are never readable); otherwise what was done. Only a cycle
     * whose open was aborted or whose hedge was closed leaves late fills: a cycle still under way (an open in
     * flight, a hedge a restart just recovered) owns its legs, and a risk pass racing it must not unwind them.
     */
    private Optional<Beside> unwindIfOurs(Position p, String where) {
        Optional<Attribution> a;
        try {
            a = attribute(p.venue(), p);
        } catch (VenueException ex) {
            if (ex.kind() != io.perpcarry.venue.VenueErrorKind.INVALID_REQUEST) {
                return Optional.of(new Beside(false, label(p) + " " + where + ": its orders unreadable ("
                        + ex.getMessage() + "); retried"));
            }
            return Optional.empty(); // never readable: no evidence will come, so not ours
        }
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (!ended(a.get().cycleId())) {
            return Optional.of(new Beside(false, label(p) + " " + where + ": filled by cycle " + a.get().cycleId()
                    + ", which has not ended; left to it"));
        }
        Optional<String> failed = unwind(p, a.get());
        if (failed.isPresent()) {
            engine.halt(failed.get());
            return Optional.of(new Beside(true, "halted: " + failed.get()));
        }
        return Optional.of(new Beside(true, "late fill " + label(p) + " (orders " + a.get().clientOrderIds()
                + ") unwound reduce-only"));
    }

    /** @param taken unwound, or halted on: nothing left for the leg checks to do */
    record Beside(boolean taken, String note) {
    }

    /** Journals {@code late_fill} and unwinds reduce-only; the HALT reason when the unwind fails. */
    private Optional<String> unwind(Position p, Attribution a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("venue", p.venue().wireName());
        f.put("symbol", p.symbol());
        f.put("size", p.signedSize().toPlainString());
        f.put("cycle_id", a.cycleId());
        f.put("client_order_ids", a.clientOrderIds().toString());
        journal.append("late_fill", f);
        ReduceOnlyExecutor.Reduction r = reducer.reduceTo(p.venue(), p.symbol(), BigDecimal.ZERO, a.cycleId(),
                LegRole.RECOVER);
        if (!r.done()) {
            return Optional.of("NAKED LEG: " + label(p) + " filled late by the bot's own orders " + a.clientOrderIds()
                    + " of cycle " + a.cycleId() + " and the reduce-only unwind failed: " + r.describe());
        }
        return Optional.empty();
    }

    /** The cycle's open was aborted or its hedge closed: nothing of it is under way any more. */
    private boolean ended(long cycleId) {
        return journal.last(Set.of("open_aborted", "position_closed"), String.valueOf(cycleId),
                e -> e.number("cycle_id") == cycleId).isPresent();
    }

    /** Empty when the bot's journaled orders do not account for the position (or it never traded there). */
    Optional<Attribution> attribute(Venue v, Position p) {
        Optional<JournalEntry> newest = journal.last(Set.of("order_sent"), "\"" + p.symbol() + "\"",
                e -> matches(e, v, p.symbol()));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        long cycle = newest.get().number("cycle_id");
        List<JournalEntry> sent = new ArrayList<>();
        journal.forEachOfType(Set.of("order_sent"), e -> {
            if (matches(e, v, p.symbol()) && e.number("cycle_id") == cycle) {
                sent.add(e);
            }
        });
        BigDecimal net = BigDecimal.ZERO;
        List<Long> ids = new ArrayList<>();
        for (JournalEntry e : sent) {
            long id = e.number("client_order_id");
            OrderOutcome o = venues.read(v, () -> venues.get(v).orderOutcome(p.symbol(), id));
            if (o.filledSize().signum() != 0) {
                boolean buy = e.text("side").map("BUY"::equals).orElse(false);
                net = net.add(buy ? o.filledSize() : o.filledSize().negate());
                ids.add(id);
            }
        }
        BigDecimal step = venues.spec(v, p.symbol()).sizeStep();
        if (net.signum() == 0 || net.subtract(p.signedSize()).abs().compareTo(step) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(cycle, net, List.copyOf(ids)));
    }

    private static boolean matches(JournalEntry e, Venue v, String symbol) {
        return e.text("venue").map(v.wireName()::equals).orElse(false)
                && e.text("symbol").map(symbol::equals).orElse(false);
    }

    private HedgePlanner.AccountsNotFlatException halt(String reason) {
        engine.halt(reason);
        return new HedgePlanner.AccountsNotFlatException(reason);
    }

    private static String label(Position p) {
        return p.venue().displayName() + " " + p.symbol() + " " + p.signedSize().toPlainString();
    }
}
