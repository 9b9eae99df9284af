package io.perpcarry.app;

import io.perpcarry.preflight.Preflight;
import io.perpcarry.preflight.PreflightReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The first thing to run with real keys: every field, unit and shape the bot depends on, checked read-only against
 * the configured venues. Exit 0 only when every check passes; nothing is ever sent.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Read-only checks of markets, grids, fees, funding units, account, orders, auth, clock and streams on both venues.")
public final class PreflightCommand extends VenueCommand {
    /** Exit code when a check failed. */
    static final int EXIT_FAILED = 1;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "10",
            description = "How long the streams may take to deliver their first books (default: 10)")
    int waitSeconds;

    public PreflightCommand() {
        this(VenueSession::open);
    }

    PreflightCommand(SessionOpener opener) {
        super(opener);
    }

    @Override
    int run(VenueSession session, PrintWriter out) throws InterruptedException {
        if (waitSeconds < 1 || waitSeconds > 300) {
            throw CommandFailure.usage("--wait-seconds must be 1..300, got " + waitSeconds);
        }
        Preflight preflight = new Preflight(session.byVenue(), session::startStreams, Clock.systemUTC(),
                Duration.ofSeconds(waitSeconds), Duration.ofSeconds(session.config().scanIntervalSeconds()));
        PreflightReport report = preflight.run(session.config().symbolsToMonitor());
        out.print(json ? CommandSupport.json(report.toJson()) + "\n" : report.render());
        return report.passed() ? 0 : EXIT_FAILED;
    }
}
