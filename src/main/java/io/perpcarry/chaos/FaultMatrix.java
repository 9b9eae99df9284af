package io.perpcarry.chaos;

import io.perpcarry.emulator.FaultKind;
import io.perpcarry.state.BotSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every fault kind the emulators inject x every phase x each venue, on the live daemon process: the bot must end
 * flat, hedged or HALTED with a reason, never with exposure it does not know about, and every order that reached
 * a venue must be in the journal. One emulator serves the cells while they leave it flat.
 * <p>CLOCK_SKEW sets the venue's clock {@link #SKEW_MS} ahead, for good: at scan it is there before the daemon's start,
 * so preflight must FAIL on the venue's clock row and nothing opens; at open the daemon starts paused, preflight
 * passes, then the skew and RESUME; while held, the cell waits for what the bot makes of it.
 */
final class FaultMatrix {
    static final List<String> PHASES = List.of("scan", "open", "hold", "close", "emergency-close");
    static final List<String> VENUES = List.of("LIGHTER", "EDGEX");
    /** 11 min: past EdgeX's 30 s auth window and Lighter's 10 min tx and auth-token deadlines. */
    static final long SKEW_MS = 660_000;

    private final ChaosRun run;
    final List<String> cells = new ArrayList<>();
    int tested;
    int flat;
    int hedged;
    int halted;
    int unknown;
    int broken;
    int notJudged;

    FaultMatrix(ChaosRun run) {
        this.run = run;
    }

    /**
     * {@code full}: every cell; {@code sample}: one per kind; kinds' names, comma-separated: those kinds' cells (to
     * replay them, or to split the full matrix over several runs).
     */
    static List<String[]> plan(String faults) {
        if (faults.equals("full") || faults.equals("sample")) {
            return plan(faults.equals("sample"));
        }
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (String k : faults.split(",")) {
            kinds.add(FaultKind.valueOf(k.trim()).name());
        }
        return plan(false).stream().filter(c -> kinds.contains(c[0])).toList();
    }

    /** The cells: every (kind, phase, venue), or with {@code sample} one per kind, phases and venues spread. */
    static List<String[]> plan(boolean sample) {
        List<String[]> plan = new ArrayList<>();
        FaultKind[] kinds = FaultKind.values();
        for (int k = 0; k < kinds.length; k++) {
            for (int p = 0; p < PHASES.size(); p++) {
                for (int v = 0; v < VENUES.size(); v++) {
                    // sample: one cell per kind, phases and venues spread over the kinds
                    if (!sample || (p == k % PHASES.size() && v == k % VENUES.size())) {
                        plan.add(new String[] {kinds[k].name(), PHASES.get(p), VENUES.get(v)});
                    }
                }
            }
        }
        return plan;
    }

    /** Runs the given cells ({kind, phase, venue}) in order. */
    void run(List<String[]> plan, long seed) throws Exception {
        EmulatorProcess ex = null;
        try {
            int i = 0;
            for (String[] cell : plan) {
                Path dir = run.trialDir("fault-" + String.join("-", cell).toLowerCase(), ChaosRun.botJson(8, 1)
                        .replace("\"wait_between_cycles_minutes\": 30", "\"wait_between_cycles_minutes\": 600"));
                if (ex == null || !ex.alive()) {
                    ex = run.emulator(seed + i, dir);
                }
                boolean clean;
                try {
                    clean = cell(ex, dir, FaultKind.valueOf(cell[0]), cell[1], cell[2]);
                } catch (java.io.IOException e) {
                    notJudged++;
                    clean = false;
                    String line = String.format("  %-15s %-15s %-8s -> NOT JUDGED: %s", cell[0], cell[1], cell[2], e);
                    cells.add(line);
                    run.out.println(line);
                }
                if (!clean) {
                    ex.close();
                    ex = null;
                }
                i++;
            }
        } finally {
            if (ex != null) {
                ex.close();
            }
        }
    }

