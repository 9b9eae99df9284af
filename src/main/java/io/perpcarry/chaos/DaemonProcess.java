package io.perpcarry.chaos;

import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code perpcarry run} in live mode against an {@link EmulatorProcess}, as its own OS process. */
final class DaemonProcess implements AutoCloseable {
    /**
     * The daemon's flags (README "Memory", docker-compose). The heap starts at 32 MB (by default it starts at 1/64 of
     * the host's RAM: all 192 MB on a 12 GB host), is kept within 20-40 % free after a full collection, and every
     * page it commits is touched at once: its resident size is then what it has committed, instead of creeping up
     * for days as tenured pages are first written.
     */
    static final List<String> JVM = List.of("-Xms32m", "-Xmx192m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-Xss512k");
    final Process process;
    final Path data;
    final Path log;
    /** Set when state.json could not be parsed at some read (a broken figure). */
    String unreadableState;

    private DaemonProcess(Process process, Path data, Path log) {
        this.process = process;
        this.data = data;
        this.log = log;
    }

    /**
     * @param haltAt a {@code ChaosHook} step (null: none); {@code haltHit}: at its N-th hit
     */
    static DaemonProcess start(EmulatorProcess ex, Path home, Path config, Path data, String haltAt, int haltHit, Path log,
                               Map<String, String> extraProps) throws IOException {
        List<String> flags = new ArrayList<>(JVM);
        flags.add("-D" + MarketTime.SCALE + "=" + ex.timeScale);
        flags.add("-D" + MarketTime.START + "=" + ex.marketStart);
        // the venues' request budgets per minute of market time, as the daemon spends them live (a wall minute at
        // x1200 is 20 market hours: the real budget would starve every scan and stretch every hold)
        flags.add("-D" + io.perpcarry.venue.http.RateLimits.SCALE_PROPERTY + "=" + ex.timeScale);
        // Ephemeral HTTP ports: a demo or daemon already on 8080/8081 must not fail the trial.
        flags.add("-Dcamel.server.port=0");
        flags.add("-Dcamel.management.port=0");
        if (haltAt != null) {
            flags.add("-Dperpcarry.chaos.haltAt=" + haltAt);
            flags.add("-Dperpcarry.chaos.haltHit=" + haltHit);
        }
        extraProps.forEach((k, v) -> flags.add("-D" + k + "=" + v));
        Map<String, String> env = new java.util.HashMap<>(ex.daemonEnv());
        env.put("PERPCARRY_HOME", home.toString());
        Process p = Jvm.start(flags, "io.perpcarry.app.Cli",
                List.of("run", "--config", config.toString(), "--data-dir", data.toString(),
                        "--routes-dir", home.resolve("routes").toString()), env, log);
        return new DaemonProcess(p, data, log);
    }

    long pid() {
        return process.pid();
    }

    /** state.json now (empty when absent); an unreadable file is remembered as a broken figure. */
    Optional<BotSnapshot> state() {
        try {
            return StateStore.load(data.resolve(StateStore.FILE_NAME));
        } catch (UncheckedIOException e) {
            // a concurrent atomic rename never shows a half file; anything unreadable is a defect
            unreadableState = e.getMessage();
            return Optional.empty();
        }
    }

    /** Polls state.json until {@code done}, the process exits, or the limit; returns the last state seen. */
    Optional<BotSnapshot> await(Duration limit, Predicate<BotSnapshot> done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<BotSnapshot> last = Optional.empty();
        while (System.nanoTime() < deadline && process.isAlive()) {
            last = state();
            if (last.isPresent() && done.test(last.get())) {
                return last;
            }
            Thread.sleep(100);
        }
        return state();
    }

    /** Polls the daemon's log until a line matches, the process exits, or the limit; true when found. */
    boolean awaitLog(java.util.regex.Pattern pattern, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean alive = process.isAlive();
            if (logMatches(pattern)) {
                return true;
            }
            if (!alive || System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    boolean logMatches(java.util.regex.Pattern pattern) {
        try {
            return Files.exists(log) && pattern.matcher(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            return false; // not written yet
        }
    }

    boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    void kill() throws InterruptedException {
        Jvm.signal(pid(), "KILL");
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM or SIGINT; returns the milliseconds until the process exited, or -1 past {@code limit} (then killed). */
    long stop(String signal, Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        Jvm.signal(pid(), signal);
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return (System.nanoTime() - t0) / 1_000_000;
        }
        kill();
        return -1;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
