package io.perpcarry.alerts;

import io.perpcarry.engine.EngineBeans;
import io.perpcarry.ui.TerminalDashboard;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * Everything routes/alerts.yaml calls, built from the settings (environment) and {@code perpcarry.alerts.*}
 * (application.properties). {@link #attach} starts delivery and makes the journal feed the publisher.
 */
public final class AlertDesk {
    /** Name under which {@link AlertSettings} is bound in the registry. */
    public static final String SETTINGS_BEAN = "alertSettings";

    private final AlertSettings settings;
    private final AlertPublisher publisher;
    private final AlertGate gate;
    private final AlertWatch watch;
    private final Duration timeout;
    private final EngineBeans beans;
    private final HttpComponent http = new HttpComponent();

    AlertDesk(AlertSettings settings, AlertPublisher publisher, AlertGate gate, AlertWatch watch, Duration timeout,
              EngineBeans beans) {
        this.settings = settings;
        this.publisher = publisher;
        this.gate = gate;
        this.watch = watch;
        this.timeout = timeout;
        this.beans = beans;
    }

    /** @param publisher the engine's alerter (built before the engine, so it is passed in) */
    public static AlertDesk create(CamelContext ctx, AlertPublisher publisher, EngineBeans beans, TerminalDashboard screen,
                                   Collection<String> symbols, Clock clock) {
        AlertSettings settings = ctx.getRegistry().lookupByNameAndType(SETTINGS_BEAN, AlertSettings.class);
        AlertGate gate = new AlertGate(clock, Duration.ofMinutes(number(ctx, "dedup-minutes", 60)),
                (int) number(ctx, "max-per-hour", 20), Duration.ofHours(1));
        AlertWatch watch = new AlertWatch(AlertWatch.Sources.of(beans, screen), symbols, clock, Duration.ofSeconds(number(ctx, "stale-after-s", 300)));
        return new AlertDesk(settings == null ? AlertSettings.NONE : settings, publisher, gate, watch,
                Duration.ofMillis(number(ctx, "timeout-ms", 5_000)), beans);
    }

    /** For wirings built without alerts (tests): no channel, alerts are only logged. */
    public static AlertDesk loggingOnly(EngineBeans beans) {
        Clock clock = Clock.systemUTC();
        return new AlertDesk(AlertSettings.NONE, new AlertPublisher(clock), new AlertGate(clock, Duration.ofMinutes(60), 20,
                Duration.ofHours(1)), new AlertWatch(AlertWatch.Sources.of(beans, null),
                java.util.List.of(), clock, Duration.ofMinutes(5)),
                Duration.ofSeconds(10), beans);
    }

    private static long number(CamelContext ctx, String key, long fallback) {
        String name = "perpcarry.alerts." + key;
        String v = ctx.getPropertiesComponent().resolveProperty(name).orElse(Long.toString(fallback));
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + v + "\"");
        }
    }

    public AlertPublisher publisher() {
        return publisher;
    }

    public AlertSettings settings() {
        return settings;
    }

    /** The beans and the channels' components the alert routes use. */
    public void bindTo(BiConsumer<String, Object> registry) {
        registry.accept("alertGate", gate);
        registry.accept("alertChannels", new AlertChannels(settings));
        registry.accept("alertWatch", watch);
        registry.accept("alertPublisher", publisher);
        // Own HTTP component for both channels: its own timeouts, not the venues'.
        http.setConnectTimeout(timeout.toMillis());
        http.setConnectionRequestTimeout(timeout.toMillis());
        http.setResponseTimeout(timeout.toMillis());
        http.setSoTimeout(timeout.toMillis());
        registry.accept("alert-http", http);
    }

    /** Once the context runs: alerts go to {@code seda:alerts}, and the journal's events become alerts. */
    public void attach(CamelContext context) {
        publisher.deliverThrough(context.createProducerTemplate());
        beans.journal.listen(publisher::onJournal);
        context.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext c) {
                publisher.deliverThrough(null); // alerts raised while stopping are only logged
            }
        });
    }
}
