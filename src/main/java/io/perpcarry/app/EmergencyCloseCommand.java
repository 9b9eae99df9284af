package io.perpcarry.app;

import io.perpcarry.app.trading.Confirmation;
import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.Inventory;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.TradingDesk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The big red button from the shell: the engine's {@code EmergencyClose} on every position and order of both
 * venues. Works whether the bot is stopped, running, stuck or HALTED: the lock is taken only if free.
 */
@Command(name = "emergency-close", description = "List every position and order on both venues; without --dry-run cancel all orders and close all positions reduce-only, verify flat.")
public final class EmergencyCloseCommand extends TradingCommand {
    @Option(names = "--dry-run", description = "Only list; send nothing")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "60",
            description = "Daemon running: how long to wait for its report before closing from here (default: 60)")
    int waitSeconds;

    public EmergencyCloseCommand() {
        this(SessionFactory.DEFAULT);
    }

    public EmergencyCloseCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    TradingDesk.LockPolicy lockPolicy() {
        return TradingDesk.LockPolicy.IF_FREE;
    }

    @Override
    int run(TradingDesk desk, PrintWriter out, PrintWriter err) {
        Inventory before = Inventory.read(desk.beans().venues);
        PrintWriter talk = json ? err : out;
        if (dryRun) {
            if (json) {
                printJson(out, Map.of("dry_run", true, "flat", before.flat(), "holdings", before.toJson()));
            } else {
                out.println("emergency close DRY RUN: nothing sent. Would cancel and close:");
                before.lines().forEach(l -> out.println("  " + l));
            }
            return before.flat() ? ExitCodes.OK : ExitCodes.EXPOSED;
        }
        talk.println("EMERGENCY CLOSE: cancel every order and close every position on both venues:");
        before.lines().forEach(l -> talk.println("  " + l));
        if (!desk.ownsDataDir()) {
            talk.println("  note: the bot holds the data directory; journaling only, its state.json is left to it");
        }
        Confirmation.Answer a = Confirmation.of(yes).ask(talk, "Close everything?");
        if (a != Confirmation.Answer.YES) {
            err.println("error: " + Confirmation.refusal(a));
            return ExitCodes.NOT_CONFIRMED;
        }
        String report = desk.ownsDataDir() ? null : viaDaemon(talk);
        if (report == null) {
            report = desk.beans().emergencyClose.run(false, "command line");
        }
        Inventory after = Inventory.read(desk.beans().venues);
        String verdict = after.flat() ? "FLAT: no position and no order on either venue"
                : "NOT FLAT, left: " + String.join("; ", after.leftLines());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dry_run", false);
            m.put("flat", after.flat());
            m.put("before", before.toJson());
            m.put("after", after.toJson());
            m.put("report", report);
            m.put("message", verdict);
            printJson(out, m);
        } else {
            out.print(report);
            out.println(verdict);
        }
        if (!after.flat()) {
            err.println("error: " + verdict);
            return ExitCodes.EXPOSED;
        }
        return ExitCodes.OK;
    }

    /**
     * The daemon runs: hand it the close through its control route, so it pauses itself and no other part of it acts
     * meanwhile, and wait for its report. Null when it does not answer in time (then this command closes itself).
     */
    private String viaDaemon(PrintWriter talk) {
        Path control = daemonDir.resolve("control");
        try {
            Files.createDirectories(control);
            Set<Path> before = reports(control);
            Path tmp = control.resolve(".EMERGENCY_CLOSE.tmp");
            Files.writeString(tmp, "by=cli\n");
            Files.move(tmp, control.resolve("EMERGENCY_CLOSE"), StandardCopyOption.ATOMIC_MOVE);
            talk.println("the daemon is running: handed to it (" + control.resolve("EMERGENCY_CLOSE") + ")");
            talk.flush();
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (Path r : reports(control)) {
                    if (!before.contains(r)) {
                        Thread.sleep(100); // written in one call; let it land
                        return Files.readString(r);
                    }
                }
                Thread.sleep(200);
            }
            talk.println("the daemon has not reported within " + waitSeconds + " s: closing from here");
            return null;
        } catch (IOException e) {
            talk.println("cannot hand the close to the daemon (" + e.getMessage() + "): closing from here");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Set<Path> reports(Path control) throws IOException {
        try (Stream<Path> s = Files.list(control)) {
            return s.filter(p -> p.getFileName().toString().startsWith("report-EMERGENCY_CLOSE-")).collect(Collectors.toSet());
        }
    }
}
