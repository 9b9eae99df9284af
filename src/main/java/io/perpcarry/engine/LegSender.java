package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.OrderRequest;

/** Sends one opening leg of a plan (each venue's route calls its own method, in parallel). */
public final class LegSender {
    private final OrderGateway gateway;

    public LegSender(OrderGateway gateway) {
        this.gateway = gateway;
    }

    public LegOutcome send(HedgePlan plan, Venue venue) {
        LegOutcome out = gateway.send(venue, OrderRequest.ioc(plan.leg(venue)), plan.role(venue), plan.cycleId());
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
