package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.state.StateStore;
import io.perpcarry.venue.VenueConnector;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.camel.main.Main;

/**
 * Test harness: the whole daemon (YAML routes, engine, real connectors) on both exchange emulators over
 * loopback, as {@code bin/perpcarry run} would start it in live mode, with the engine on the emulators'
 * accelerated clock. One instance = one data directory; {@link #start()} / {@link #stop()} may be repeated
 * (a restart). Public for the daemon benchmarks.
 */
public final class EmulatedDaemon implements AutoCloseable {
    /** One flat-priced HYPE market: the hedge is always long EdgeX / short Lighter, prices move only when told. */
    public static final Path FLAT_HYPE = Path.of("src/test/resources/emulator/daemon-scenario.json");
    public static final Path DEMO = Path.of("config/demo/scenario.json");

    private final LocalExchanges ex;
    private final BotConfig config;
    private final RuntimeEnvironment env;
    private final Path data;
    private final double timeScale;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Main main;
    private Path routesDir;
    private volatile BotWiring wiring;
    private final Map<String, String> apiEnv = new HashMap<>();

    public EmulatedDaemon(LocalExchanges ex, String configJson, Path data) {
        this.ex = ex;
        this.config = BotConfigLoader.parse(configJson, "test");
        this.data = data;
        this.timeScale = ex.scenario().timeScale();
        Map<String, String> vars = new HashMap<>(ex.environment());
        vars.put("PERPCARRY_MODE", "live");
        this.env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
        // Wall-clock timers: scan and check often, so the accelerated market is followed.
        overrides.put("perpcarry.scan-interval-ms", "500");
        overrides.put("perpcarry.check-interval-ms", "500");
        overrides.put("perpcarry.control-poll-ms", "200");
        overrides.put("camel.main.routes-reload-enabled", "false");
        // The HTTP servers on free ports (not 0: two servers on "port 0" share one router name in Camel's registry,
        // and the API routes may land on the management server): tests run side by side.
        overrides.put("camel.server.port", Integer.toString(freePort()));
        overrides.put("camel.management.port", Integer.toString(freePort()));
    }

    /** Both emulators on one engine, on an ephemeral port each. */
    public static LocalExchanges exchanges(Path scenario, long seed, double timeScale) {
        return LocalExchanges.start(new LocalExchanges.Options(scenario, 0, 0, seed, timeScale, List.of(), List.of()),
                Clock.systemUTC());
    }

    /** A Camel property for the next start (e.g. {@code perpcarry.check-interval-ms}). */
    public EmulatedDaemon override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Routes from this directory (a copy of routes/), hot-reloaded as in production. */
    public EmulatedDaemon withReloadableRoutes(Path dir) {
        routesDir = dir;
        overrides.put("camel.main.routes-reload-enabled", "true");
        return this;
    }

    /** Routes from another directory (a copy a test may edit; reload needs {@code camel.main.routes-reload-enabled}). */
    public EmulatedDaemon routesFrom(Path dir) {
        this.routesDir = dir;
        return this;
    }

    public EmulatedDaemon start() throws Exception {
        AppPaths paths = AppPaths.defaults().withDataDir(data).withRoutesDir(routesDir);
        TradingSetup setup = new TradingSetup(config, data, env, ex.scenarioClock(), timeScale, "test");
        java.util.function.Function<org.apache.camel.CamelContext, BotWiring> factory = setup.wiringFactory();
        main = new BotApplication(paths, config, env)
                .withApiEnvironment(new EnvironmentSource(apiEnv, Map.of(), Path.of(".env")))
                .createMain(ctx -> wiring = factory.apply(ctx));
        overrides.forEach(main::addOverrideProperty);
        main.start();
        return this;
    }

    /** Starts the API/dashboard server and the management server (health, metrics) too. */
    public EmulatedDaemon withHttp() {
        overrides.put("camel.server.enabled", "true");
        overrides.put("camel.management.enabled", "true");
        return this;
    }

