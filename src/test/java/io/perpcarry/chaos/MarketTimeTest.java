package io.perpcarry.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.emulator.AdminApi;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daemon's rebuilt market clock keeps step with the emulator's, a venue clock skew notwithstanding. */
class MarketTimeTest {
    @Test
    void aVenueClockSkewMovesNeitherTheEmulatorsMarketClockNorTheDaemonsRebuildOfIt() throws Exception {
        MutableClock wall = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
        try (LocalExchanges ex = LocalExchanges.start(new LocalExchanges.Options(ScenarioLoader.DEMO_PATH, 0, 0, 7L, 600.0,
                List.of(), List.of()), wall)) {
            AdminApi admin = new AdminApi(ex.engine(), ex.faults(), ex.requests());
            // what the suite passes the daemon: -Dperpcarry.chaos.marketStart = the emulator's startTime
            Instant start = Instant.parse(admin.state().get("startTime").asText());
            MarketTime daemon = MarketTime.of(wall, start, 600);
            wall.advance(Duration.ofSeconds(10));
            assertThat(daemon.clock().instant()).isEqualTo(ex.scenarioClock().instant());

            admin.applyFaults(new ObjectMapper().readTree("[{\"kind\": \"CLOCK_SKEW\", \"skewMs\": 660000}]"));
            wall.advance(Duration.ofSeconds(6)); // one market hour
            assertThat(admin.state().get("startTime").asText()).isEqualTo(start.toString());
            assertThat(Instant.parse(admin.state().get("marketTime").asText())).isEqualTo(daemon.clock().instant())
                    .isEqualTo(start.plus(Duration.ofMinutes(160)));
        }
    }

    @Test
    void onTheRealWallClockTheRebuiltX1200ClockIsTheEmulatorsToTheSecond() throws Exception {
        // microseconds between the emulator's clock origin and its startTime were minutes of a x1200 market in a
        // rebuild (the soak then read every funding settlement an interval late)
        java.time.Clock wall = java.time.Clock.systemUTC();
        try (LocalExchanges ex = LocalExchanges.start(new LocalExchanges.Options(ScenarioLoader.DEMO_PATH, 0, 0, 7L, 1200.0,
                List.of(), List.of()), wall)) {
            MarketTime daemon = MarketTime.of(wall, ex.engine().startTime(), 1200);
            Duration off = Duration.between(ex.scenarioClock().instant(), daemon.clock().instant());
            assertThat(off.abs()).as("rebuilt clock off by " + off).isLessThan(Duration.ofSeconds(2));
        }
    }
}
