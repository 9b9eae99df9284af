package io.perpcarry.health;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.state.BotState;
import io.perpcarry.state.HeldPosition;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the bot (Camel health-check API, {@code /observe/health/ready}): reconciled with the venues, not
 * HALTED, a scan completed recently, and the held hedge's books fresh on both venues. Liveness stays Camel's own
 * (the context is up). The Docker healthcheck asks for readiness.
 */
public final class BotReadiness extends AbstractHealthCheck {
    private final EngineBeans beans;
    private final CamelContext context;
    private final Duration scanAge;

    BotReadiness(EngineBeans beans, CamelContext context, Duration scanAge) {
        super("perpcarry", "bot");
        this.beans = beans;
        this.context = context;
        this.scanAge = scanAge;
    }

    /** Registers with the context's health-check registry (camel.health.enabled). */
    public static void register(CamelContext context, EngineBeans beans, Duration scanInterval) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registry.register(new BotReadiness(beans, context, scanInterval.multipliedBy(3).plusSeconds(30)));
        }
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("state", beans.engine.state().name());
        builder.detail("paused", beans.store.paused());
        if (beans.engine.state() == BotState.HALTED) {
            builder.message("HALTED: " + beans.store.haltReason().orElse("?")).down();
            return;
        }
        if (!beans.engine.reconciled()) {
            builder.message("not reconciled with the venues yet").down();
            return;
        }
        Date last = lastScan();
        if (last == null || last.toInstant().isBefore(java.time.Instant.now().minus(scanAge))) {
            builder.message("no scan completed in the last " + scanAge.toSeconds() + " s").down();
            return;
        }
        builder.detail("last_scan", last.toInstant().toString());
        String symbol = beans.engine.position().map(HeldPosition::symbol).orElse(null);
        if (symbol != null) {
            for (Venue v : Venue.values()) {
                if (!beans.venues.get(v).marketDataFresh(symbol)) {
                    builder.message(v.displayName() + " book for " + symbol + " is stale").down();
                    return;
                }
            }
        }
        builder.up();
    }

    private Date lastScan() {
        ManagedCamelContext mcc = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ManagedRouteMBean scan = mcc == null ? null : mcc.getManagedRoute("scan");
        return scan == null ? null : scan.getLastExchangeCompletedTimestamp();
    }
}
