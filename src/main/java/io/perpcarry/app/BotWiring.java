package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.engine.BotControl;
import io.perpcarry.engine.CloseRequest;
import io.perpcarry.engine.ControlActions;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.engine.camel.LegOutcomeCollector;
import io.perpcarry.engine.camel.SnapshotCollector;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.api.BotApi;
import io.perpcarry.api.ControlApi;
import io.perpcarry.api.WebPage;
import io.perpcarry.ui.Dashboard;
import io.perpcarry.ui.TerminalDashboard;
import io.perpcarry.venue.VenueConnector;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the engine into Camel: give it the two connectors (real, or emulator-backed), bind its beans by the names
 * the YAML routes use, then {@link #attach} once the context runs (state.json through {@code direct:persist}, JMX
 * {@code perpcarry:type=Bot}). Holds the data directory lock for its lifetime.
 */
public final class BotWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotWiring.class);

    private final DataDirLock lock;
    private final EngineBeans beans;
    private final Path dataDir;
    private ProducerTemplate producer;
    private Dashboard dashboard = Dashboard.NONE;
    private final ControlActions controls;
    private io.perpcarry.record.MarketRecorder recorder;
    private io.perpcarry.alerts.AlertDesk alerts;

    public BotWiring(BotConfig config, Path dataDir, VenueConnector lighter, VenueConnector edgex) {
        this.lock = DataDirLock.acquire(dataDir);
        this.dataDir = dataDir;
        try {
            this.beans = new EngineBeans(config, dataDir, lighter, edgex);
            this.controls = controlsOf(beans);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** For tests and emulators: beans built by the caller (own clock, sleeper, settings) on a locked directory. */
    public BotWiring(EngineBeans beans, Path dataDir) {
        this.lock = DataDirLock.acquire(dataDir);
        this.dataDir = dataDir;
        this.beans = beans;
        this.controls = controlsOf(beans);
    }

    private ControlActions controlsOf(EngineBeans b) {
        return new ControlActions(b.engine, b.journal, b.emergencyClose, this::closeNow);
    }

    /** The one bean every door (JMX, control files, API) calls for operator actions. */
    public ControlActions controls() {
        return controls;
    }

    /** The screen the scan route feeds and the dashboard route refreshes (default: none). */
    public BotWiring withDashboard(Dashboard d) {
        this.dashboard = d;
        return this;
    }

    /** What routes/record.yaml records (default: nothing, for wirings built without a recorder). */
    public BotWiring withRecorder(io.perpcarry.record.MarketRecorder r) {
        this.recorder = r;
        return this;
    }

    /** Where alerts go (default: none, alerts are only logged). */
    public BotWiring withAlerts(io.perpcarry.alerts.AlertDesk a) {
        this.alerts = a;
        return this;
    }

    public EngineBeans beans() {
        return beans;
    }

    /** Binds every bean the routes reference. */
    public void bindTo(BiConsumer<String, Object> registry) {
        registry.accept("rotationEngine", beans.engine);
        registry.accept("opportunityRanker", beans.ranker);
        registry.accept("marketScanner", beans.scanner);
        registry.accept("hedgePlanner", beans.planner);
        registry.accept("legSender", beans.legSender);
        registry.accept("legReconciler", beans.legReconciler);
        registry.accept("hedgeCloser", beans.closer);
        registry.accept("riskGuard", beans.riskGuard);
        registry.accept("reconciler", beans.reconciler);
        registry.accept("emergencyClose", beans.emergencyClose);
        registry.accept("fundingRecheck", beans.fundingRecheck);
        registry.accept("controlActions", controls);
        TerminalDashboard screen = dashboard instanceof TerminalDashboard t ? t : null;
        registry.accept("botApi", new BotApi(beans, screen, screen == null ? "daemon" : screen.mode()));
        registry.accept("controlApi", new ControlApi(controls));
        registry.accept("webPage", new WebPage());
        registry.accept("stateStore", beans.store);
        registry.accept("journal", beans.journal);
        registry.accept("dashboard", dashboard);
        registry.accept("marketRecorder", recorder != null ? recorder : io.perpcarry.record.MarketRecorder.idle(java.time.Clock.systemUTC()));
        alertDesk().bindTo(registry);
        registry.accept("snapshotCollector", new SnapshotCollector());
        registry.accept("legOutcomeCollector", new LegOutcomeCollector());
        registry.accept("hedgeRepository", FileIdempotentRepository.fileIdempotentRepository(
                dataDir.resolve("hedges.idempotent").toFile(), 10_000, 1_000_000));
    }

    /** After the context started: persist through the route, register the MBean. */
    public void attach(CamelContext context) {
        producer = context.createProducerTemplate();
        beans.store.usePersister(snapshot -> {
            try {
                producer.sendBody("direct:persist", snapshot);
            } catch (RuntimeException e) {
                // Stopping, or the route is being reloaded: write directly rather than lose the snapshot.
                LOG.warn("persist route unavailable ({}), writing state.json directly", e.getMessage());
                beans.store.writeAtomically(snapshot);
            }
        });
        alertDesk().attach(context);
        new BotControl(controls).register();
        io.perpcarry.health.BotReadiness.register(context, beans, java.time.Duration.ofMillis(
                context.getPropertiesComponent().resolveProperty("perpcarry.scan-interval-ms").map(Long::parseLong).orElse(60_000L)));
        io.perpcarry.metrics.BotMetrics.bind(context, beans, dashboard instanceof TerminalDashboard t ? t : null);
    }

    private io.perpcarry.alerts.AlertDesk alertDesk() {
        if (alerts == null) {
            alerts = io.perpcarry.alerts.AlertDesk.loggingOnly(beans);
        }
        return alerts;
    }

    private String closeNow(CloseRequest request) {
        if (producer == null) {
            return "not started yet; nothing sent";
        }
        producer.asyncSendBody("direct:close-hedge", request);
        return "close requested (state " + beans.engine.state() + ")";
    }

    @Override
    public void close() {
        BotControl.unregister();
        beans.store.usePersister(beans.store::writeAtomically);
        if (producer != null) {
            try {
                producer.stop();
            } catch (RuntimeException e) {
                LOG.debug("producer stop: {}", e.getMessage());
            }
        }
        beans.close();
        lock.close();
    }
}
