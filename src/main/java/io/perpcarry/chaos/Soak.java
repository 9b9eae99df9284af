package io.perpcarry.chaos;

import io.perpcarry.app.VenueSession;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.VenueConnector;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Market days on the emulators at an accelerated clock with funding flips, price shocks, stream drops and venue
 * outages: every cycle accounted for in the journal, the funding each closed cycle booked equal to what the venues
 * paid in its window, resident memory flat after warm-up, files bounded, no thread or socket leak.
 */
final class Soak {
    static final double SCALE = 1200;
    /**
     * Bounds: state.json size; journal bytes per cycle and event, all parts together (it rolls over daily and at
     * {@link Journal#DEFAULT_MAX_PART_BYTES}; older parts are kept, so the whole grows with cycles).
     */
    static final long STATE_MAX_BYTES = 1 << 20;
    static final long JOURNAL_MAX_BYTES_PER_CYCLE = 64 << 10;
    /** Below a market day the growth after warm-up is start-up noise (JIT, first cycle): printed, not judged. */
    static final double GROWTH_JUDGED_FROM_HOURS = 24;

    private final ChaosRun run;
    private String figure = "SOAK: not run";
    private boolean broken = true;

    Soak(ChaosRun run) {
        this.run = run;
    }

    void run(double hours, long seed) throws Exception {
        Random rnd = new Random(seed);
        ChaosRun soakRun = new ChaosRun(run.home, run.work, run.out, SCALE);
        Path dir = soakRun.trialDir("soak", ChaosRun.botJson(8, 22));
        Path data = dir.resolve("data");
        long wallMs = (long) (hours * 3_600_000 / SCALE);
        List<String> problems = new ArrayList<>();
        try (EmulatorProcess ex = soakRun.emulator(seed, dir)) {
            Instant soakStart = Instant.parse(ex.get("/_emulator/state").path("simulationTime").asText());
            Proc start;
            Proc end;
            int events = 0;
            int undelivered = 0;
            try (DaemonProcess d = DaemonProcess.start(ex, run.home, dir.resolve("bot.json"), data, null, 1, dir.resolve("daemon.log"), Map.of())) {
                // warm-up: every step of a cycle run once (scan, open, hold, close), so that class loading and the
                // JIT of the close path are not counted as growth
                if (d.await(Duration.ofSeconds(240), Soak::cycleClosed).filter(Soak::cycleClosed).isEmpty()) {
                    problems.add("warm-up: no cycle opened and closed within 240 s");
                }
                long t0 = System.currentTimeMillis();
                Thread.sleep(Math.min(20_000, wallMs / 10));
                start = Proc.of(d.pid());
                run.out.println("  soak start (after warm-up): " + start);
                long eventEvery = Math.max(2000, (long) (6 * 3_600_000 / SCALE)); // ~ every 6 market hours
                while (System.currentTimeMillis() - t0 < wallMs && d.process.isAlive()) {
                    Thread.sleep(eventEvery);
                    try {
                        event(ex, rnd);
                        events++;
                    } catch (IOException e) {
                        undelivered++; // the emulator's admin API did not answer in time (a loaded machine)
                    }
                }
                end = Proc.of(d.pid());
                run.out.println("  soak end:                    " + end);
                if (!d.process.isAlive()) {
                    problems.add("the daemon died: " + d.logTail(20));
                }
                d.stop("TERM", Duration.ofSeconds(40));
                ex.clearFaults();
            }
            Instant soakEnd = Instant.parse(ex.get("/_emulator/state").path("simulationTime").asText());
            Verdict v = Judge.judge(ex, data);
            problems.addAll(v.problems);
            List<JournalEntry> journal = Journal.read(data.resolve("journal.jsonl"));
            long opened = journal.stream().filter(e -> e.type().equals("position_opened")).count();
            long closed = journal.stream().filter(e -> e.type().equals("position_closed")).count();
            Optional<BotSnapshot> state = io.perpcarry.state.StateStore.load(data.resolve("state.json"));
            boolean holding = state.map(CrashTrials::holding).orElse(false);
            if (opened != closed + (holding ? 1 : 0)) {
                problems.add("cycles: " + opened + " opened, " + closed + " closed, holding " + holding);
            }
            int fundingOff = fundingMismatches(ex, dir, state, soakStart, problems);
            JournalParts parts = JournalParts.of(data);
            long journalBytes = parts.totalBytes();
            long stateBytes = Files.size(data.resolve("state.json"));
            if (stateBytes > STATE_MAX_BYTES || journalBytes > JOURNAL_MAX_BYTES_PER_CYCLE * Math.max(1, opened + events)
                    || parts.largestBytes() > Journal.DEFAULT_MAX_PART_BYTES + JOURNAL_MAX_BYTES_PER_CYCLE) {
                problems.add("files: journal " + journalBytes + " B in " + parts.count() + " parts (largest "
                        + parts.largestBytes() + " B), state.json " + stateBytes + " B");
            }
            double rssGrowth = 100.0 * (end.rssKb - start.rssKb) / start.rssKb;
            boolean growthJudged = growthJudged(hours);
            if (growthJudged && rssGrowth >= 10) {
                problems.add(String.format("RSS grew %.1f %% after warm-up", rssGrowth));
            }
            if (growthJudged && (end.threads > start.threads + 5 || end.sockets > start.sockets + 5)) {
                problems.add("threads " + start.threads + " -> " + end.threads + ", sockets " + start.sockets + " -> " + end.sockets);
            }
            broken = !problems.isEmpty();
            figure = String.format("SOAK: %.0f market hours (%s -> %s, x%.0f), %d events (%d not delivered), %d cycles (%d closed), funding mismatches %d, "
                            + "RSS %d -> %d MB (%+.1f %%), heap %s -> %s, threads %d -> %d, sockets %d -> %d, journal %d KB in %d parts, state.json %d KB%s",
                    Duration.between(soakStart, soakEnd).toMinutes() / 60.0, soakStart, soakEnd, SCALE, events, undelivered, opened, closed, fundingOff,
                    start.rssKb / 1024, end.rssKb / 1024, rssGrowth, start.heap, end.heap, start.threads, end.threads,
                    start.sockets, end.sockets, journalBytes / 1024, parts.count(), stateBytes / 1024,
                    (growthJudged ? "" : " (growth not judged under " + (int) GROWTH_JUDGED_FROM_HOURS + " market hours)")
                    + (problems.isEmpty() ? "" : "; BROKEN: " + String.join("; ", problems)));
        }
    }

