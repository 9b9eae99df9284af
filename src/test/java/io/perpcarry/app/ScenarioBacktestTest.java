package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.backtest.MarketHistory;
import io.perpcarry.backtest.ScenarioHistory;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.FundingSettlement;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/perpcarry backtest --scenario FILE}: the demo scenario run by the emulators' market engine becomes a
 * recording (every settlement the engine settled, books and quotes every pass) and a report, the same bytes twice.
 */
class ScenarioBacktestTest {
    static final String BOT_JSON = """
            {"symbols_to_monitor": ["BTC", "ETH", "SOL", "HYPE"], "hold_duration_hours": 4,
             "wait_between_cycles_minutes": 30, "min_volume_usd": 0}
            """;

    @TempDir
    Path tmp;

    @Test
    void scenarioIsBacktestedLikeARecordingAndTheSameTwice() throws Exception {
        Path bot = tmp.resolve("bot.json");
        Files.writeString(bot, BOT_JSON);
        String[] args = {"--scenario", ScenarioLoader.DEMO_PATH.toString(), "--scenario-hours", "24", "--config", bot.toString(),
                "--data-dir", tmp.resolve("data").toString(), "--chart", tmp.resolve("chart.png").toString(), "--grid", "rotation_mode=always,keep_if_best"};
        EmulatorCli.Result first = EmulatorCli.run(new BacktestCommand(), args);
        EmulatorCli.Result second = EmulatorCli.run(new BacktestCommand(), args);
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("scenario-recordings").contains("rotation_mode=keep_if_best").contains("capture");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.size(tmp.resolve("chart.png"))).isPositive();

        // the recorded settlements are the engine's, each venue its own schedule and sign
        Path recorded = tmp.resolve("data/scenario-recordings/scenario");
        MarketHistory h = MarketHistory.read(recorded);
        MarketEngine engine = new MarketEngine(ScenarioHistory.coarse(ScenarioLoader.load(ScenarioLoader.DEMO_PATH)),
                new MutableClock(ScenarioHistory.START));
        engine.syncTo(ScenarioHistory.START.plus(Duration.ofHours(24)));
        for (Venue v : Venue.values()) {
            List<FundingSettlement> settled = engine.venue(v == Venue.LIGHTER ? VenueId.LIGHTER : VenueId.EDGEX)
                    .fundingHistory("HYPE", ScenarioHistory.START, ScenarioHistory.START.plus(Duration.ofHours(24)), 10_000);
            assertThat(settled).as(v + " settled in the scenario").isNotEmpty();
            Map<Instant, FundingQuote> got = h.settlements(v, "HYPE", ScenarioHistory.START.minusNanos(1),
                    ScenarioHistory.START.plus(Duration.ofHours(24)).minusNanos(1));
            assertThat(got).hasSameSizeAs(settled);
            for (FundingSettlement s : settled) {
                assertThat(got.get(s.time()).rate()).as(v + " " + s.time()).isEqualByComparingTo(s.ratePerSettlement());
            }
        }
        assertThat(h.hasBooks()).isTrue();
    }

    @Test
    void aMissingScenarioIsAUsageError() {
        EmulatorCli.Result r = EmulatorCli.run(new BacktestCommand(), "--scenario", tmp.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json");
    }
}
