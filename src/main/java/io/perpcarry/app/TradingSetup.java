package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.engine.EngineSettings;
import io.perpcarry.engine.Sleeper;
import io.perpcarry.ui.TerminalDashboard;
import io.perpcarry.venue.edgex.EdgexConnector;
import io.perpcarry.venue.lighter.LighterConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * What the daemon trades with: both venue connectors, built inside the running Camel context (their REST
 * calls go through it), streams started for the configured symbols, and the engine on top.
 *
 * @param venues      where the venues are and the credentials (live: the environment; demo: the emulators)
 * @param engineClock the engine's clock (demo: the emulators' accelerated market clock); connectors always
 *                    sign with the wall clock, as the venues check it
 * @param timeScale   how much faster the engine clock runs than the wall clock (1 live)
 */
record TradingSetup(BotConfig config, Path dataDir, RuntimeEnvironment venues, Clock engineClock, double timeScale,
                    String mode, java.math.BigDecimal paperCollateral) {

    TradingSetup(BotConfig config, Path dataDir, RuntimeEnvironment venues, Clock engineClock, double timeScale, String mode) {
        this(config, dataDir, venues, engineClock, timeScale, mode, null);
    }

    /** PAPER: the engine trades on simulated accounts of {@code collateral} USD each, fed by the live market data. */
    /** How long the live daemon's preflight waits for the streams' first books. */
    static final java.time.Duration PREFLIGHT_STREAM_WAIT = java.time.Duration.ofSeconds(30);
    /** While preflight fails, it runs again this often (a passing venue hiccup should not keep the bot out). */
    static final java.time.Duration PREFLIGHT_RETRY = java.time.Duration.ofMinutes(5);

    static TradingSetup paper(BotConfig config, Path dataDir, RuntimeEnvironment venues, Clock engineClock, double timeScale,
                              java.math.BigDecimal collateral) {
        return new TradingSetup(config, dataDir, venues, engineClock, timeScale,
                "PAPER (simulated account, live market data; nothing is sent to the venues)", collateral);
    }

    Function<CamelContext, BotWiring> wiringFactory() {
        return ctx -> {
            Clock wall = Clock.systemUTC();
            LighterConnector lighter = LighterConnector.fromEnvironment(ctx, venues, wall);
            EdgexConnector edgex;
            try {
                edgex = EdgexConnector.fromEnvironment(ctx, venues, wall);
            } catch (RuntimeException e) {
                lighter.close();
                throw e;
            }
            // Live only: the same checks as bin/perpcarry preflight; no new hedge until they pass.
            io.perpcarry.preflight.EntryGate gate = "live".equals(mode)
                    ? io.perpcarry.preflight.EntryGate.shutUntilPreflight() : io.perpcarry.preflight.EntryGate.OPEN;
            io.perpcarry.preflight.PreflightOnStart preflight = new io.perpcarry.preflight.PreflightOnStart(
                    new io.perpcarry.preflight.Preflight(java.util.Map.of(io.perpcarry.domain.Venue.LIGHTER, lighter,
                            io.perpcarry.domain.Venue.EDGEX, edgex), symbols -> { }, wall, PREFLIGHT_STREAM_WAIT,
                            java.time.Duration.ofSeconds(config.scanIntervalSeconds())),
                    config.symbolsToMonitor(), gate, PREFLIGHT_RETRY);
            ctx.addLifecycleStrategy(new LifecycleStrategySupport() {
                @Override
                public void onContextStopped(CamelContext context) {
                    preflight.close();
                    try {
                        lighter.close();
                    } finally {
                        edgex.close();
                    }
                }
            });
            RiskEventForwarder forwarder = new RiskEventForwarder(ctx);
            lighter.addListener(forwarder);
            edgex.addListener(forwarder);
            try {
                // Streams read market metadata over REST first, which needs the started context.
                ctx.addStartupListener(new StartupListener() {
                    @Override
                    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                    }

                    @Override
                    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                        StreamStarter.startInBackground(context, lighter, lighter::startStreams, config.symbolsToMonitor());
                        StreamStarter.startInBackground(context, edgex, edgex::startStreams, config.symbolsToMonitor());
                        if (gate != io.perpcarry.preflight.EntryGate.OPEN) {
                            preflight.start();
                        }
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the venue streams", e);
            }
            io.perpcarry.venue.VenueConnector lighterAccount = lighter;
            io.perpcarry.venue.VenueConnector edgexAccount = edgex;
            if (paperCollateral != null) {
                lighterAccount = new io.perpcarry.paper.PaperVenue(lighter, paperCollateral, engineClock,
                        io.perpcarry.paper.PaperAccounts.file(dataDir, lighter.venue()));
                edgexAccount = new io.perpcarry.paper.PaperVenue(edgex, paperCollateral, engineClock,
                        io.perpcarry.paper.PaperAccounts.file(dataDir, edgex.venue()));
            }
            // Funding instants on the wire are wall-clock time; the engine (demo: market clock) sees them on its own.
            io.perpcarry.venue.VenueTime venueTime = EngineClock.venueTime(engineClock);
            lighterAccount = io.perpcarry.venue.EngineTimeConnector.on(lighterAccount, venueTime);
            edgexAccount = io.perpcarry.venue.EngineTimeConnector.on(edgexAccount, venueTime);
            io.perpcarry.alerts.AlertPublisher alerts = new io.perpcarry.alerts.AlertPublisher(engineClock);
            EngineBeans beans = new EngineBeans(config, EngineSettings.from(config).onClockScaledBy(timeScale), dataDir,
                    lighterAccount, edgexAccount, engineClock, Sleeper.REAL, alerts);
            beans.engine.entryGate(gate);
            if (paperCollateral != null) {
                // every journal line and state.json say PAPER: none may be taken for a live one
                beans.journal.markEveryLine(io.perpcarry.paper.PaperAccounts.MODE);
                beans.store.markMode(io.perpcarry.paper.PaperAccounts.MODE);
                beans.journal.append("paper_mode", java.util.Map.of("collateral_per_venue", paperCollateral,
                        "note", "simulated account on live market data; no order reaches a venue"));
            }
            TerminalDashboard screen = new TerminalDashboard(beans.engine, lighterAccount, edgexAccount, engineClock, mode,
                    System.out, TerminalDashboard.onTerminal());
            return new BotWiring(beans, dataDir).withDashboard(screen).withAlerts(io.perpcarry.alerts.AlertDesk.create(
                    ctx, alerts, beans, screen, config.symbolsToMonitor(), engineClock)).withRecorder(
                    new io.perpcarry.record.MarketRecorder(java.util.List.of(
                            io.perpcarry.venue.EngineTimeConnector.on(lighter, venueTime),
                            io.perpcarry.venue.EngineTimeConnector.on(edgex, venueTime)), config.symbolsToMonitor(), engineClock)
                            .quietFor(java.time.Duration.ofMillis(Long.parseLong(
                                    ctx.resolvePropertyPlaceholders("{{perpcarry.record-start-delay-ms:60000}}")))));
        };
    }
}
