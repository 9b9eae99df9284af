package io.perpcarry.app;

import io.perpcarry.chaos.MarketTime;
import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.ConfigException;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RunMode;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's entry point, used by {@code mvn camel:run} and {@code bin/perpcarry run}. Live mode trades on
 * the venues in the environment; demo mode (the default) starts both exchange emulators in-process, with
 * market time accelerated so a whole rotation takes a few minutes, and trades there.
 */
public final class PerpcarryMain {
    /** Demo market time runs this much faster: an 8 h hold lasts 2 minutes. */
    static final double DEMO_TIME_SCALE = 240;
    private static final Logger LOG = LoggerFactory.getLogger(PerpcarryMain.class);

    private PerpcarryMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(AppPaths.defaults()));
    }

    static int run(AppPaths paths) throws Exception {
        BotConfig config;
        RuntimeEnvironment environment;
        try {
            config = BotConfigLoader.load(paths.botConfig());
            environment = RuntimeEnvironment.read(EnvironmentSource.withDotEnv(System.getenv(), paths.home().resolve(".env")));
        } catch (ConfigException e) {
            System.err.println("perpcarry: cannot start:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 2;
        }
        if (environment.mode() == RunMode.PAPER) {
            // Its own state, journal and recordings: a paper position must never be taken for a live one.
            Path paperDir = paths.daemonDataDir(environment.mode());
            java.math.BigDecimal collateral = new java.math.BigDecimal(
                    System.getenv().getOrDefault("PERPCARRY_PAPER_COLLATERAL", "1000"));
            TradingSetup setup = TradingSetup.paper(config, paperDir, environment, Clock.systemUTC(), 1.0, collateral);
            new BotApplication(paths.withDataDir(paperDir), config, environment).createMain(setup.wiringFactory()).run();
            return 0;
        }
        if (environment.mode() == RunMode.LIVE) {
            MarketTime time = MarketTime.fromSystemProperties(); // wall clock unless the chaos suite accelerates it
            TradingSetup setup = new TradingSetup(config, paths.dataDir(), environment, time.clock(), time.scale(), "live");
            Main main = new BotApplication(paths, config, environment).createMain(setup.wiringFactory());
            time.tune(main);
            main.run();
            return 0;
        }
        return runDemo(paths, config, environment);
    }

    private static int runDemo(AppPaths paths, BotConfig config, RuntimeEnvironment environment) throws Exception {
        Path dataDir = paths.dataDir().resolve("demo");
        clear(dataDir);
        LocalExchanges.Options options = new LocalExchanges.Options(paths.home().resolve("config/demo/scenario.json"),
                0, 0, null, DEMO_TIME_SCALE, List.of(), List.of());
        try (LocalExchanges exchanges = LocalExchanges.start(options, Clock.systemUTC())) {
            LOG.info("DEMO: built-in Lighter emulator at {}, EdgeX emulator at {}; market time x{}; state in {}",
                    exchanges.lighter().baseUrl(), exchanges.edgex().baseUrl(), DEMO_TIME_SCALE, dataDir);
            Map<String, String> vars = new HashMap<>(exchanges.environment());
            vars.put("PERPCARRY_MODE", "live");
            RuntimeEnvironment venues = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            TradingSetup setup = new TradingSetup(config, dataDir, venues, exchanges.scenarioClock(), DEMO_TIME_SCALE, "demo (emulated venues, market time x" + (int) DEMO_TIME_SCALE + ")");
            Main main = new BotApplication(paths.withDataDir(dataDir), config, environment).createMain(setup.wiringFactory());
            // Timers run on the wall clock: scan and check every few seconds so the accelerated market is followed.
            main.addOverrideProperty("perpcarry.scan-interval-ms", "5000");
            main.addOverrideProperty("perpcarry.check-interval-ms", "2000");
            main.addOverrideProperty("perpcarry.dashboard-interval-ms", "5000");
            main.run();
        }
        return 0;
    }

    /** The demo starts from nothing: its emulators have no memory of a previous run. */
    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
