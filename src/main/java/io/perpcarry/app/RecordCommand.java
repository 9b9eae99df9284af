package io.perpcarry.app;

import io.perpcarry.record.FundingBackfill;
import io.perpcarry.record.MarketRecorder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Records market data alone, without credentials (public reads only): the record routes of routes/record.yaml on a
 * Camel Main of their own. With {@code --backfill DAYS} it fetches the settled funding history instead and exits.
 */
@Command(name = "record", description = "Record funding, books and settled funding to data/recordings/ (no credentials).")
public final class RecordCommand extends VenueCommand {
    @Option(names = "--symbols", split = ",", paramLabel = "A,B,...", description = "Symbols (default: symbols_to_monitor)")
    List<String> symbols;

    @Option(names = "--backfill", paramLabel = "DAYS", description = "Fetch DAYS of settled funding history, then exit")
    Integer backfillDays;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where recordings/ goes (default: data/)")
    Path dataDir;

    @Option(names = "--for-seconds", paramLabel = "N", description = "Stop after N seconds (default: until Ctrl-C)")
    Integer forSeconds;

    @Option(names = "--interval-seconds", paramLabel = "N", defaultValue = "60",
            description = "Seconds between quote/book passes (default: 60)")
    int intervalSeconds;

    @Option(names = "--settled-interval-seconds", paramLabel = "N", defaultValue = "900",
            description = "Seconds between reads of settled funding (default: 900)")
    int settledIntervalSeconds;

    @Option(names = "--emulator-clock", description = "Recording the emulators (bin/perpcarry emulator): stamp on their"
            + " accelerated market clock, read from LIGHTER_BASE_URL/_emulator/state")
    boolean emulatorClock;

    public RecordCommand() {
        this(VenueSession::open);
    }

    RecordCommand(SessionOpener opener) {
        super(opener);
    }

    @Override
    int run(VenueSession session, PrintWriter out) throws Exception {
        AppPaths paths = AppPaths.defaults().withDataDir(dataDir);
        List<String> wanted = CommandSupport.symbols(symbols, session.config().symbolsToMonitor());
        if (symbols != null && !symbols.isEmpty()) {
            CommandSupport.requireListedSomewhere(wanted, CommandSupport.listedAnywhere(session));
        }
        Path recordings = paths.dataDir().resolve("recordings");
        if (backfillDays != null) {
            if (backfillDays < 1 || backfillDays > 365) {
                throw CommandFailure.usage("--backfill DAYS must be 1..365, got " + backfillDays);
            }
            FundingBackfill backfill = new FundingBackfill(session.venues(), Clock.systemUTC(), Duration.ofMillis(200));
            Map<String, Integer> counts = backfill.run(wanted, backfillDays, recordings, line -> {
                out.println(line);
                out.flush();
            });
            out.println("backfilled " + counts.values().stream().mapToInt(Integer::intValue).sum()
                    + " settled funding rates into " + recordings);
            return 0;
        }
        if (intervalSeconds < 1 || intervalSeconds > 3600 || settledIntervalSeconds < 1 || settledIntervalSeconds > 3600) {
            throw CommandFailure.usage("--interval-seconds and --settled-interval-seconds must be 1..3600");
        }
        Clock clock = emulatorClock ? emulatorClock(session.environment().lighter().baseUrl()) : Clock.systemUTC();
        session.startStreams(wanted);
        // on the market clock, settled funding (stamped with wall time on the wire) is recorded on that clock too
        List<io.perpcarry.venue.VenueConnector> venues = session.venues().stream()
                .map(v -> io.perpcarry.venue.EngineTimeConnector.on(v, EngineClock.venueTime(clock))).toList();
        Main main = recorderMain(paths, new MarketRecorder(venues, wanted, clock), intervalSeconds);
        main.addOverrideProperty("perpcarry.record-settled-interval-ms", Long.toString(settledIntervalSeconds * 1000L));
        if (forSeconds != null) {
            main.configure().setDurationMaxSeconds(forSeconds);
        }
        out.println("recording " + String.join(",", wanted) + " every " + intervalSeconds + " s into " + recordings
                + " (Ctrl-C stops)");
        out.flush();
        main.run();
        return 0;
    }

    /**
     * The emulators' market clock: their {@code marketTime} running {@code timeScale} times faster than the wall clock.
     * Read three times; the quickest answer's midpoint pins it (a slow first request would put it minutes off at x300).
     */
    static Clock emulatorClock(java.net.URI lighterBaseUrl) {
        java.net.URI state = lighterBaseUrl.resolve("/_emulator/state");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ScaledClockReading best = null;
        try {
            for (int i = 0; i < 3; i++) {
                long asked = System.nanoTime();
                java.time.Instant askedAt = java.time.Instant.now();
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(state)
                        .timeout(Duration.ofSeconds(10)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                long rtt = System.nanoTime() - asked;
                com.fasterxml.jackson.databind.JsonNode s = r.statusCode() == 200
                        ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()) : null;
                if (s == null || !s.hasNonNull("marketTime") || !s.hasNonNull("timeScale")) {
                    throw CommandFailure.usage("--emulator-clock: " + state + " answered " + r.statusCode()
                            + " without marketTime and timeScale: is LIGHTER_BASE_URL an emulator?");
                }
                if (best == null || rtt < best.rttNanos()) {
                    best = new ScaledClockReading(rtt, askedAt.plusNanos(rtt / 2),
                            java.time.Instant.parse(s.get("marketTime").asText()), s.get("timeScale").asDouble());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof CommandFailure f) {
                throw f;
            }
            throw CommandFailure.usage("--emulator-clock: cannot read " + state + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.usage("--emulator-clock: interrupted reading " + state);
        }
        return new io.perpcarry.emulator.ScaledClock(Clock.systemUTC(), best.wallAt(), best.marketAt(), best.scale());
    }

    private record ScaledClockReading(long rttNanos, java.time.Instant wallAt, java.time.Instant marketAt, double scale) {
    }

    /** A Camel Main running routes/record.yaml only, on the given recorder. */
    static Main recorderMain(AppPaths paths, MarketRecorder recorder, int intervalSeconds) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + paths.applicationProperties());
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + paths.routesDir().resolve("record.yaml"));
        main.addOverrideProperty("camel.main.routes-reload-enabled", "false");
        main.addOverrideProperty("camel.main.jmx-enabled", "false");
        main.addOverrideProperty("perpcarry.data-dir", paths.dataDir().toString());
        main.addOverrideProperty("perpcarry.record-enabled", "true");
        main.addOverrideProperty("perpcarry.record-interval-ms", Long.toString(intervalSeconds * 1000L));
        main.bind("marketRecorder", recorder);
        return main;
    }
}
