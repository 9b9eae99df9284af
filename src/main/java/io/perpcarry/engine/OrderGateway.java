package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.PreparedOrder;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place orders leave the bot. Each order is journaled before it is sent and its outcome after; it is sent
 * exactly once (a client order id already journaled is never sent again, even after a restart); a write with no
 * clear answer is looked up by client order id (a resting remnant is cancelled), never resent.
 */
public final class OrderGateway {
    private final Venues venues;
    private final Journal journal;
    private final Sleeper sleeper;
    private final Duration settle;
    private final Set<Long> sent = ConcurrentHashMap.newKeySet();

    public OrderGateway(Venues venues, Journal journal, Sleeper sleeper, Duration settle) {
        this.venues = venues;
        this.journal = journal;
        this.sleeper = sleeper;
        this.settle = settle;
        // streamed, only the order_sent lines: the journal may hold a year of lines (LegTolerance/Journal, strategy)
        journal.forEachOfType(java.util.Set.of("order_sent"), e -> sent.add(e.number("client_order_id")));
    }

    /** True when this client order id went out before (this run or an earlier one). */
    public boolean alreadySent(long clientOrderId) {
        return sent.contains(clientOrderId);
    }

    /** Next attempt number whose id was never used, so a retried reduce-only order gets a fresh id. */
    public long freshId(long cycleId, LegRole role, Venue venue) {
        for (int attempt = 0; attempt < 100; attempt++) {
            long id = ClientOrderIds.of(cycleId, role, venue, attempt);
            if (!sent.contains(id)) {
                return id;
            }
        }
        throw new IllegalStateException("100 " + role + " orders on " + venue + " in cycle " + cycleId + ": giving up");
    }

    public LegOutcome send(Venue venue, OrderRequest order, LegRole role, long cycleId) {
        return send(venue, new PreparedOrder(venue, order, null), role, cycleId);
    }

    /** Sends an order built and signed ahead ({@link io.perpcarry.venue.VenueConnector#prepare}): same rules. */
    public LegOutcome send(Venue venue, PreparedOrder prepared, LegRole role, long cycleId) {
        if (!announce(venue, prepared.request(), role, cycleId)) {
            return alreadySentOutcome(venue, prepared.request());
        }
        return sendAnnounced(venue, prepared);
    }

    /**
     * Journals an order as sent (on disk before it goes) and books its id, without sending it: the opening legs are
     * announced together before the parallel fork, so that neither leg's send waits for the other's fsync.
     *
     * @return false when the id went out before (journaled {@code order_skipped}): it must not be sent
     */
    public boolean announce(Venue venue, OrderRequest order, LegRole role, long cycleId) {
        if (!sent.add(order.clientOrderId())) {
            journal.append("order_skipped", Map.of("venue", venue.wireName(), "client_order_id", order.clientOrderId(),
                    "reason", "already sent"));
            return false;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("venue", venue.wireName());
        f.put("cycle_id", cycleId);
        f.put("role", role);
        f.put("symbol", order.symbol());
        f.put("side", order.side());
        f.put("size", order.size());
        f.put("price", order.price());
        f.put("order_type", order.type());
        f.put("reduce_only", order.reduceOnly());
        f.put("client_order_id", order.clientOrderId());
        journal.append("order_sent", f);
        return true;
    }

    static LegOutcome alreadySentOutcome(Venue venue, OrderRequest order) {
        return new LegOutcome(venue, order.clientOrderId(), LegOutcome.Status.UNKNOWN, Optional.empty(),
                "client order id already sent; not sending it twice");
    }

    /** Sends an order {@link #announce}d before, once, and journals its outcome. */
    public LegOutcome sendAnnounced(Venue venue, PreparedOrder prepared) {
        OrderRequest order = prepared.request();
        LegOutcome outcome;
        try {
            OrderAck ack = prepared.payload() == null ? venues.get(venue).placeOrder(order)
                    : venues.get(venue).send(prepared);
            outcome = new LegOutcome(venue, order.clientOrderId(), LegOutcome.Status.ACCEPTED, ack.filledSize(),
                    "accepted as " + ack.venueOrderId());
        } catch (VenueException e) {
            outcome = classify(venue, order, e);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("venue", venue.wireName());
        r.put("client_order_id", order.clientOrderId());
        r.put("outcome", outcome.status());
        outcome.reportedFill().ifPresent(fill -> r.put("filled_size", fill));
        r.put("message", outcome.message());
        journal.append("order_result", r);
        return outcome;
    }

    private LegOutcome classify(Venue venue, OrderRequest order, VenueException e) {
        if (e.kind() == VenueErrorKind.REJECTED || e.kind() == VenueErrorKind.INVALID_REQUEST
                || e.kind() == VenueErrorKind.AUTH || e.kind() == VenueErrorKind.RATE_LIMITED) {
            return new LegOutcome(venue, order.clientOrderId(), LegOutcome.Status.REJECTED, Optional.empty(),
                    e.getMessage());
        }
        // Sent, no clear answer: find it by client order id; an IOC should not rest, cancel it if it does.
        sleeper.sleep(settle);
        try {
            for (OpenOrder o : venues.openOrders(venue)) {
                if (o.clientOrderId() == order.clientOrderId()) {
                    venues.get(venue).cancelOrder(o.symbol(), o.orderId());
                    return new LegOutcome(venue, order.clientOrderId(), LegOutcome.Status.UNKNOWN, Optional.empty(),
                            e.getMessage() + "; found resting as " + o.orderId() + ", cancelled");
                }
            }
        } catch (VenueException lookup) {
            return new LegOutcome(venue, order.clientOrderId(), LegOutcome.Status.UNKNOWN, Optional.empty(),
                    e.getMessage() + "; lookup failed: " + lookup.getMessage());
        }
        return new LegOutcome(venue, order.clientOrderId(), LegOutcome.Status.UNKNOWN, Optional.empty(),
                e.getMessage() + "; not resting, position read-back decides");
    }
}
