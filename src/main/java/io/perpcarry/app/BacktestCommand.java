package io.perpcarry.app;

import io.perpcarry.backtest.Backtest;
import io.perpcarry.backtest.BacktestReport;
import io.perpcarry.backtest.BacktestRow;
import io.perpcarry.backtest.CostModel;
import io.perpcarry.backtest.Grid;
import io.perpcarry.backtest.MarketHistory;
import io.perpcarry.backtest.PnlChart;
import io.perpcarry.backtest.ScenarioHistory;
import io.perpcarry.config.ConfigException;
import io.perpcarry.domain.Venue;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Replays recordings through the daemon's strategy beans; no venue is contacted. */
@Command(name = "backtest", description = "Replay recordings, backfilled funding history or an emulator scenario through the bot's strategy.")
public final class BacktestCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DIR", description = "Recordings directory (default: data/recordings)")
    Path from;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Backtest an emulator scenario (docs/emulator-scenario.md) instead of recordings")
    Path scenario;

    @Option(names = "--scenario-hours", paramLabel = "H", defaultValue = "48",
            description = "Hours of the scenario to run (default: 48)")
    int scenarioHours;

    @Option(names = "--scenario-interval-minutes", paramLabel = "N", defaultValue = "5",
            description = "Minutes between the scenario's recorded passes (default: 5)")
    int scenarioIntervalMinutes;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the chart and scenario-recordings/ go by default (default: data/)")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (default: config/bot.json)")
    Path config;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...", description = "Vary a bot.json key (repeatable; one row per combination)")
    List<String> grid;

    @Option(names = "--json", description = "Print JSON instead of the table")
    boolean json;

    @Option(names = "--chart", paramLabel = "FILE", description = "PNG of cumulative PnL of the first row (default: data/backtest-chart.png)")
    Path chart;

    @Option(names = "--capital-lighter", paramLabel = "USD", defaultValue = "1000", description = "Simulated Lighter capital (default: 1000)")
    BigDecimal capitalLighter;

    @Option(names = "--capital-edgex", paramLabel = "USD", defaultValue = "1000", description = "Simulated EdgeX capital (default: 1000)")
    BigDecimal capitalEdgex;

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "2",
            description = "Slippage per fill where no books were recorded (default: 2)")
    BigDecimal slippageBps;

    @Spec
    CommandSpec spec;

    /** The recordings in {@code dir}, or the scenario's, written to data/scenario-recordings/NAME (rewritten each run). */
    private MarketHistory history(AppPaths paths, Path dir) throws IOException {
        if (scenario == null) {
            return MarketHistory.read(dir);
        }
        if (from != null) {
            throw CommandFailure.usage("--from and --scenario are two sources: give one");
        }
        if (scenarioHours < 1 || scenarioHours > 24 * 90 || scenarioIntervalMinutes < 1 || scenarioIntervalMinutes > 24 * 60) {
            throw CommandFailure.usage("--scenario-hours must be 1.." + 24 * 90 + " and --scenario-interval-minutes 1.." + 24 * 60);
        }
        if (!Files.isRegularFile(scenario)) {
            throw CommandFailure.usage("--scenario: no file " + scenario);
        }
        String name = scenario.getFileName().toString().replaceFirst("\\.json$", "");
        Path out = paths.dataDir().resolve("scenario-recordings").resolve(name);
        if (Files.isDirectory(out)) {
            try (java.util.stream.Stream<Path> old = Files.list(out)) {
                for (Path f : old.filter(f -> f.getFileName().toString().startsWith(io.perpcarry.record.RecordingFormat.PREFIX)).toList()) {
                    Files.delete(f);
                }
            }
        }
        return ScenarioHistory.record(scenario, java.time.Duration.ofHours(scenarioHours),
                java.time.Duration.ofMinutes(scenarioIntervalMinutes), out);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AppPaths paths = AppPaths.defaults().withBotConfig(config).withDataDir(dataDir);
            Path dir = from != null ? from : paths.dataDir().resolve("recordings");
            if (capitalLighter.signum() <= 0 || capitalEdgex.signum() <= 0) {
                throw CommandFailure.usage("capital must be > 0 on both venues");
            }
            String botJson;
            try {
                botJson = Files.readString(paths.botConfig());
            } catch (NoSuchFileException e) {
                throw new ConfigException("config file not found: " + paths.botConfig());
            }
            Map<Venue, BigDecimal> capital = new EnumMap<>(Venue.class);
            capital.put(Venue.LIGHTER, capitalLighter);
            capital.put(Venue.EDGEX, capitalEdgex);
            BacktestReport report = Backtest.run(history(paths, dir), botJson, paths.botConfig().toString(),
                    Grid.parse(grid), capital, new CostModel(slippageBps));
            Path chartFile = chart != null ? chart : paths.dataDir().resolve("backtest-chart.png");
            BacktestRow first = report.rows().get(0);
            PnlChart.write(chartFile, "perpcarry backtest, cumulative PnL (USD): " + first.label(), first.result().curve());
            if (json) {
                out.println(CommandSupport.json(report.json()));
            } else {
                out.print(report.table());
                out.println("chart (row 1): " + chartFile);
            }
            return 0;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return Cli.EXIT_CONFIG;
        } catch (io.perpcarry.emulator.scenario.ScenarioException e) {
            err.println("error: scenario " + scenario + ": " + e.getMessage());
            return Cli.EXIT_CONFIG;
        } catch (CommandFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.EXIT_CONFIG;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
