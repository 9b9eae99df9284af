package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.api.BotApi;
import io.perpcarry.backtest.CostModel;
import io.perpcarry.backtest.Decision;
import io.perpcarry.backtest.MarketHistory;
import io.perpcarry.backtest.RunResult;
import io.perpcarry.backtest.Simulator;
import io.perpcarry.config.BotConfig;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.JournalEntry;
import java.util.EnumMap;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RunMode;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.ui.DashboardView;
import io.perpcarry.ui.TerminalDashboard;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PERPCARRY_MODE=paper with the emulators as the "live" venues: a full cycle (open, hold, close) on the simulated
 * account, and the emulators' request logs (what GET /_emulator/requests serves) show no order, cancel or leverage
 * request and nothing private: only public market data was read. Every journal line, state.json, the API's state, the
 * dashboard and {@code status} say PAPER; a backtest of what the paper daemon recorded opens the hedge it opened.
 */
class PaperModeOnEmulatorsTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 1, "wait_between_cycles_minutes": 600,
             "min_volume_usd": 0, "min_net_apr_threshold": 0}
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    /** The paper daemon's data directory, resolved from root as the daemon does (root/paper). */
    Path data;

    @Test
    void fullCycleOnTheSimulatedAccountSendsNothingToTheVenues() throws Exception {
        BotConfig config = BotConfigLoader.parse(CONFIG, "test");
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 120)) {
            // 2 %/8 h: a 1 h hold clears costs on funding alone (the mid gap is never credited as a gain)
            ex.engine().setFundingRate(VenueId.LIGHTER, "HYPE", new BigDecimal("0.02"));
            Map<String, String> vars = new HashMap<>(ex.environment()); // demo credentials too: paper must ignore them
            vars.put("PERPCARRY_MODE", "paper");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            assertThat(env.mode()).isEqualTo(RunMode.PAPER);
            assertThat(env.lighter().credentials()).isEmpty();
            assertThat(env.edgex().credentials()).isEmpty();
            data = AppPaths.defaults().withDataDir(root).daemonDataDir(env.mode());
            assertThat(data).isEqualTo(root.resolve("paper"));

            TradingSetup setup = TradingSetup.paper(config, data, env, ex.scenarioClock(), 120, new BigDecimal("1000"));
            Main main = new BotApplication(AppPaths.defaults().withDataDir(data), config, env).createMain(setup.wiringFactory());
            main.addOverrideProperty("perpcarry.scan-interval-ms", "500");
            main.addOverrideProperty("perpcarry.check-interval-ms", "500");
            main.addOverrideProperty("camel.main.routes-reload-enabled", "false");
            main.addOverrideProperty("perpcarry.record-interval-ms", "500");
            main.addOverrideProperty("perpcarry.record-settled-interval-ms", "2000");
            main.addOverrideProperty("perpcarry.record-start-delay-ms", "0");
            main.start();
            String apiState;
            String dashboardTop;
            try {
                EmulatedDaemon.awaitTrue(Duration.ofSeconds(180), "a paper cycle opened and closed",
                        () -> journal().contains("\"position_closed\""));
                apiState = main.getCamelContext().getRegistry().lookupByNameAndType("botApi", BotApi.class).state();
                TerminalDashboard screen = main.getCamelContext().getRegistry()
                        .lookupByNameAndType("dashboard", TerminalDashboard.class);
                screen.refresh();
                dashboardTop = new DashboardView(false).render(screen.lastModel().orElseThrow(), 5).lines().findFirst().orElse("");
            } finally {
                main.stop();
            }
            String journal = journal();
            assertThat(journal).contains("\"paper_mode\"").contains("\"position_opened\"").contains("\"funding\"");
            // PAPER wherever a trader could take it for live: every journal line, state.json, the API, the dashboard
            for (String line : journal.lines().toList()) {
                assertThat(JSON.readTree(line).path("mode").asText()).as(line).isEqualTo("PAPER");
            }
            assertThat(JSON.readTree(data.resolve("state.json").toFile()).path("mode").asText()).isEqualTo("PAPER");
            assertThat(JSON.readTree(apiState).path("mode").asText()).startsWith("PAPER");
            assertThat(dashboardTop).contains("PAPER");

            // status in paper mode: the simulated accounts (fees and funding booked), every line marked PAPER
            SessionOpener paperSession = file -> VenueSession.open(config, env);
            EmulatorCli.Result text = EmulatorCli.run(new StatusCommand(paperSession), "--data-dir", root.toString());
            assertThat(text.exit()).as(text.all()).isZero();
            assertThat(text.out().lines().toList()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("PAPER"));
            EmulatorCli.Result json = EmulatorCli.run(new StatusCommand(paperSession), "--json", "--data-dir", root.toString());
            assertThat(json.exit()).as(json.all()).isZero();
            assertThat(JSON.readTree(json.out()).path("mode").asText()).isEqualTo("PAPER");
            // cycle by cycle: a backtest of what the paper daemon recorded opens the hedge the paper daemon opened
            MarketHistory history = MarketHistory.read(data.resolve("recordings"));
            Map<Venue, BigDecimal> capital = new EnumMap<>(Venue.class);
            capital.put(Venue.LIGHTER, new BigDecimal("1000"));
            capital.put(Venue.EDGEX, new BigDecimal("1000"));
            RunResult replay = new Simulator(config, history, capital, new CostModel(CostModel.DEFAULT_SLIPPAGE_BPS)).run();
            Decision firstOpen = replay.decisions().stream().filter(d -> d.action().equals("OPEN")).findFirst()
                    .orElseThrow(() -> new AssertionError("the backtest of the paper recording opened nothing: " + replay.decisions()));
            JournalEntry paperOpen = io.perpcarry.state.Journal.read(data.resolve("journal.jsonl"), java.util.Set.of("position_opened")).get(0);
            assertThat(firstOpen.symbol() + " long " + firstOpen.longVenue().wireName())
                    .isEqualTo(paperOpen.text("symbol").orElseThrow() + " long " + paperOpen.text("long_venue").orElseThrow());
            assertThat(JSON.readTree(data.resolve("paper-lighter.json").toFile()).path("funding_payments").size())
                    .as("funding paid to the paper account at the venue's settlements").isPositive();

            List<LoggedRequest> requests = ex.requests().list();
            assertThat(requests).as("market data was read from the emulators").isNotEmpty();
            assertThat(requests).as("nothing sent to an order endpoint").noneMatch(EmulatedDaemon::isOrderPlacement);
            assertThat(requests).as("no write of any kind").noneMatch(r -> "POST".equals(r.method()));
            assertThat(requests).as("no private read").noneMatch(r -> r.path().contains("/private/")
                    || r.path().startsWith("/api/v1/account") || r.path().startsWith("/api/v1/accountActiveOrders"));
        }
    }

    private String journal() {
        return JournalFiles.text(data);
    }
}
