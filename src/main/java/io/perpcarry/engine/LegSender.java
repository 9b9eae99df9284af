package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.PreparedOrder;
import io.perpcarry.venue.VenueException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the opening legs of a plan (each venue's route calls its own method, in parallel). {@link #prepare} builds
 * and signs both legs before the parallel fork, so only the sends race; a leg that could not be prepared is built
 * at its send, where the gateway journals and classifies the failure like any other.
 */
public final class LegSender {
    private static final Logger LOG = LoggerFactory.getLogger(LegSender.class);

    private final OrderGateway gateway;
    private final Venues venues;
    /** Prepared and announced legs by client order id, taken by their send. */
    private final Map<Long, PreparedOrder> prepared = new ConcurrentHashMap<>();
    /** Announced ids that were refused as already sent: their send sends nothing. */
    private final java.util.Set<Long> refused = ConcurrentHashMap.newKeySet();

    public LegSender(OrderGateway gateway, Venues venues) {
        this.gateway = gateway;
        this.venues = venues;
    }

    /**
     * Builds and signs both legs, then journals both as sent (each journal line is fsync'd: done here, one after the
     * other, the two sends after the fork do not wait for each other's disk); returns the plan unchanged.
     */
    public HedgePlan prepare(HedgePlan plan) {
        Map<Venue, PreparedOrder> ready = new java.util.EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            OrderRequest order = OrderRequest.ioc(plan.leg(v));
            if (gateway.alreadySent(order.clientOrderId())) {
                continue; // the gateway refuses it anyway; do not take a nonce for it
            }
            try {
                ready.put(v, venues.get(v).prepare(order));
            } catch (VenueException e) {
                LOG.warn("{} leg of {} not prepared ahead ({}); built at its send", v.displayName(), plan.hedgeId(),
                        e.getMessage());
            }
        }
        ready.forEach((v, p) -> {
            long id = p.request().clientOrderId();
            if (gateway.announce(v, p.request(), plan.role(v), plan.cycleId())) {
                prepared.put(id, p);
            } else {
                refused.add(id);
            }
        });
        return plan;
    }

    public LegOutcome send(HedgePlan plan, Venue venue) {
        OrderRequest order = OrderRequest.ioc(plan.leg(venue));
        PreparedOrder ready = prepared.remove(order.clientOrderId());
        LegOutcome out;
        if (refused.remove(order.clientOrderId())) {
            out = OrderGateway.alreadySentOutcome(venue, order);
        } else {
            out = ready == null ? gateway.send(venue, order, plan.role(venue), plan.cycleId())
                    : gateway.sendAnnounced(venue, ready);
        }
        ChaosHook.at("between-legs");
        return out;
    }

    public LegOutcome sendLighterLeg(HedgePlan plan) {
        return send(plan, Venue.LIGHTER);
    }

    public LegOutcome sendEdgexLeg(HedgePlan plan) {
        return send(plan, Venue.EDGEX);
    }
}