    /** Runs one cell; true when the emulator is left flat and reusable. */
    private boolean cell(EmulatorProcess ex, Path dir, FaultKind kind, String phase, String venue) throws Exception {
        ex.clearFaults();
        ex.delete("/_emulator/requests");
        Path data = dir.resolve("data");
        String note = "";
        boolean skew = kind == FaultKind.CLOCK_SKEW;
        Path control = data.resolve("control");
        if (skew && phase.equals("open")) {
            // paused from the start: preflight passes on the right clock, then the skew, then the bot may open (the
            // file poll may take the PAUSE only once the first open began: then the skew lands during that open)
            Files.createDirectories(control);
            Files.writeString(control.resolve("PAUSE"), "fault matrix: clock skew at the open\n");
        }
        try (DaemonProcess d = DaemonProcess.start(ex, run.home, dir.resolve("bot.json"), data, null, 1, dir.resolve("daemon.log"), Map.of())) {
            if (skew && phase.equals("open") && !d.awaitLog(PREFLIGHT_PASS, Duration.ofSeconds(240))) {
                note += " preflight did not pass in 240 s before the skew;";
            }
            if (phase.equals("scan") || phase.equals("open")) {
                inject(ex, kind, phase, venue);
            }
            if (skew && phase.equals("open")) {
                Files.writeString(control.resolve("RESUME"), "\n");
            }
            if (skew && phase.equals("scan")) {
                // the skew is there before the daemon's preflight: it must refuse naming the venue's clock
                note += d.awaitLog(clockRowFailed(venue), Duration.ofSeconds(240))
                        ? " preflight FAIL " + venue.toLowerCase() + ".clock;" : " no preflight FAIL on " + venue.toLowerCase() + ".clock seen;";
            }
            // a skew lasts: nothing may open under it, so waiting out the whole limit for HOLDING says nothing
            Optional<BotSnapshot> held = d.await(Duration.ofSeconds(skew && phase.equals("scan") ? 20 : skew && phase.equals("open") ? 60 : 240),
                    s -> CrashTrials.holding(s) || skew && phase.equals("open")
                            && (s.state().equals("WAITING") || s.state().equals("HALTED")));
            if (skew && phase.equals("scan") && held.isPresent() && CrashTrials.holding(held.get())) {
                note += " OPENED DESPITE A FAILED PREFLIGHT;"; // the entry gate was bypassed: broken
            } else if (skew && phase.equals("open") && held.isPresent() && CrashTrials.holding(held.get())) {
                note += " held a hedge (opened before the pause took, or the skew did not bite);";
            }
            if (phase.equals("hold") || phase.equals("close") || phase.equals("emergency-close")) {
                if (held.isEmpty() || !CrashTrials.holding(held.get())) {
                    note = "never held: " + held.map(BotSnapshot::state).orElse("no state");
                } else {
                    inject(ex, kind, phase, venue);
                    if (phase.equals("close")) {
                        ex.shock("HYPE", "-5"); // the EdgeX long loses 5 % > the 1 % stop-loss
                    } else if (phase.equals("emergency-close")) {
                        Files.createDirectories(control);
                        Files.writeString(control.resolve("EMERGENCY_CLOSE"), "fault matrix\n");
                    }
                }
            }
            Thread.sleep(8000); // let the fault play out (delays, retries, stream reconnects)
            if (kind == FaultKind.FREEZE_BOOK) {
                ex.post("/_emulator/book", "{\"symbol\": \"HYPE\", \"frozen\": false}");
            }
            // An emergency close under a fault may take longer than the 8 s: judge what it ends with, not a SIGTERM
            // in the middle of it (that is the signals scenario's subject).
            boolean emergency = phase.equals("emergency-close") && held.isPresent() && CrashTrials.holding(held.get());
            Path trigger = data.resolve("control").resolve("EMERGENCY_CLOSE");
            // preflight failed (scan) or the venue refuses the open's reads (open): the bot may stay IDLE, opening nothing
            boolean gateShut = skew && (phase.equals("scan") || phase.equals("open"));
            // a lasting skew while held: the venue's signed reads fail; wait for what the bot makes of it (stale-data
            // or stop-loss close, HALT) instead of judging the hedge it still holds a few seconds in
            boolean resolve = emergency || skew && (phase.equals("hold") || phase.equals("close"))
                    && held.isPresent() && CrashTrials.holding(held.get());
            Optional<BotSnapshot> last = d.await(Duration.ofSeconds(120), s -> !(emergency && Files.exists(trigger))
                    && (s.state().equals("HOLDING") && !resolve || s.state().equals("WAITING")
                    || s.state().equals("HALTED") || (s.state().equals("IDLE") && (s.paused() || gateShut))));
            if (resolve && !emergency && last.isPresent() && CrashTrials.holding(last.get())) {
                note += " still HOLDING 120 s into the skew (no close, no halt);";
            }
            if (d.stop("TERM", Duration.ofSeconds(40)) < 0) {
                note += " ignored SIGTERM for 40 s";
            }
            if (d.unreadableState != null) {
                note += " state.json unreadable once: " + d.unreadableState;
            }
        }
        Verdict v = Judge.judge(ex, data);
        tested++;
        boolean bad = !v.ok() || note.contains("unreadable") || note.contains("SIGTERM") || note.contains("OPENED DESPITE");
        String outcome = v.outcome.startsWith("HALTED") ? "HALTED" : v.outcome;
        if (v.unknownExposure > 0) {
            unknown++;
            outcome = "UNKNOWN EXPOSURE";
        }
        if (bad) {
            broken++;
        } else if (outcome.equals("FLAT")) {
            flat++;
        } else if (outcome.equals("HEDGED")) {
            hedged++;
        } else {
            halted++;
        }
        String line = String.format("  %-15s %-15s %-8s -> %s%s", kind, phase, venue, v, note.isBlank() ? "" : " [" + note.trim() + "]");
        cells.add(line);
        run.out.println(line);
        return outcome.equals("FLAT") && v.ok() && !v.outcome.startsWith("HALTED");
    }

