package io.perpcarry.app;

import io.perpcarry.engine.ControlBanner;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.state.StateStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Cycle history from {@code data/journal.jsonl} (every finished cycle, opened and closed lines joined by cycle id) and
 * the cumulative stats and current state from {@code data/state.json}. Reads files only: safe while the daemon runs.
 */
@Command(name = "journal", description = "Cycle history and cumulative stats from the data directory.")
public final class JournalCommand implements Callable<Integer> {
    @Option(names = "--cycles", paramLabel = "N", defaultValue = "10", description = "Last N cycles (default: 10)")
    int cycles;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: data/ in PERPCARRY_HOME;"
            + " PERPCARRY_MODE=paper: its paper/ subdirectory, as the daemon)")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Accepted for symmetry; the journal needs no config")
    Path config;

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    /** PERPCARRY_HOME and PERPCARRY_MODE are read from here (then .env); a test sets its own. */
    java.util.Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path dir = AppPaths.daemonDataDir(dataDir, environment);
            if (cycles < 1) {
                throw CommandFailure.usage("--cycles must be >= 1, got " + cycles);
            }
            if (!Files.isDirectory(dir)) {
                throw CommandFailure.usage("data directory " + dir + " does not exist");
            }
            Optional<BotSnapshot> state = StateStore.load(dir.resolve(StateStore.FILE_NAME));
            List<Map<String, Object>> rows = cycles(Journal.read(dir.resolve("journal.jsonl"),
                    java.util.Set.of("position_opened", "position_closed", "funding_adjusted"))); // every part, only the cycle lines
            Optional<ControlBanner> banner = state.flatMap(s -> ControlBanner.of(s, Journal.read(
                    dir.resolve("journal.jsonl"), ControlBanner.JOURNAL_TYPES)));
            List<Map<String, Object>> last = rows.subList(Math.max(0, rows.size() - cycles), rows.size());
            Optional<String> mode = state.map(BotSnapshot::mode); // PAPER: a paper daemon's files
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                mode.ifPresent(x -> m.put("mode", x));
                m.put("control", banner.map(ControlBanner::toJson).orElse(null));
                m.put("state", state.map(BotSnapshot::state).orElse(null));
                m.put("paused", state.map(BotSnapshot::paused).orElse(null));
                m.put("halt_reason", state.map(BotSnapshot::haltReason).orElse(null));
                m.put("position", state.map(BotSnapshot::position).orElse(null));
                m.put("cycles_in_journal", rows.size());
                m.put("cycles", last);
                m.put("stats", state.map(BotSnapshot::stats).orElse(null));
                out.println(CommandSupport.json(m));
            } else if (mode.isPresent()) {
                // every line: a paper cycle must never be read as a live one
                String prefix = mode.get() + "  ";
                banner.ifPresent(b -> out.println(prefix + b.line()));
                render(state, rows.size(), last).lines().forEach(l -> out.println(prefix + l));
            } else {
                banner.ifPresent(b -> out.println(b.line()));
                out.print(render(state, rows.size(), last));
            }
            return 0;
        } catch (CommandFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return Cli.EXIT_CONFIG;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * position_closed lines, each with its position_opened line's legs and times, oldest first. A later
     * funding_adjusted line (funding re-read after the close) replaces that venue's funding and moves the net PnL.
     */
    static List<Map<String, Object>> cycles(List<JournalEntry> entries) {
        Map<String, JournalEntry> opened = new LinkedHashMap<>();
        Map<String, Map<String, Object>> closed = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            String id = e.text("cycle_id").orElse("");
            if (e.type().equals("funding_adjusted")) {
                adjust(closed.get(id), e);
            } else if (e.type().equals("position_opened")) {
                opened.put(id, e);
            } else if (e.type().equals("position_closed")) {
                Map<String, Object> m = new LinkedHashMap<>();
                Optional<JournalEntry> o = Optional.ofNullable(opened.get(id));
                m.put("cycle_id", id);
                m.put("symbol", e.text("symbol").orElse(null));
                m.put("long_venue", o.flatMap(x -> x.text("long_venue")).orElse(null));
                m.put("short_venue", o.flatMap(x -> x.text("short_venue")).orElse(null));
                m.put("size", o.flatMap(x -> x.text("long_size")).orElse(null));
                m.put("opened_at", o.flatMap(x -> x.text("opened_at")).orElse(null));
                m.put("closed_at", e.ts().toString());
                m.put("close_reason", e.text("reason").orElse(null));
                m.put("net_pnl", e.text("net_pnl").orElse(null));
                m.put("volume_usd", e.text("volume_usd").orElse(null));
                for (String venue : List.of("lighter", "edgex")) {
                    for (String k : List.of("trading_pnl", "fees", "funding")) {
                        m.put(venue + "_" + k, e.text(venue + "_" + k).orElse(null));
                    }
                }
                out.add(m);
                closed.put(id, m);
            }
        }
        return out;
    }

    /** Idempotent: the line carries what was paid, so a repeated line (a crash before its marker) changes nothing. */
    private static void adjust(Map<String, Object> cycle, JournalEntry e) {
        Optional<String> venue = e.text("venue");
        Optional<String> paid = e.text("paid");
        if (cycle == null || venue.isEmpty() || paid.isEmpty() || cycle.get("net_pnl") == null) {
            return;
        }
        String key = venue.get() + "_funding";
        Object booked = cycle.get(key);
        java.math.BigDecimal was = booked == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(booked.toString());
        java.math.BigDecimal now = new java.math.BigDecimal(paid.get());
        cycle.put(key, now.toPlainString());
        cycle.put("net_pnl", new java.math.BigDecimal(cycle.get("net_pnl").toString()).add(now.subtract(was)).toPlainString());
        cycle.put("funding_adjusted", "true");
    }

    static String render(Optional<BotSnapshot> state, int total, List<Map<String, Object>> last) {
        StringBuilder b = new StringBuilder();
        state.ifPresentOrElse(s -> {
            b.append("state ").append(s.state()).append(s.paused() ? " (paused)" : "");
            if (s.haltReason() != null) {
                b.append(", halted: ").append(s.haltReason());
            }
            b.append('\n');
            if (s.position() != null) {
                b.append("holding ").append(s.position().symbol()).append(" long ").append(s.position().longVenue())
                        .append(" / short ").append(s.position().shortVenue()).append(" since ").append(s.position().openedAt())
                        .append(", closes ").append(s.position().targetCloseAt()).append('\n');
            }
        }, () -> b.append("no state.json yet\n"));
        b.append(String.format("%nlast %d of %d cycles%n", last.size(), total));
        b.append(String.format("%-12s %-6s %-8s %-8s %-21s %-21s %10s %10s  %s%n", "CYCLE", "SYMBOL", "LONG", "SHORT",
                "OPENED", "CLOSED", "NET$", "FUNDING$", "REASON"));
        for (Map<String, Object> c : last) {
            b.append(String.format("%-12s %-6s %-8s %-8s %-21s %-21s %10s %10s  %s%n", c.get("cycle_id"), c.get("symbol"),
                    dash(c.get("long_venue")), dash(c.get("short_venue")), shortTime(c.get("opened_at")),
                    shortTime(c.get("closed_at")), dash(c.get("net_pnl")), funding(c), dash(c.get("close_reason"))));
        }
        state.map(BotSnapshot::stats).ifPresent(s -> b.append(String.format(
                "%ntotals: %s cycles, %s stop-losses, volume %s USD, net PnL %s USD%n  funding received %s, fees %s, trading PnL %s%n",
                s.cycles(), s.stopLosses(), s.volumeUsd(), s.netPnl(), s.fundingReceived(), s.fees(), s.tradingPnl())));
        return b.toString();
    }

    private static String funding(Map<String, Object> c) {
        Object l = c.get("lighter_funding");
        Object e = c.get("edgex_funding");
        if (l == null && e == null) {
            return "-";
        }
        return new java.math.BigDecimal(l == null ? "0" : l.toString()).add(new java.math.BigDecimal(e == null ? "0" : e.toString()))
                .toPlainString();
    }

    private static String shortTime(Object t) {
        if (t == null) {
            return "-";
        }
        String s = t.toString();
        return s.length() > 19 ? s.substring(0, 19) + "Z" : s;
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
