package io.perpcarry.app;

import io.perpcarry.config.ConfigException;
import io.perpcarry.venue.VenueException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A read-only command over both venues: opens a {@link VenueSession}, runs, closes it, and turns failures into
 * exit codes (2 bad config or argument, 3 a venue could not be read). Messages never carry credentials: config
 * and venue errors are built to leave them out.
 */
abstract class VenueCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (default: config/bot.json)")
    Path config;

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    private final SessionOpener opener;

    VenueCommand(SessionOpener opener) {
        this.opener = opener;
    }

    abstract int run(VenueSession session, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (VenueSession session = opener.open(config)) {
            int code = run(session, out);
            return code;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return Cli.EXIT_CONFIG;
        } catch (CommandFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (VenueException e) {
            err.println("error: " + e.getMessage());
            return CommandSupport.EXIT_VENUE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
