package io.perpcarry.app;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Turns the connectors' stream events into {@code direct:risk-event}, so protection reacts to a price move
 * at once instead of at the next timer tick. Never blocks the stream thread: the route coalesces bursts.
 */
final class RiskEventForwarder implements MarketDataListener {
    private final CamelContext camel;
    private volatile ProducerTemplate producer;

    RiskEventForwarder(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public void onBookChanged(Venue venue, String symbol) {
        forward("book " + venue.wireName() + " " + symbol);
    }

    @Override
    public void onMarketDataStale(Venue venue, String symbol) {
        forward("stale " + venue.wireName() + " " + symbol);
    }

    @Override
    public void onAccountChanged(Venue venue) {
        forward("account " + venue.wireName());
    }

    private void forward(String event) {
        if (!camel.isStarted() || !started("risk-event") || !started("protect-events") || !started("protect")) {
            // Starting, stopping or routes/ being reloaded: an event queued while the reload stops these routes
            // keeps protect-events busy until the reload's shutdown timeout. The protect timer still runs.
            return;
        }
        ProducerTemplate p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.createProducerTemplate();
                }
                p = producer;
            }
        }
        try {
            p.sendBody("direct:risk-event", event);
        } catch (RuntimeException e) {
            // a dropped event is covered by the protect timer; never let it break the stream
        }
    }

    private boolean started(String routeId) {
        org.apache.camel.ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        return status != null && status.isStarted();
    }
}
