package io.perpcarry.app;

import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.BotState;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.state.Journal;
import io.perpcarry.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Clears HALTED after a person has looked. The daemon running (it holds the data directory lock): a
 * {@code control/RESUME} file for its control route, then wait to see state.json leave HALTED. The daemon stopped:
 * take the lock, journal the clearance, and write state.json as IDLE so the next start reconciles instead of staying
 * halted. Refuses when the bot is not halted. A pause is left as it is.
 */
@Command(name = "resume", description = "Clear HALTED after you have looked (the daemon reconciles with the venues first).")
public final class ResumeCommand implements Callable<Integer> {
    static final String TRIGGER = "RESUME";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: data/ in PERPCARRY_HOME)")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Accepted for symmetry; resume needs no config")
    Path config;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "15",
            description = "How long to wait for a running daemon to confirm (default: 15)")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public ResumeCommand() {
        this(Clock.systemUTC());
    }

    ResumeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = AppPaths.defaults().withDataDir(dataDir).dataDir();
        try {
            BotSnapshot before = requireHalted(dir);
            DataDirLock lock;
            try {
                lock = DataDirLock.acquire(dir);
            } catch (DataDirLock.DataDirLockedException running) {
                return viaRunningDaemon(dir, before, out, err);
            }
            try (lock) {
                BotSnapshot s = requireHalted(dir); // again under the lock: a daemon may have stopped meanwhile
                clearOnDisk(dir, s);
                out.println("halt cleared (was: " + s.haltReason() + "). The daemon is not running; when it starts it "
                        + "reconciles with both venues before it trades" + (s.paused() ? " (it stays paused)." : "."));
                return 0;
            }
        } catch (CommandFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return Cli.EXIT_CONFIG;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static BotSnapshot requireHalted(Path dir) {
        Optional<BotSnapshot> s = StateStore.load(dir.resolve(StateStore.FILE_NAME));
        if (s.isEmpty()) {
            throw new CommandFailure(CommandSupport.EXIT_REFUSED, "no " + StateStore.FILE_NAME + " in " + dir
                    + ": the bot has not run there, so it is not halted");
        }
        if (!BotState.HALTED.name().equals(s.get().state())) {
            throw new CommandFailure(CommandSupport.EXIT_REFUSED, "not halted (state " + s.get().state()
                    + (s.get().paused() ? ", paused: un-pause over JMX" : "") + "); nothing to resume");
        }
        return s.get();
    }

    /** Journal first (the record of who cleared what), then state.json, position and history kept as they were. */
    private void clearOnDisk(Path dir, BotSnapshot s) {
        try (Journal journal = new Journal(dir.resolve("journal.jsonl"), clock)) {
            journal.append("halt_cleared", Map.of("by", "cli", "halt_reason", String.valueOf(s.haltReason())));
            journal.append("state_change", Map.of("from", BotState.HALTED, "to", BotState.IDLE,
                    "reason", "halt cleared by cli while stopped; reconciling with the venues at start"));
        }
        new StateStore(dir, clock).writeAtomically(new BotSnapshot(BotState.IDLE.name(), s.paused(), null,
                clock.instant().toString(), s.lastCycleId(), s.waitUntil(), s.position(), s.history(), s.stats()));
    }

    private int viaRunningDaemon(Path dir, BotSnapshot before, PrintWriter out, PrintWriter err) throws InterruptedException {
        Path control = dir.resolve("control");
        try {
            Files.createDirectories(control);
            // Written aside, then renamed: the control route never sees a half-written trigger.
            Path tmp = control.resolve("." + TRIGGER + ".tmp");
            Files.writeString(tmp, "halt cleared by cli at " + clock.instant() + "\n");
            Files.move(tmp, control.resolve(TRIGGER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + control.resolve(TRIGGER), e);
        }
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<BotSnapshot> now = StateStore.load(dir.resolve(StateStore.FILE_NAME));
            if (now.isPresent() && !BotState.HALTED.name().equals(now.get().state())) {
                out.println("halt cleared by the running daemon (was: " + before.haltReason() + "); state "
                        + now.get().state() + ", reconciling with both venues before it trades");
                return 0;
            }
            Thread.sleep(200);
        }
        err.println("error: " + control.resolve(TRIGGER) + " written but the daemon has not cleared the halt within "
                + waitSeconds + " s; check that the resume-file route runs (routes/control.yaml)");
        return 1;
    }
}