    /** An environment variable for the HTTP API (e.g. PERPCARRY_API_TOKEN) at the next start. */
    public EmulatedDaemon apiEnv(String name, String value) {
        apiEnv.put(name, value);
        return this;
    }

    /** The port the daemon's HTTP server bound (ephemeral in tests). */
    public int httpPort() {
        return io.perpcarry.api.HttpPorts.api(main.getCamelContext())
                .orElseThrow(() -> new IllegalStateException("the HTTP server is not running"));
    }

    public void stop() {
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public LocalExchanges exchanges() {
        return ex;
    }

    /** The running daemon's Camel context. */
    public org.apache.camel.CamelContext camel() {
        return main.getCamelContext();
    }

    /** The running daemon's connector to a venue (the one its engine trades through). */
    public VenueConnector venue(Venue v) {
        return wiring.beans().venues.get(v);
    }

    public BotConfig config() {
        return config;
    }

    /** The live-mode environment pointing at the emulators (for commands run beside the daemon). */
    public RuntimeEnvironment environment() {
        return env;
    }

    public Path dataDir() {
        return data;
    }

    public Optional<BotSnapshot> state() {
        Path f = data.resolve(StateStore.FILE_NAME);
        return Files.exists(f) ? StateStore.load(f) : Optional.empty();
    }

    /** Polls state.json until {@code done}; fails with the last state seen. */
    public BotSnapshot await(Duration limit, Predicate<BotSnapshot> done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<BotSnapshot> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = state();
            if (last.isPresent() && done.test(last.get())) {
                return last.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + limit + "; last state.json: " + last.map(Object::toString).orElse("none")
                + "\njournal:\n" + journalText());
    }

    public BotSnapshot awaitState(Duration limit, String state) throws InterruptedException {
        return await(limit, s -> state.equals(s.state()));
    }

    public BotSnapshot awaitHolding(Duration limit) throws InterruptedException {
        return await(limit, s -> "HOLDING".equals(s.state()) && s.position() != null);
    }

    public static void awaitTrue(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
    }

    public List<JournalEntry> journal() {
        Path f = data.resolve("journal.jsonl");
        return Files.exists(f) ? Journal.read(f) : List.of();
    }

    public List<JournalEntry> journal(String type) {
        return journal().stream().filter(e -> e.type().equals(type)).toList();
    }

    public String journalText() {
        try {
            String text = JournalFiles.text(data);
            return text.isEmpty() ? "(none)" : text;
        } catch (java.io.UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** New orders placed at either venue (Lighter CreateOrder txs, EdgeX createOrder); not cancels or leverage. */
    public static boolean isOrderPlacement(LoggedRequest r) {
        return "POST".equals(r.method()) && (r.venue() == VenueId.LIGHTER
                ? r.path().startsWith("/api/v1/sendTx") && Integer.valueOf(14).equals(r.txType())
                : r.path().endsWith("/order/createOrder"));
    }

    public long orderPlacements() {
        return ex.requests().list().stream().filter(EmulatedDaemon::isOrderPlacement).count();
    }

    /** Signed size of {@code symbol} on each venue, read over a fresh session (0 when flat). */
    public Map<Venue, BigDecimal> sizes(String symbol) {
        try (VenueSession s = VenueSession.open(config, env)) {
            Map<Venue, BigDecimal> out = new EnumMap<>(Venue.class);
            for (VenueConnector v : s.venues()) {
                out.put(v.venue(), v.account().position(symbol).map(Position::signedSize).orElse(BigDecimal.ZERO));
            }
            return out;
        }
    }

    /** True when neither venue holds a position or an open order in any market. */
    public boolean bothFlatNoOrders() {
        try (VenueSession s = VenueSession.open(config, env)) {
            for (VenueConnector v : s.venues()) {
                if (!v.account().positions().stream().allMatch(Position::isFlat) || !v.openOrders().isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
