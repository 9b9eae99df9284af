package io.perpcarry.chaos;

import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Random;

/**
 * Crash anywhere: each trial SIGKILLs the live daemon process (at a named step through {@code ChaosHook}, or at
 * a random instant), restarts it, lets it settle, stops it and judges what the venues hold. A trial's seed
 * decides everything (the step, the instant, the venue of a partial fill): {@code --seed} replays it.
 */
final class CrashTrials {
    static final List<String> STEPS = List.of("reconcile", "scan", "planning", "between-legs", "read-back",
            "level-unwind", "hold", "close", "emergency-close", "random-instant");

    private final ChaosRun run;
    int trials;
    int naked;
    int oversize;
    int duplicates;
    int unreadable;
    int clockLost;
    int unknown;
    int lost;
    int stepMissed;
    final java.util.List<Long> failedSeeds = new java.util.ArrayList<>();

    CrashTrials(ChaosRun run) {
        this.run = run;
    }

    static String stepOf(long seed) {
        return STEPS.get((int) Math.floorMod(seed, (long) STEPS.size()));
    }

    void trial(long seed) throws Exception {
        Random rnd = new Random(seed);
        String step = stepOf(seed);
        // Short hold (6 s at x600) so the close is reached; the scenario's funding makes a 1 h hold worth opening.
        double hold = step.equals("close") || step.equals("random-instant") ? 1 : 8;
        String botJson = ChaosRun.botJson(hold, 22);
        if (step.equals("level-unwind")) {
            // No IOC retry: the injected partial fill must be levelled or unwound, the step this trial kills at.
            botJson = botJson.substring(0, botJson.lastIndexOf('}')) + ", \"open_retries\": 0}";
        }
        Path dir = run.trialDir("crash-" + seed, botJson);
        Path data = dir.resolve("data");
        Path config = dir.resolve("bot.json");
        String note = "";
        Optional<BotSnapshot> heldBefore = Optional.empty();
        try (EmulatorProcess ex = run.emulator(seed, dir)) {
            if (step.equals("reconcile")) {
                try (DaemonProcess d0 = DaemonProcess.start(ex, run.home, config, data, null, 1, dir.resolve("daemon-0.log"), Map.of())) {
                    heldBefore = d0.await(Duration.ofSeconds(240), CrashTrials::holding);
                    Thread.sleep(rnd.nextInt(2000));
                    d0.kill();
                    unreadable += d0.unreadableState == null ? 0 : 1;
                }
            }
            if (step.equals("level-unwind")) {
                String venue = rnd.nextBoolean() ? "LIGHTER" : "EDGEX";
                String path = venue.equals("LIGHTER") ? "\"path\": \"/api/v1/sendTx\", \"txType\": 14" : "\"path\": \"/api/v2/private/order/createOrder\"";
                ex.fault("{\"venue\": \"" + venue + "\", \"kind\": \"PARTIAL_FILL\", \"fraction\": \"0.5\", \"match\": {" + path + "}}");
                note = "partial fill on " + venue;
            }
            String hook = step.equals("random-instant") ? null : step;
            int hit = step.equals("hold") ? 1 + rnd.nextInt(5) : 1;
            try (DaemonProcess d1 = DaemonProcess.start(ex, run.home, config, data, hook, hit, dir.resolve("daemon-1.log"), Map.of())) {
                if (step.equals("emergency-close")) {
                    heldBefore = d1.await(Duration.ofSeconds(240), CrashTrials::holding);
                    Path control = Files.createDirectories(data.resolve("control"));
                    Files.writeString(control.resolve("EMERGENCY_CLOSE"), "chaos trial " + seed + "\n");
                }
                if (hook == null) {
                    long killAt = System.nanoTime() + Duration.ofMillis(1000 + rnd.nextInt(20_000)).toNanos();
                    while (System.nanoTime() < killAt && d1.process.isAlive()) {
                        d1.state().filter(CrashTrials::holding).ifPresent(s -> { });
                        Thread.sleep(50);
                    }
                    d1.kill();
                } else {
                    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
                    while (System.nanoTime() < deadline && d1.process.isAlive()) {
                        Optional<BotSnapshot> s = d1.state();
                        if (s.isPresent() && holding(s.get())) {
                            heldBefore = s;
                        }
                        Thread.sleep(50);
                    }
                    if (d1.process.isAlive()) {
                        stepMissed++;
                        note += " step " + step + " not reached in 240 s";
                        d1.kill();
                    }
                }
                unreadable += d1.unreadableState == null ? 0 : 1;
            }
            int recoveredBefore = recoveries(data);
            try (DaemonProcess d2 = DaemonProcess.start(ex, run.home, config, data, null, 1, dir.resolve("daemon-2.log"), Map.of())) {
                // state.json still holds the killed life's state: judge only what the restarted daemon concluded.
                awaitOwnReconcile(d2, data, recoveredBefore);
                d2.await(Duration.ofSeconds(240), s -> holding(s) || "WAITING".equals(s.state()) || "HALTED".equals(s.state())
                        || ("IDLE".equals(s.state()) && s.paused()));
                Optional<BotSnapshot> after = d2.state();
                if (heldBefore.isPresent() && after.isPresent() && holding(after.get())
                        && after.get().position().cycleId().equals(heldBefore.get().position().cycleId())
                        && !after.get().position().openedAt().equals(heldBefore.get().position().openedAt())) {
                    clockLost++;
                    note += " hold clock moved: " + heldBefore.get().position().openedAt() + " -> " + after.get().position().openedAt();
                }
                if (d2.stop("TERM", Duration.ofSeconds(30)) < 0) {
                    note += " restarted daemon ignored SIGTERM for 30 s";
                }
                unreadable += d2.unreadableState == null ? 0 : 1;
            }
            Verdict v = Judge.judge(ex, data);
            trials++;
            naked += v.nakedLegs;
            oversize += v.oversize;
            duplicates += v.duplicateIds;
            unreadable += v.unreadableState;
            unknown += v.unknownExposure;
            lost += v.journalLost;
            // a trial whose kill hook was never hit proves nothing about that step: a broken figure too
            boolean failed = !v.ok() || note.contains("hold clock") || note.contains("ignored") || note.contains("not reached");
            if (failed) {
                failedSeeds.add(seed);
            }
            run.out.printf("  trial seed %d step %-15s -> %s%s%n", seed, step, v, note.isBlank() ? "" : " [" + note.trim() + "]");
        }
    }

