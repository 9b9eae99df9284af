package io.perpcarry.engine;

import static io.perpcarry.domain.TestMarkets.edgexSpec;
import static io.perpcarry.domain.TestMarkets.lighterSpec;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.strategy.Ranking;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Engine beans on a temp data dir with two fake venues listing BTC at 50,000. Lighter pays the higher funding, so
 * the hedge is long EdgeX / short Lighter; the common size step is 0.001 and 320 USD buys 0.006 BTC.
 */
final class Fixture implements AutoCloseable {
    static final String BTC = "BTC";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final Path dir;
    final MutableClock clock = new MutableClock(T0);
    final FakeVenue lighter = new FakeVenue(Venue.LIGHTER, clock).market(lighterSpec(BTC, "0.0002"), "50000", "0.0005");
    final FakeVenue edgex = new FakeVenue(Venue.EDGEX, clock).market(edgexSpec(BTC, "0.0002"), "50000", "0.00001");
    final BotConfig config;
    final List<String> alerts = new CopyOnWriteArrayList<>();
    EngineBeans beans;

    Fixture(Path dir) {
        this(dir, "{\"symbols_to_monitor\": [\"BTC\"]}");
    }

    Fixture(Path dir, String botJson) {
        this.dir = dir;
        // the fake venues trade little: the original's 250 M combined volume floor would exclude everything
        this.config = BotConfigLoader.parse(botJson.contains("min_volume_usd") ? botJson
                : botJson.replaceFirst("\\{", "{\"min_volume_usd\": 0, "), "test");
        this.beans = build();
    }

    EngineSettings settings() {
        EngineSettings s = EngineSettings.from(config);
        return new EngineSettings(s.holdDuration(), s.waitBetweenCycles(), s.rotationMode(), s.maxLegImbalancePct(),
                s.marginBufferPct(), s.enableStopLoss(), s.leverage(), s.staleGrace(), s.orderAttempts(), Duration.ZERO,
                s.stuckAfter(), s.settleDeadline(), s.minNetAprPct());
    }

    EngineBeans build() {
        return new EngineBeans(config, settings(), dir, lighter, edgex, clock, Sleeper.NONE, alerts::add);
    }

    /** A new process on the same data dir and the same venues. */
    Fixture restart() {
        beans.close();
        beans = build();
        return this;
    }

    Ranking ranking() {
        List<MarketSnapshot> all = new ArrayList<>(beans.scanner.lighterSnapshots());
        all.addAll(beans.scanner.edgexSnapshots());
        return beans.ranker.rank(all);
    }

    Ranking emptyRanking() {
        return new Ranking(List.of());
    }

    /** Scan → OPEN → plan → both legs → read back, as the routes do. */
    LegReconciler.OpenResult open() {
        beans.reconciler.ensureReconciled();
        EngineDecision d = beans.engine.onRanking(ranking());
        if (d.action() != EngineDecision.Action.OPEN) {
            throw new AssertionError("expected OPEN, got " + d);
        }
        HedgePlan plan = beans.planner.plan(d);
        List<LegOutcome> outcomes = List.of(beans.legSender.send(plan, Venue.LIGHTER), beans.legSender.send(plan, Venue.EDGEX));
        return beans.legReconciler.reconcile(plan, outcomes);
    }

    List<JournalEntry> journal() {
        return beans.journal.readAll();
    }

    List<String> journalTypes() {
        return journal().stream().map(JournalEntry::type).toList();
    }

    @Override
    public void close() {
        beans.close();
    }
}