    /** The journal's parts in a data dir: the current {@code journal.jsonl} and the rolled-over ones. */
    record JournalParts(int count, long totalBytes, long largestBytes) {
        static JournalParts of(Path data) throws IOException {
            List<Path> parts = Journal.parts(data.resolve("journal.jsonl"));
            long total = 0;
            long largest = 0;
            for (Path f : parts) {
                long size = Files.size(f);
                total += size;
                largest = Math.max(largest, size);
            }
            return new JournalParts(parts.size(), total, largest);
        }
    }

    /** A cycle has opened and closed (state.json's history holds closed cycles only). */
    private static boolean cycleClosed(BotSnapshot s) {
        return s.history() != null && !s.history().isEmpty();
    }

    static boolean growthJudged(double hours) {
        return hours >= GROWTH_JUDGED_FROM_HOURS;
    }

    private boolean flipped;

    /** One market event: funding flip, price shock of 3 %, stream drop, or an outage (20 answers 503) of a venue. */
    private void event(EmulatorProcess ex, Random rnd) throws IOException {
        String venue = rnd.nextBoolean() ? "LIGHTER" : "EDGEX";
        switch (rnd.nextInt(4)) {
            case 0 -> {
                flipped = !flipped;
                ex.post("/_emulator/funding", "{\"venue\": \"LIGHTER\", \"symbol\": \"HYPE\", \"rate\": \"" + (flipped ? "-0.0012" : "0.0012") + "\"}");
                ex.post("/_emulator/funding", "{\"venue\": \"EDGEX\", \"symbol\": \"HYPE\", \"rate\": \"" + (flipped ? "0.0002" : "-0.0002") + "\"}");
            }
            case 1 -> ex.shock("HYPE", rnd.nextBoolean() ? "3" : "-3");
            case 2 -> ex.fault("{\"venue\": \"" + venue + "\", \"kind\": \"DROP_WEBSOCKET\", \"count\": 2}");
            default -> ex.fault("{\"venue\": \"" + venue + "\", \"kind\": \"HTTP_5XX\", \"httpStatus\": 503, \"count\": 20}");
        }
    }