    int notJudged;

    static int recoveries(Path data) {
        return Journal.read(data.resolve("journal.jsonl"), Set.of("recovered")).size();
    }

    /** Until the restarted daemon journals its own recovery and has taken any emergency trigger left behind. */
    static void awaitOwnReconcile(DaemonProcess d, Path data, int recoveredBefore) throws InterruptedException {
        Path trigger = data.resolve("control").resolve("EMERGENCY_CLOSE");
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline && d.process.isAlive()
                && (recoveries(data) <= recoveredBefore || Files.exists(trigger))) {
            Thread.sleep(100);
        }
    }

    void notJudged(long seed, Exception e) {
        notJudged++;
        failedSeeds.add(seed);
        run.out.printf("  trial seed %d step %-15s -> NOT JUDGED: %s%n", seed, stepOf(seed), e);
    }

    static boolean holding(BotSnapshot s) {
        return "HOLDING".equals(s.state()) && s.position() != null;
    }

    /**
     * Any broken figure; a hook not reached counts (that trial proved nothing about its step). A trial not judged
     * (the emulator or a process could not be driven: a loaded machine) is printed but breaks nothing, unless no
     * trial at all was judged.
     */
    boolean broken() {
        return naked + oversize + duplicates + unreadable + clockLost + unknown + lost + stepMissed > 0 || trials == 0;
    }

    String figure() {
        return String.format("CRASH: %d trials, %d naked legs, %d over-size hedges, %d duplicate client ids, "
                        + "%d unreadable state files, %d hold clocks lost, %d unknown exposures, %d orders missing from the journal, "
                        + "%d hooks not reached (%d trials not judged)%s",
                trials, naked, oversize, duplicates, unreadable, clockLost, unknown, lost, stepMissed, notJudged,
                failedSeeds.isEmpty() ? "" : "; failing seeds " + failedSeeds);
    }
}
