package io.perpcarry.engine;

import io.perpcarry.config.BotConfig;
import io.perpcarry.state.Journal;
import io.perpcarry.state.StateStore;
import io.perpcarry.strategy.OpportunityRanker;
import io.perpcarry.strategy.OrderPricer;
import io.perpcarry.strategy.PositionSizer;
import io.perpcarry.strategy.StopLoss;
import io.perpcarry.venue.VenueConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The engine's object graph on one data directory and two venue connectors — no Camel. {@code BotWiring} binds
 * these by name for the routes; tests build them directly.
 */
public final class EngineBeans implements AutoCloseable {
    public final EngineSettings settings;
    public final Journal journal;
    public final StateStore store;
    public final Venues venues;
    public final RotationEngine engine;
    public final OrderGateway gateway;
    public final LegSettler settler;
    public final ReduceOnlyExecutor reducer;
    public final OpportunityRanker ranker;
    public final MarketScanner scanner;
    public final HedgePlanner planner;
    public final LegSender legSender;
    public final LegReconciler legReconciler;
    public final HedgeCloser closer;
    public final RiskGuard riskGuard;
    public final Reconciler reconciler;
    public final EmergencyClose emergencyClose;
    public final FundingRecheck fundingRecheck;

    public EngineBeans(BotConfig config, EngineSettings settings, Path dataDir, VenueConnector lighter,
                       VenueConnector edgex, Clock clock, Sleeper sleeper, Alerter alerter) {
        Objects.requireNonNull(config, "config");
        this.settings = settings;
        this.journal = new Journal(dataDir.resolve("journal.jsonl"), clock);
        this.store = new StateStore(dataDir, clock);
        this.venues = new Venues(lighter, edgex, sleeper);
        this.engine = new RotationEngine(settings, journal, store, clock, alerter);
        this.gateway = new OrderGateway(venues, journal, sleeper, settings.settle());
        OrderPricer pricer = new OrderPricer(config.pricingRules());
        this.settler = new LegSettler(venues, sleeper, settings.settle(), settings.settleDeadline());
        this.reducer = new ReduceOnlyExecutor(venues, gateway, pricer, sleeper, settings.settle(), settings.orderAttempts(),
                settler);
        this.ranker = new OpportunityRanker(config.rankingRules(), new PositionSizer(config.sizingRules()));
        this.scanner = new MarketScanner(venues, config.symbolsToMonitor());
        StrayLegs strays = new StrayLegs(venues, reducer, engine, journal);
        this.planner = new HedgePlanner(venues, new PositionSizer(config.sizingRules()), pricer, config.leverage(), clock)
                .withEngine(engine).withStrays(strays);
        this.legSender = new LegSender(gateway, venues);
        this.legReconciler = new LegReconciler(venues, reducer, engine, settings, settler, clock)
                .withRetry(new OpenRetry(venues, gateway, pricer, settler, config.openRetries()));
        this.closer = new HedgeCloser(venues, reducer, engine, journal, clock);
        this.riskGuard = new RiskGuard(venues, engine, new StopLoss(config.stopLossRules()), settings, journal, clock,
                strays);
        this.reconciler = new Reconciler(venues, reducer, engine, store, journal, settings, clock).withStrays(strays);
        this.emergencyClose = new EmergencyClose(venues, reducer, engine, journal, clock);
        this.fundingRecheck = new FundingRecheck(venues, store, journal, clock);
    }

    public EngineBeans(BotConfig config, Path dataDir, VenueConnector lighter, VenueConnector edgex) {
        this(config, EngineSettings.from(config), dataDir, lighter, edgex, Clock.systemUTC(), Sleeper.REAL,
                Alerter.logging());
    }

    @Override
    public void close() {
        closer.close();
        journal.close();
    }
}
