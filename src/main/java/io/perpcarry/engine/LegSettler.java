package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.OrderOutcome;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles sent orders from the venues' own records, never from a fixed sleep: polls each order's status by client
 * order id until it has ended (filled, partly filled, cancelled or refused after acceptance) or the deadline passes.
 * Lighter acknowledges a transaction before executing it, so "not found" right after the ack means "not yet". An
 * order still unresolved at the deadline is reported as such: callers must never take it for flat.
 */
public final class LegSettler {
    private static final Logger LOG = LoggerFactory.getLogger(LegSettler.class);
    /** Without a poll interval (tests) a few reads stand in for the deadline. */
    private static final int POLLS_WITHOUT_INTERVAL = 3;

    private final Venues venues;
    private final Sleeper sleeper;
    private final Duration poll;
    private final Duration deadline;

    public LegSettler(Venues venues, Sleeper sleeper, Duration poll, Duration deadline) {
        this.venues = venues;
        this.sleeper = sleeper;
        this.poll = poll;
        this.deadline = deadline;
    }

    /**
     * What became of one order.
     *
     * @param outcome the venue's last answer (empty: refused at send, or never readable)
     * @param note    refused at send / read failures, for the journal
     */
    public record Settled(Venue venue, long clientOrderId, boolean resolved, Optional<OrderOutcome> outcome,
                          String note) {
        public BigDecimal filled() {
            return outcome.map(OrderOutcome::filledSize).orElse(BigDecimal.ZERO);
        }

        public String describe() {
            String what = outcome.map(OrderOutcome::describe).orElse(venue.displayName() + " #" + clientOrderId);
            return what + (resolved ? "" : " UNRESOLVED") + (note.isEmpty() ? "" : " [" + note + "]");
        }
    }

    public Settled settle(Venue venue, String symbol, long clientOrderId) {
        return settleAll(symbol, List.of(new LegOutcome(venue, clientOrderId, LegOutcome.Status.ACCEPTED,
                Optional.empty(), ""))).get(0);
    }

    /** Settles every leg; a leg refused at send (nothing reached the venue's book) is resolved at once as nothing. */
    public List<Settled> settleAll(String symbol, List<LegOutcome> legs) {
        List<Settled> state = new ArrayList<>();
        for (LegOutcome l : legs) {
            state.add(l.rejected()
                    ? new Settled(l.venue(), l.clientOrderId(), true, Optional.empty(), "refused at send: " + l.message())
                    : new Settled(l.venue(), l.clientOrderId(), false, Optional.empty(), ""));
        }
        long start = System.nanoTime();
        int maxPolls = poll.isZero() ? POLLS_WITHOUT_INTERVAL : (int) Math.max(1, deadline.toMillis() / poll.toMillis()) + 1;
        for (int polls = 1; ; polls++) {
            boolean all = true;
            for (int i = 0; i < state.size(); i++) {
                if (!state.get(i).resolved()) {
                    state.set(i, read(state.get(i), symbol));
                    all &= state.get(i).resolved();
                }
            }
            if (all || polls >= maxPolls || System.nanoTime() - start >= deadline.toNanos()) {
                break;
            }
            sleeper.sleep(poll);
        }
        for (int i = 0; i < state.size(); i++) {
            Settled s = state.get(i);
            if (!s.resolved() && s.outcome().map(o -> o.state() == OrderOutcome.State.OPEN).orElse(false)) {
                state.set(i, cancelAndRead(s, symbol)); // an IOC should never rest: take it off, then look again
            }
        }
        state.stream().filter(s -> !s.resolved()).forEach(s -> LOG.warn("order unresolved after {}: {}", deadline,
                s.describe()));
        return List.copyOf(state);
    }

    private Settled read(Settled s, String symbol) {
        try {
            OrderOutcome o = venues.read(s.venue(), () -> venues.get(s.venue()).orderOutcome(symbol, s.clientOrderId()));
            return new Settled(s.venue(), s.clientOrderId(), o.resolved(), Optional.of(o), "");
        } catch (VenueException e) {
            return new Settled(s.venue(), s.clientOrderId(), false, s.outcome(), "status unreadable: " + e.getMessage());
        }
    }

    private Settled cancelAndRead(Settled s, String symbol) {
        String id = s.outcome().flatMap(OrderOutcome::venueOrderId).orElse(Long.toString(s.clientOrderId()));
        try {
            venues.get(s.venue()).cancelOrder(symbol, id);
        } catch (VenueException e) {
            return new Settled(s.venue(), s.clientOrderId(), false, s.outcome(), "resting; cancel failed: " + e.getMessage());
        }
        sleeper.sleep(poll);
        return read(s, symbol);
    }
}
