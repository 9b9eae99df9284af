package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.Position;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.StateStore;
import io.perpcarry.venue.AccountState;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon (YAML routes, engine, both connectors) against both emulators over loopback: it opens an equal
 * and opposite pair, survives a restart without sending anything again, and is flat at the end of the hold.
 */
class DaemonOnEmulatorsTest {
    static final double TIME_SCALE = 600;
    static final String CONFIG = """
            {"symbols_to_monitor": ["BTC", "ETH", "SOL", "HYPE"], "hold_duration_hours": 2,
             "wait_between_cycles_minutes": 600, "cross_ticks": 3000, "min_volume_usd": 0}
            """;

    @TempDir
    Path data;

    @Test
    void opensHoldsSurvivesRestartAndEndsFlat() throws Exception {
        BotConfig config = BotConfigLoader.parse(CONFIG, "test");
        LocalExchanges.Options options = new LocalExchanges.Options(Path.of("config/demo/scenario.json"), 0, 0, 7L,
                TIME_SCALE, List.of(), List.of());
        try (LocalExchanges ex = LocalExchanges.start(options, Clock.systemUTC())) {
            // Funding decides (no mid-gap credit): at 2 %/8 h Lighter HYPE a 2 h hold clears costs.
            ex.engine().setFundingRate(io.perpcarry.emulator.VenueId.LIGHTER, "HYPE", new java.math.BigDecimal("0.02"));
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "live");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));

            Main first = start(config, env, ex);
            BotSnapshot holding;
            try {
                holding = await(Duration.ofSeconds(60), s -> "HOLDING".equals(s.state()) && s.position() != null);
                assertEqualAndOpposite(env, holding.position().symbol(), config);
            } finally {
                first.stop();
            }
            long writesBefore = orderWrites(ex);

            Main second = start(config, env, ex);
            try {
                BotSnapshot again = await(Duration.ofSeconds(30), s -> "HOLDING".equals(s.state()) && s.position() != null
                        && !s.updatedAt().equals(holding.updatedAt()));
                assertThat(again.position().openedAt()).as("hold clock survives a restart").isEqualTo(holding.position().openedAt());
                Thread.sleep(1500); // a few scans
                assertThat(orderWrites(ex)).as("nothing sent again after the restart").isEqualTo(writesBefore);

                BotSnapshot closed = await(Duration.ofSeconds(60), s -> "WAITING".equals(s.state()));
                assertThat(closed.position()).isNull();
                try (VenueSession venues = VenueSession.open(config, env)) {
                    for (var v : venues.venues()) {
                        assertThat(v.account().positions()).as(v.venue() + " flat").allMatch(Position::isFlat);
                    }
                }
                String journal = JournalFiles.text(data);
                assertThat(journal).contains("\"position_opened\"").contains("\"position_closed\"").contains("\"funding\"");
            } finally {
                second.stop();
            }
        }
    }

    private Main start(BotConfig config, RuntimeEnvironment env, LocalExchanges ex) throws Exception {
        AppPaths paths = AppPaths.defaults().withDataDir(data);
        TradingSetup setup = new TradingSetup(config, data, env, ex.scenarioClock(), TIME_SCALE, "test");
        Main main = new BotApplication(paths, config, env).createMain(setup.wiringFactory());
        main.addOverrideProperty("camel.server.port", "0"); // ephemeral ports in tests
        main.addOverrideProperty("camel.management.port", "0");
        main.addOverrideProperty("perpcarry.scan-interval-ms", "500");
        main.addOverrideProperty("perpcarry.check-interval-ms", "500");
        main.addOverrideProperty("camel.main.routes-reload-enabled", "false");
        main.start();
        return main;
    }

    private static void assertEqualAndOpposite(RuntimeEnvironment env, String symbol, BotConfig config) {
        try (VenueSession venues = VenueSession.open(config, env)) {
            AccountState lighter = venues.lighter().account();
            AccountState edgex = venues.edgex().account();
            BigDecimal l = lighter.position(symbol).orElseThrow().signedSize();
            BigDecimal e = edgex.position(symbol).orElseThrow().signedSize();
            assertThat(l.add(e)).as("legs equal and opposite: lighter " + l + ", edgex " + e).isEqualByComparingTo("0");
            assertThat(lighter.positions()).filteredOn(p -> !p.isFlat()).hasSize(1);
            assertThat(edgex.positions()).filteredOn(p -> !p.isFlat()).hasSize(1);
        }
    }

    private static long orderWrites(LocalExchanges ex) {
        return ex.requests().list().stream().filter(DaemonOnEmulatorsTest::isOrderWrite).count();
    }

    private static boolean isOrderWrite(LoggedRequest r) {
        return r.method().equals("POST") && (r.path().contains("sendTx") || r.path().contains("order/"));
    }

    private BotSnapshot await(Duration limit, Predicate<BotSnapshot> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Optional<BotSnapshot> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = Files.exists(data.resolve(StateStore.FILE_NAME)) ? StateStore.load(data.resolve(StateStore.FILE_NAME)) : Optional.empty();
            if (last.isPresent() && done.test(last.get())) {
                return last.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out; last state.json: " + last.map(Object::toString).orElse("none"));
    }
}