    /** Per closed cycle and venue: the funding it booked against what the venue paid between its open and close. */
    private int fundingMismatches(EmulatorProcess ex, Path dir, Optional<BotSnapshot> state, Instant since, List<String> problems) {
        if (state.isEmpty() || state.get().history() == null) {
            return 0;
        }
        int off = 0;
        RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(ex.daemonEnv(), Map.of(), dir.resolve(".env")));
        try (VenueSession s = VenueSession.open(BotConfigLoader.load(dir.resolve("bot.json")), env)) {
            List<FundingPayment> paid = new ArrayList<>();
            // the daemon's windows are on the market clock; the venues stamp funding with wall time
            io.perpcarry.venue.VenueTime market = io.perpcarry.app.EngineClock.venueTime(new io.perpcarry.emulator.ScaledClock(
                    java.time.Clock.systemUTC(), ex.marketStart, ex.marketStart, ex.timeScale));
            for (VenueConnector v : s.venues()) {
                paid.addAll(io.perpcarry.venue.EngineTimeConnector.on(v, market).fundingPayments(since));
            }
            for (BotSnapshot.CycleView c : state.get().history()) {
                Instant from = Instant.parse(c.openedAt());
                Instant to = Instant.parse(c.closedAt());
                for (Map.Entry<String, BotSnapshot.PnlView> e : c.pnl().entrySet()) {
                    BigDecimal venuePaid = paid.stream().filter(p -> p.venue().wireName().equals(e.getKey())
                                    && p.symbol().equals(c.symbol()) && !p.settledAt().isBefore(from) && !p.settledAt().isAfter(to))
                            .map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal booked = new BigDecimal(e.getValue().funding());
                    if (venuePaid.subtract(booked).abs().compareTo(new BigDecimal("0.01")) > 0) {
                        off++;
                        problems.add("cycle " + c.cycleId() + " " + e.getKey() + " booked funding " + booked + ", venue paid " + venuePaid);
                    }
                }
            }
        } catch (RuntimeException e) {
            problems.add("funding history unreadable: " + e.getMessage());
        }
        return off;
    }

    boolean brokenFigure() {
        return broken;
    }

    String figure() {
        return figure;
    }

    /** A process's resident memory, heap after a full GC (jcmd), threads and sockets, from /proc. */
    record Proc(long rssKb, String heap, int threads, int sockets) {
        /** After a full collection (its heap figure), so that both ends are read with the heap in the same state. */
        static Proc of(long pid) throws IOException {
            String heap = heapAfterGc(pid);
            long rss = 0;
            int threads = 0;
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("\\D", ""));
                } else if (l.startsWith("Threads:")) {
                    threads = Integer.parseInt(l.replaceAll("\\D", ""));
                }
            }
            int sockets = 0;
            try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                            sockets++;
                        }
                    } catch (IOException gone) {
                        // closed while listing
                    }
                }
            }
            return new Proc(rss, heap, threads, sockets);
        }

        private static String heapAfterGc(long pid) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!Files.isExecutable(jcmd)) {
                return "?";
            }
            try {
                new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                p.waitFor();
                // Serial GC: young and tenured generations, the first two "used" figures
                var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
                long kb = 0;
                for (int i = 0; i < 2 && m.find(); i++) {
                    kb += Long.parseLong(m.group(1));
                }
                return kb == 0 ? "?" : kb / 1024 + " MB";
            } catch (IOException e) {
                return "?";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "?";
            }
        }

        @Override
        public String toString() {
            return "RSS " + rssKb / 1024 + " MB, heap " + heap + ", threads " + threads + ", sockets " + sockets;
        }
    }
}
