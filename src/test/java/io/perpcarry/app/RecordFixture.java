package io.perpcarry.app;

import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.record.MarketRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records like the golden backtest fixture (src/test/resources/backtest/recorded/, made with bin/perpcarry: see its
 * PROVENANCE.md) in process, into target/fixture-recording: the record routes against the demo scenario's emulators,
 * market time x300, on the emulators' clock. Not part of the suite: run it on purpose with
 * {@code mvn -o test -Dtest=RecordFixture -Dperpcarry.record-fixture=true}, then refresh the golden report.
 */
@EnabledIfSystemProperty(named = "perpcarry.record-fixture", matches = "true")
class RecordFixture {
    @Test
    void record() throws Exception {
        Path out = Path.of("target/fixture-recording");
        Files.createDirectories(out);
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.DEMO, 7L, 300)) {
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.keySet().removeIf(k -> !k.endsWith("_URL"));
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            List<String> symbols = List.of("BTC", "ETH", "SOL", "HYPE");
            try (VenueSession session = VenueSession.open(BotConfigLoader.parse("{}", "fixture"), env)) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        session.startStreams(symbols);
                        break;
                    } catch (io.perpcarry.venue.VenueException e) {
                        if (attempt == 5) {
                            throw e;
                        }
                    }
                }
                Thread.sleep(3000);
                Main main = RecordCommand.recorderMain(AppPaths.defaults().withDataDir(out),
                        new MarketRecorder(session.venues(), symbols, ex.scenarioClock()), 1);
                main.addOverrideProperty("perpcarry.record-settled-interval-ms", "3000");
                main.configure().setDurationMaxSeconds(150); // ~12 h of market time
                main.run();
            }
        }
    }
}
