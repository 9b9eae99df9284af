package io.perpcarry.app;

import io.perpcarry.app.trading.CloseReport;
import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.Inventory;
import io.perpcarry.app.trading.MonitorCheck;
import io.perpcarry.app.trading.MonitorFinding;
import io.perpcarry.app.trading.MonitorLevel;
import io.perpcarry.app.trading.MonitorThresholds;
import io.perpcarry.app.trading.PairCloser;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.TradingDesk;
import io.perpcarry.app.trading.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import io.perpcarry.config.BotConfig;
import io.perpcarry.strategy.StopLoss;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The liquidation monitor: a separate process beside the bot (or instead of it) that watches both accounts and,
 * with --auto-close, takes red symbols off through the same reduce-only close path as {@code close}.
 */
@Command(name = "monitor", description = "Watch margin, liquidation distance, PnL and hedge balance on both venues; optionally auto-close red symbols.")
public final class MonitorCommand extends TradingCommand {
    @Option(names = "--interval", paramLabel = "S", defaultValue = "60", description = "Seconds between checks (default 60)")
    long interval;

    @Option(names = "--margin-threshold", paramLabel = "PCT",
            description = "Red at this margin use, percent (default: 100 - margin_buffer_pct / 2, 90 at defaults: the bot"
                    + " itself uses up to 100 - margin_buffer_pct)")
    BigDecimal marginThreshold;

    @Option(names = "--pnl-threshold", paramLabel = "PCT",
            description = "Red at this leg PnL, percent of notional (default: minus the bot's stop-loss, -22.56 at 3x)")
    BigDecimal pnlThreshold;

    @Option(names = "--auto-close", negatable = true, defaultValue = "false",
            description = "Close red symbols reduce-only (default: --no-auto-close, only report)")
    boolean autoClose;

    @Option(names = "--once", description = "One check, then exit: 0 green, 1 yellow, 3 red")
    boolean once;

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto", description = "ANSI colours (default: only on a terminal)")
    String color;

    public MonitorCommand() {
        this(SessionFactory.DEFAULT);
    }

    public MonitorCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    void validate() {
        if (interval < 1) {
            throw new UsageException("--interval must be >= 1 second, got " + interval);
        }
        if (!List.of("auto", "always", "never").contains(color)) {
            throw new UsageException("--color must be auto, always or never, got " + color);
        }
        thresholds(null);
    }

    /** The bot's own limits unless overridden: a healthy hedge the bot sized itself is never red. */
    private MonitorThresholds thresholds(TradingDesk desk) {
        BotConfig c = desk == null ? BotConfig.defaults() : desk.session().config();
        return thresholds(c, marginThreshold, pnlThreshold);
    }

    static MonitorThresholds thresholds(BotConfig c, BigDecimal marginOverride, BigDecimal pnlOverride) {
        BigDecimal margin = marginOverride != null ? marginOverride
                : BigDecimal.valueOf(100).subtract(c.marginBufferPct().divide(BigDecimal.valueOf(2)));
        BigDecimal pnl = pnlOverride != null ? pnlOverride
                : new StopLoss(c.stopLossRules()).thresholdPercent().negate();
        return new MonitorThresholds(margin, pnl, c.liquidationBufferPct(), c.maxLegImbalancePct());
    }

    @Override
    TradingDesk.LockPolicy lockPolicy() {
        return TradingDesk.LockPolicy.IF_FREE;
    }

    @Override
    int run(TradingDesk desk, PrintWriter out, PrintWriter err) {
        boolean ansi = color.equals("always") || (color.equals("auto") && System.console() != null && !json);
        Path log = daemonDir.resolve("monitor.log");
        MonitorCheck check = new MonitorCheck(desk.beans().venues, thresholds(desk));
        while (true) {
            int code = once(desk, check, out, ansi, log);
            if (once) {
                return code;
            }
            try {
                Thread.sleep(interval * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return code;
            }
        }
    }

    private int once(TradingDesk desk, MonitorCheck check, PrintWriter out, boolean ansi, Path log) {
        Instant now = Instant.now();
        List<MonitorFinding> findings = check.run();
        MonitorLevel worst = findings.stream().map(MonitorFinding::level).reduce(MonitorLevel.GREEN, MonitorLevel::worse);
        List<String> plain = new ArrayList<>();
        plain.add(now + " " + worst.tag(false) + " perpcarry monitor");
        findings.forEach(f -> plain.add("  " + f.level().tag(false) + " " + f.text()));
        List<String> red = findings.stream().filter(f -> f.level() == MonitorLevel.RED && f.symbol() != null)
                .map(MonitorFinding::symbol).distinct().sorted().toList();
        CloseReport closed = null;
        if (autoClose && !red.isEmpty()) {
            PairCloser closer = new PairCloser(desk);
            closed = closer.close(Inventory.read(desk.beans().venues), red, "monitor auto-close");
            plain.add("  auto-close " + String.join(", ", red) + ": " + closed.message());
        } else if (!red.isEmpty()) {
            plain.add("  red: " + String.join(", ", red) + " (auto-close off; perpcarry close SYMBOL takes them off)");
        }
        append(log, plain);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", now.toString());
            m.put("level", worst.name());
            m.put("findings", findings.stream().map(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("level", f.level().name());
                x.put("symbol", f.symbol());
                x.put("text", f.text());
                return x;
            }).toList());
            m.put("auto_close", closed == null ? null : closed.toJson());
            printJson(out, m);
        } else {
            out.println(now + " " + worst.tag(ansi) + " perpcarry monitor");
            findings.forEach(f -> out.println("  " + f.level().tag(ansi) + " " + f.text()));
            plain.stream().skip(1 + findings.size()).forEach(out::println);
        }
        out.flush();
        if (closed != null && !closed.flat()) {
            return ExitCodes.EXPOSED;
        }
        return worst.exitCode();
    }

    private static void append(Path log, List<String> lines) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.write(log, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }
}
