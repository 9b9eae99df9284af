package io.perpcarry.bench;

import ch.qos.logback.classic.Level;
import io.perpcarry.app.EmulatedDaemon;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.engine.BotControl;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.LoggerFactory;

/**
 * The whole daemon on both emulators over loopback, measured from the venues' side (the emulators' request log):
 * start to first scan, the arrival gap between the two opening legs, shock to both close orders, and the memory
 * it runs in. Prints one line per figure; asserts nothing. Run from the project directory (scenario files).
 * Usage: {@code DaemonBench [opens] [shocks]}.
 */
public final class DaemonBench {
    private static final String CYCLING = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8,
             "wait_between_cycles_minutes": 0, "cross_ticks": 3000, "min_volume_usd": 0}
            """;
    private static final String STOP_LOSS = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "wait_between_cycles_minutes": 0,
             "min_volume_usd": 0, "stop_loss_percent": 1}
            """;

    private DaemonBench() {
    }

    public static void main(String[] args) throws Exception {
        int opens = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int shocks = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        run(System.out, opens, shocks);
    }

    /** Runs both phases (about a minute with the defaults) and prints the figures on {@code out}. */
    public static void run(PrintStream out, int opens, int shocks) throws Exception {
        PrintStream stdout = System.out;
        // The emulators run 600x and the daemon scans every 200 ms: the venues' budgets, scaled like the clock
        // (as the test suite does), so that the figures measure the daemon and not a minute-long budget wait.
        io.perpcarry.venue.http.RateLimits.scale(600);
        if (!Boolean.getBoolean("bench.verbose")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        }
        if (!Boolean.getBoolean("bench.verbose")) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the daemon's dashboard
        }
        try {
            cycling(out, opens);
            reaction(out, shocks);
            out.println(String.format(Locale.ROOT, "%-38s %s  goal <= 256 MB", "live daemon RSS (own process)",
                    io.perpcarry.chaos.LiveDaemonRss.measure(Path.of("").toAbsolutePath(), Path.of("target", "bench"),
                            new PrintStream(OutputStream.nullOutputStream()))));
        } finally {
            System.setOut(stdout);
        }
    }

    /** The demo markets at 600x: the daemon opens, the hedge is closed at once, it reopens (no wait between cycles). */
    private static void cycling(PrintStream out, int opens) throws Exception {
        Path data = Files.createTempDirectory("perpcarry-bench");
        // flat HYPE: its funding spread stays, so the daemon reopens however long the opens take (the demo's drifts away)
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, CYCLING, data).override("perpcarry.scan-interval-ms", "200")) {
            long t0 = System.nanoTime();
            daemon.start();
            long startedMs = (System.nanoTime() - t0) / 1_000_000;
            EmulatedDaemon.awaitTrue(Duration.ofSeconds(30), "the first scan", () -> firstScan(ex) != null);
            line(out, "daemon start (main.start)", startedMs, "ms");
            line(out, "daemon start to first scan", (firstScan(ex).arrivalNanos() - t0) / 1e6, "ms", "<= 5000 ms");

            // Each hedge is taken off at once through JMX closeNow; with no wait between cycles the next scan reopens.
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            ObjectName bot = new ObjectName(BotControl.OBJECT_NAME);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String lastCycle = "";
            while (openSkewsInOrder(ex).size() < opens + 1 && System.nanoTime() < deadline) {
                String previous = lastCycle;
                lastCycle = daemon.await(Duration.ofSeconds(120), s -> "HOLDING".equals(s.state()) && s.position() != null
                        && !s.position().cycleId().equals(previous)).position().cycleId();
                jmx.invoke(bot, "closeNow", null, null);
            }
            // the first open is cold (first sends on these code paths): shown apart, then the warm opens' percentiles
            List<String> inOrder = openSkewsInOrder(ex);
            List<Double> skews = new ArrayList<>(inOrder.stream().skip(1).map(x -> Math.abs(Double.parseDouble(x))).toList());
            skews.sort(Comparator.naturalOrder());
            line(out, "leg skew first open (cold)", inOrder.isEmpty() ? Double.NaN : Math.abs(Double.parseDouble(inOrder.get(0))), "ms");
            line(out, "leg skew p50 (" + skews.size() + " warm opens)", percentile(skews, 50), "ms");
            line(out, "leg skew p99 (" + skews.size() + " warm opens)", percentile(skews, 99), "ms", "<= 5 ms");
            line(out, "leg skew max (warm)", skews.isEmpty() ? Double.NaN : skews.get(skews.size() - 1), "ms");
            out.println("leg skews in open order (EdgeX - Lighter, ms): " + inOrder);

            System.gc();
            Runtime rt = Runtime.getRuntime();
            line(out, "resident memory (VmRSS, + emulators)", vmRssKb() / 1024.0, "MB");
            line(out, "heap used after GC", (rt.totalMemory() - rt.freeMemory()) / 1048576.0, "MB");
            line(out, "heap committed", rt.totalMemory() / 1048576.0, "MB");
            line(out, "non-heap used (metaspace, code)",
                    ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed() / 1048576.0, "MB");
            line(out, "max heap (-Xmx)", rt.maxMemory() / 1048576.0, "MB");
        } finally {
            deleteTree(data);
        }
    }

    /** Flat HYPE, stop-loss 1 %, only stream events drive protection: shock ±5 % and time both close orders. */
    private static void reaction(PrintStream out, int shocks) throws Exception {
        Path data = Files.createTempDirectory("perpcarry-bench");
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, STOP_LOSS, data).override("perpcarry.check-interval-ms", "60000")) {
            daemon.start();
            List<Double> reactions = new ArrayList<>();
            String lastCycle = "";
            for (int i = 0; i < shocks; i++) {
                String previous = lastCycle;
                lastCycle = daemon.await(Duration.ofSeconds(120), s -> "HOLDING".equals(s.state()) && s.position() != null
                        && !s.position().cycleId().equals(previous)).position().cycleId();
                Thread.sleep(300); // let the post-open checks settle
                long before = daemon.orderPlacements();
                long shockedAt = System.nanoTime();
                ex.engine().shock("HYPE", new BigDecimal(i % 2 == 0 ? "-5" : "5"));
                EmulatedDaemon.awaitTrue(Duration.ofSeconds(20), "both close orders", () -> daemon.orderPlacements() >= before + 2);
                long last = ex.requests().list().stream().filter(EmulatedDaemon::isOrderPlacement).skip(before).limit(2)
                        .mapToLong(LoggedRequest::arrivalNanos).max().orElseThrow();
                reactions.add((last - shockedAt) / 1e6);
            }
            reactions.sort(Comparator.naturalOrder());
            line(out, "shock to both closes median", percentile(reactions, 50), "ms");
            line(out, "shock to both closes max", reactions.isEmpty() ? Double.NaN : reactions.get(reactions.size() - 1), "ms",
                    "<= 1000 ms");
        } finally {
            deleteTree(data);
        }
    }

    /** The first scan's first read: Lighter's funding rates (only scans read them). */
    private static LoggedRequest firstScan(LocalExchanges ex) {
        return ex.requests().list(VenueId.LIGHTER).stream().filter(r -> r.path().equals("/api/v1/funding-rates"))
                .findFirst().orElse(null);
    }

    /** Signed skews (EdgeX arrival - Lighter arrival, ms) in the order the hedges were opened. */
    static List<String> openSkewsInOrder(LocalExchanges ex) {
        Map<Long, Map<VenueId, Long>> byCycle = new java.util.TreeMap<>();
        for (LoggedRequest r : ex.requests().list()) {
            if (EmulatedDaemon.isOrderPlacement(r) && r.clientOrderId() != null && r.clientOrderId().matches("\\d+")) {
                long id = Long.parseLong(r.clientOrderId());
                if ((id / 1000) % 10 == 1 || (id / 1000) % 10 == 2) {
                    byCycle.computeIfAbsent(id / 10_000, c -> new HashMap<>()).putIfAbsent(r.venue(), r.arrivalNanos());
                }
            }
        }
        return byCycle.values().stream().filter(m -> m.size() == 2)
                .map(m -> String.format(Locale.ROOT, "%.1f", (m.get(VenueId.EDGEX) - m.get(VenueId.LIGHTER)) / 1e6)).toList();
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static long vmRssKb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void line(PrintStream out, String what, double value, String unit) {
        line(out, what, value, unit, "");
    }

    private static void line(PrintStream out, String what, double value, String unit, String goal) {
        out.println(String.format(Locale.ROOT, "%-38s %8.1f %-3s %s", what, value, unit, goal.isEmpty() ? "" : "goal " + goal));
        out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