    private static void inject(EmulatorProcess ex, FaultKind kind, String phase, String venue) throws Exception {
        if (kind == FaultKind.FREEZE_BOOK) {
            ex.post("/_emulator/book", "{\"venue\": \"" + venue + "\", \"symbol\": \"HYPE\", \"frozen\": true}");
            return;
        }
        ex.fault(faultJson(kind, phase, venue));
    }

    /** The {@code POST /_emulator/faults} body of a cell (FREEZE_BOOK excepted: {@code /_emulator/book}). */
    static String faultJson(FaultKind kind, String phase, String venue) {
        boolean orders = phase.equals("open") || phase.equals("close") || phase.equals("emergency-close");
        String match = !orders ? "{}" : venue.equals("LIGHTER") ? "{\"path\": \"/api/v1/sendTx\", \"txType\": 14}"
                : "{\"path\": \"/api/v2/private/order/createOrder\"}";
        int count = orders ? 1 : 5;
        String extra = switch (kind) {
            case REJECT -> ", \"errorCode\": \"21739\", \"message\": \"not enough margin to create the order\"";
            case DELAY_MS -> ", \"delayMs\": 15000";
            case PARTIAL_FILL -> ", \"fraction\": \"0.4\"";
            case HTTP_5XX -> ", \"httpStatus\": 503";
            case CLOCK_SKEW -> ", \"skewMs\": " + SKEW_MS;
            default -> "";
        };
        if (kind == FaultKind.DROP_WEBSOCKET || kind == FaultKind.CLOCK_SKEW) {
            match = "{}"; // streams: every session of the venue; the clock: every request
        }
        return "{\"venue\": \"" + venue + "\", \"kind\": \"" + kind + "\", \"count\": " + count + ", \"match\": " + match + extra + "}";
    }

    static final java.util.regex.Pattern PREFLIGHT_PASS = java.util.regex.Pattern.compile("preflight PASS");

    /** The daemon log's preflight report row for the venue's clock, failed. */
    static java.util.regex.Pattern clockRowFailed(String venue) {
        return java.util.regex.Pattern.compile("(?m)^\\s*" + venue.toLowerCase() + "\\.clock\\s+FAIL\\b");
    }

    /** A broken cell or unknown exposure; cells not judged (the emulator could not be driven) only when none was. */
    boolean brokenFigure() {
        return broken > 0 || unknown > 0 || tested == 0;
    }

    String figure() {
        return String.format("FAULTS: %d cells (%d kinds x %d phases x %d venues%s), %d flat, %d hedged, %d halted with a reason, "
                        + "%d unknown exposure, %d broken, %d not judged",
                tested, FaultKind.values().length, PHASES.size(), VENUES.size(), tested < FaultKind.values().length * 10 ? ", sampled" : "",
                flat, hedged, halted, unknown, broken, notJudged);
    }
}
