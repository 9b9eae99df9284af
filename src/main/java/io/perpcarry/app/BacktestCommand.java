package io.perpcarry.app;

import io.perpcarry.backtest.Backtest;
import io.perpcarry.backtest.BacktestReport;
import io.perpcarry.backtest.BacktestRow;
import io.perpcarry.backtest.CostModel;
import io.perpcarry.backtest.Grid;
import io.perpcarry.backtest.MarketHistory;
import io.perpcarry.backtest.PnlChart;
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
@Command(name = "backtest", description = "Replay recordings (or backfilled funding history) through the bot's strategy.")
public final class BacktestCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DIR", description = "Recordings directory (default: data/recordings)")
    Path from;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AppPaths paths = AppPaths.defaults().withBotConfig(config);
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
            BacktestReport report = Backtest.run(MarketHistory.read(dir), botJson, paths.botConfig().toString(),
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
