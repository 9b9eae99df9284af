package io.perpcarry.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * SIGTERM and SIGINT (Ctrl-C) while an open and while a close is in flight (the venue delays the order 5 s):
 * the daemon must exit within the shutdown timeout (20 s, plus JVM exit) having finished or safely abandoned the
 * step; a restart then settles, and the venues are judged.
 */
final class StopSignals {
    static final Duration LIMIT = Duration.ofSeconds(30);
    private final ChaosRun run;
    int cases;
    int late;
    int broken;
    long slowestMs;
    int notJudged;

    StopSignals(ChaosRun run) {
        this.run = run;
    }

    void run(long seed) throws Exception {
        int i = 0;
        for (String signal : new String[] {"TERM", "INT"}) {
            for (String step : new String[] {"open", "close"}) {
                try {
                    one(seed + i, signal, step);
                } catch (java.io.IOException e) {
                    notJudged++;
                    run.out.printf("  SIG%-4s during %-5s -> NOT JUDGED: %s%n", signal, step, e);
                }
                i++;
            }
        }
    }

    private void one(long seed, String signal, String step) throws Exception {
        Path dir = run.trialDir("signal-" + signal.toLowerCase() + "-" + step,
                ChaosRun.botJson(8, 1).replace("\"wait_between_cycles_minutes\": 30", "\"wait_between_cycles_minutes\": 600"));
        Path data = dir.resolve("data");
        String note = "";
        long tookMs;
        try (EmulatorProcess ex = run.emulator(seed, dir)) {
            String delay = "{\"venue\": \"EDGEX\", \"kind\": \"DELAY_MS\", \"delayMs\": 5000, \"count\": 1, "
                    + "\"match\": {\"path\": \"/api/v2/private/order/createOrder\"}}";
            try (DaemonProcess d = DaemonProcess.start(ex, run.home, dir.resolve("bot.json"), data, null, 1, dir.resolve("daemon-1.log"), Map.of())) {
                if (step.equals("open")) {
                    ex.fault(delay);
                } else {
                    d.await(Duration.ofSeconds(240), CrashTrials::holding);
                    ex.fault(delay);
                    ex.shock("HYPE", "-5");
                }
                int before = step.equals("open") ? 0 : ex.placements().size();
                long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
                while (ex.placements().size() <= before && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                tookMs = d.stop(signal, LIMIT);
                if (tookMs < 0) {
                    late++;
                    note = "still running " + LIMIT.toSeconds() + " s after SIG" + signal + " (killed)";
                } else {
                    slowestMs = Math.max(slowestMs, tookMs);
                    note = "exited " + tookMs + " ms after SIG" + signal;
                }
            }
            int recoveredBefore = CrashTrials.recoveries(data);
            try (DaemonProcess d2 = DaemonProcess.start(ex, run.home, dir.resolve("bot.json"), data, null, 1, dir.resolve("daemon-2.log"), Map.of())) {
                CrashTrials.awaitOwnReconcile(d2, data, recoveredBefore);
                d2.await(Duration.ofSeconds(240), s -> s.state().equals("HOLDING") || s.state().equals("WAITING")
                        || s.state().equals("HALTED"));
                d2.stop("TERM", Duration.ofSeconds(40));
            }
            Verdict v = Judge.judge(ex, data);
            cases++;
            if (!v.ok()) {
                broken++;
            }
            run.out.printf("  SIG%-4s during %-5s -> %s [%s]%n", signal, step, v, note);
        }
    }

    /** A late exit or a broken verdict; cases not judged (the emulator could not be driven) only when none was. */
    boolean brokenFigure() {
        return late + broken > 0 || cases == 0;
    }

    String figure() {
        return String.format("SIGNALS: %d cases (SIGTERM, SIGINT x open, close), %d past the %d s limit, %d broken after restart, %d not judged, slowest exit %d ms",
                cases, late, LIMIT.toSeconds(), broken, notJudged, slowestMs);
    }
}
