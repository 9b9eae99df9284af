package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.backtest.CostModel;
import io.perpcarry.backtest.Decision;
import io.perpcarry.backtest.MarketHistory;
import io.perpcarry.backtest.RunResult;
import io.perpcarry.backtest.Simulator;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.FundingSettlement;
import io.perpcarry.state.JournalEntry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on the emulators records the market while it trades (routes/record.yaml); the recording replayed through
 * the backtest takes the daemon's decisions, and the funding it books for its holds is what the emulator's settlements
 * pay over the same windows (each venue its own schedule and sign).
 */
class RecordReplayOnEmulatorsTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 1, "wait_between_cycles_minutes": 10,
             "min_volume_usd": 0, "min_net_apr_threshold": 0, "scan_interval_seconds": 300}
            """;

    @TempDir
    Path data;

    @Test
    void recordingReplaysIntoTheDaemonsDecisionsAndTheEmulatorsFunding() throws Exception {
        List<String> daemonOpens = new ArrayList<>();
        // Market time x120 (a slow machine still follows it); Lighter longs pay 2 %/8 h so that a 1 h hold clears costs
        // (funding decides: the venues' 5 bps mid gap is no longer credited as a gain).
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 120);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, CONFIG, data)) {
            ex.engine().setFundingRate(VenueId.LIGHTER, "HYPE", new BigDecimal("0.02"));
            daemon.override("perpcarry.record-interval-ms", "500").override("perpcarry.record-settled-interval-ms", "2000")
                    .override("perpcarry.record-start-delay-ms", "1000");
            daemon.start();
            daemon.awaitHolding(Duration.ofSeconds(90));
            // the 1 h hold ends, the hedge is rotated after the 10 min wait: a second open
            EmulatedDaemon.awaitTrue(Duration.ofSeconds(150), "a second open",
                    () -> daemon.journal("position_opened").size() >= 2);
            daemon.stop();
            for (JournalEntry e : daemon.journal("position_opened")) {
                daemonOpens.add(e.text("symbol").orElseThrow() + " long " + e.text("long_venue").orElseThrow());
            }

            MarketHistory history = MarketHistory.read(data.resolve("recordings"));
            assertThat(history.hasBooks()).isTrue();
            Map<Venue, BigDecimal> capital = new EnumMap<>(Venue.class);
            capital.put(Venue.LIGHTER, new BigDecimal("10000"));
            capital.put(Venue.EDGEX, new BigDecimal("10000"));
            RunResult r = new Simulator(io.perpcarry.config.BotConfigLoader.parse(CONFIG, "test"), history, capital,
                    new CostModel(CostModel.DEFAULT_SLIPPAGE_BPS)).run();

            List<String> replayOpens = r.decisions().stream().filter(d -> d.action().equals("OPEN"))
                    .map(d -> d.symbol() + " long " + d.longVenue().wireName()).toList();
            assertThat(replayOpens).as("backtest opens vs the daemon's: " + r.decisions()).isNotEmpty();
            int common = Math.min(replayOpens.size(), daemonOpens.size());
            assertThat(replayOpens.subList(0, common)).isEqualTo(daemonOpens.subList(0, common));
            assertThat(Math.abs(replayOpens.size() - daemonOpens.size())).as("cycles within one of the daemon's").isLessThanOrEqualTo(1);

            // funding: the emulator's own settlements over the backtest's hold windows, each leg its own venue
            Map<Venue, BigDecimal> expected = new EnumMap<>(Venue.class);
            expected.put(Venue.LIGHTER, BigDecimal.ZERO);
            expected.put(Venue.EDGEX, BigDecimal.ZERO);
            Instant openedAt = null;
            BigDecimal size = null;
            Venue longVenue = null;
            BigDecimal cents = new BigDecimal("0.01");
            for (Decision d : r.decisions()) {
                if (d.action().equals("OPEN")) {
                    openedAt = d.at();
                    longVenue = d.longVenue();
                    size = d.size();
                } else if (openedAt != null && !d.action().equals("EXTEND")) {
                    for (Venue v : Venue.values()) {
                        BigDecimal signed = v == longVenue ? BigDecimal.ONE : BigDecimal.ONE.negate();
                        // the emulator stamps settlements with wall time; the recording is on the market clock
                        for (FundingSettlement s : ex.engine().venue(v == Venue.LIGHTER ? VenueId.LIGHTER : VenueId.EDGEX)
                                .fundingHistory("HYPE", wall(ex, openedAt).plusNanos(1), wall(ex, d.at()).plusNanos(1), 10_000)) {
                            // per unit of base, times the hedge's size below
                            expected.merge(v, signed.multiply(size).multiply(s.markPrice()).multiply(s.ratePerSettlement())
                                    .negate(), BigDecimal::add);
                        }
                    }
                    openedAt = null;
                }
            }
            assertThat(recordedRates(history, ex)).as("every settlement recorded as the emulator settled it").isTrue();
            for (Venue v : Venue.values()) {
                // the emulator pays on its mark, the backtest on the recorded mid: equal to the cent on a flat market
                assertThat(r.funding().get(v).subtract(expected.get(v)).abs()).as(v + " funding " + r.funding().get(v)
                        + " vs the emulator's " + expected.get(v)).isLessThan(cents);
            }
            assertThat(r.fundingTotal().signum()).as("the carry earns").isPositive();
        }
    }

    /** The wall instant at which the emulators' market clock showed {@code market}. */
    private static Instant wall(LocalExchanges ex, Instant market) {
        return ((io.perpcarry.emulator.ScaledClock) ex.scenarioClock()).toBase(market);
    }

    /** The recorded settled rates equal the emulator's settlements over the recorded span. */
    private static boolean recordedRates(MarketHistory history, LocalExchanges ex) {
        for (Venue v : Venue.values()) {
            VenueId id = v == Venue.LIGHTER ? VenueId.LIGHTER : VenueId.EDGEX;
            Map<Instant, FundingQuote> recorded = new java.util.HashMap<>();
            history.settlements(v, "HYPE", Instant.EPOCH, Instant.MAX).forEach((t, q) -> recorded.put(wall(ex, t), q));
            assertThat(recorded).as(v + " settlements recorded").isNotEmpty();
            for (FundingSettlement s : ex.engine().venue(id).fundingHistory("HYPE", wall(ex, history.first()),
                    wall(ex, history.last()), 10_000)) {
                FundingQuote q = recorded.get(s.time());
                assertThat(q).as(v + " settlement at " + s.time()).isNotNull();
                assertThat(q.rate()).as(v + " rate at " + s.time()).isEqualByComparingTo(s.ratePerSettlement());
            }
        }
        return true;
    }
}
