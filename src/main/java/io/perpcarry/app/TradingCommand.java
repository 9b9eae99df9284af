package io.perpcarry.app;

import io.perpcarry.app.trading.ExitCodes;
import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.app.trading.TradingDesk;
import io.perpcarry.app.trading.UsageException;
import io.perpcarry.config.ConfigException;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.state.Json;
import io.perpcarry.venue.VenueException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every trading command shares: --config, --data-dir, --json, the venues and the engine beans on the data
 * directory, and the mapping of failures to exit codes with messages that name the bad value (never a secret:
 * messages come from validated config and venue errors, which carry no credentials).
 */
abstract class TradingCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (default: config/bot.json)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: data/; PERPCARRY_MODE=paper: its paper/ subdirectory, as the daemon)")
    Path dataDir;

    /** The daemon's data directory as the daemon resolves it from --data-dir and PERPCARRY_MODE; set by call(). */
    Path daemonDir;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    final SessionFactory sessions;

    TradingCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    abstract TradingDesk.LockPolicy lockPolicy();

    abstract int run(TradingDesk desk, PrintWriter out, PrintWriter err);

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            validate();
            try (VenueSession session = sessions.open(config);
                 TradingDesk desk = TradingDesk.open(session, daemonDir = AppPaths.defaults().withDataDir(dataDir)
                         .daemonDataDir(session.environment().mode()),
                         lockPolicy(), m -> err.println("ALERT: " + m))) {
                desk.journalNote().ifPresent(n -> err.println("warning: " + n));
                return run(desk, out, err);
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return ExitCodes.USAGE;
        } catch (DataDirLock.DataDirLockedException e) {
            err.println("error: the bot is running (" + e.getMessage() + "); stop it first, or use emergency-close");
            return ExitCodes.LOCKED;
        } catch (VenueException e) {
            err.println("error: " + e.getMessage() + " (nothing more was sent)");
            return ExitCodes.FAILED;
        } catch (RuntimeException e) {
            // No stack trace for the operator; the message names what failed (never a credential).
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Option checks that need no venue. */
    void validate() {
    }

    void printJson(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    static Venue venueOption(String option, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "lighter" -> Venue.LIGHTER;
            case "edgex" -> Venue.EDGEX;
            default -> throw new UsageException(option + " must be lighter or edgex, got " + value);
        };
    }
}
