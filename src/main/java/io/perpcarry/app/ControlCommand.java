package io.perpcarry.app;

import io.perpcarry.engine.ControlActions;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * pause and resume: one {@link ControlActions} call, wherever the bot is. Daemon stopped: under the data directory
 * lock, on state.json and the journal. Daemon running (it holds the lock): a trigger file in {@code control/} for its
 * control route, confirmed by reading state.json back. Exit 0: done or already so; 4: refused (the message says why
 * and what to do); 1: the daemon did not confirm in time; 2: bad directory or option.
 */
abstract class ControlCommand implements Callable<Integer> {
    /** The daemon did not confirm within --wait-seconds. */
    static final int EXIT_UNCONFIRMED = 1;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: data/ in PERPCARRY_HOME;"
            + " PERPCARRY_MODE=paper: its paper/ subdirectory, as the daemon)")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Accepted for symmetry; not needed")
    Path config;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "15",
            description = "How long to wait for a running daemon to confirm (default: 15)")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    /** PERPCARRY_HOME and PERPCARRY_MODE are read from here (then .env); a test sets its own. */
    java.util.Map<String, String> environment = System.getenv();

    final Clock clock;

    ControlCommand(Clock clock) {
        this.clock = clock;
    }

    /** The action on a stopped bot. */
    abstract ControlActions.Outcome offline(ControlActions actions);

    /**
     * With the daemon running, from what state.json says now: an outcome when nothing needs sending (already so, or
     * refused), else empty.
     */
    abstract Optional<ControlActions.Outcome> precheck(BotSnapshot now);

    /** The trigger file's name and content for the daemon's control route. */
    abstract String triggerName();

    abstract String triggerContent();

    /** True once state.json shows the action done. */
    abstract Predicate<BotSnapshot> confirmed();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path dir = AppPaths.daemonDataDir(dataDir, environment);
            BotSnapshot before = load(dir).orElseThrow(() -> new CommandFailure(CommandSupport.EXIT_REFUSED,
                    "no " + StateStore.FILE_NAME + " in " + dir + ": the bot has not run there"));
            DataDirLock lock;
            try {
                lock = DataDirLock.acquire(dir);
            } catch (DataDirLock.DataDirLockedException running) {
                return viaDaemon(dir, before, out, err);
            }
            try (lock) {
                ControlActions actions = ControlActions.offline(dir, clock);
                try {
                    return report(offline(actions), " The daemon is not running; it starts from this state.", out, err);
                } finally {
                    actions.close();
                }
            }
        } catch (CommandFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return Cli.EXIT_CONFIG;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static Optional<BotSnapshot> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw CommandFailure.usage("data directory " + dir + " does not exist");
        }
        return StateStore.load(dir.resolve(StateStore.FILE_NAME));
    }

    private static int report(ControlActions.Outcome o, String note, PrintWriter out, PrintWriter err) {
        if (!o.ok()) {
            err.println("error: " + o.message());
            return CommandSupport.EXIT_REFUSED;
        }
        out.println((o.changed() ? "" : "no change: ") + o.message() + (o.changed() ? note : ""));
        return 0;
    }

    private int viaDaemon(Path dir, BotSnapshot before, PrintWriter out, PrintWriter err) throws InterruptedException {
        Optional<ControlActions.Outcome> early = precheck(before);
        if (early.isPresent()) {
            return report(early.get(), "", out, err);
        }
        Path control = dir.resolve("control");
        Path trigger = control.resolve(triggerName());
        try {
            Files.createDirectories(control);
            // Written aside, then renamed: the control route never sees a half-written trigger.
            Path tmp = control.resolve("." + triggerName() + ".tmp");
            Files.writeString(tmp, triggerContent());
            Files.move(tmp, trigger, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + trigger, e);
        }
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<BotSnapshot> now = load(dir);
            if (now.isPresent() && confirmed().test(now.get())) {
                out.println("done by the running daemon: state " + now.get().state()
                        + (now.get().paused() ? ", paused" : ", not paused"));
                return 0;
            }
            Thread.sleep(200);
        }
        err.println("error: " + trigger + " written but state.json does not show it done after " + waitSeconds
                + " s; check that the control-file route runs (routes/control.yaml) and the daemon's log");
        return EXIT_UNCONFIRMED;
    }
}
