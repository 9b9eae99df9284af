package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotState;
import io.perpcarry.state.CycleResult;
import io.perpcarry.venue.FundingPayment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hedge closer and risk guard on an open hedge (long EdgeX 0.006 / short Lighter 0.006 at ~50,000). */
class CloseAndRiskTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void closeFlattensBothLegsAndRecordsRealizedResultPerVenue() {
        f.lighter.funding.add(new FundingPayment(Venue.LIGHTER, BTC, Fixture.T0.plusSeconds(3600), new BigDecimal("0.0005"),
                new BigDecimal("-0.006"), new BigDecimal("0.15")));
        f.clock.advance(Duration.ofHours(2));
        HedgeCloser.CloseOutcome out = f.beans.closer.close(CloseRequest.manual("test"));
        assertThat(out.flat()).isTrue();
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        CycleResult r = f.beans.store.history().get(0);
        assertThat(r.pnl().get(Venue.LIGHTER).funding()).isEqualByComparingTo("0.15");
        // Long EdgeX bought at 50001.01 (ask 50000.01 + 100 ticks), sold at 49998.99: -2.02 × 0.006
        assertThat(r.pnl().get(Venue.EDGEX).trading()).isEqualByComparingTo("-0.01212");
        assertThat(r.pnl().get(Venue.LIGHTER).trading()).isEqualByComparingTo("-0.01212");
        assertThat(r.volumeUsd()).isGreaterThan(new BigDecimal("1199"));
        assertThat(f.beans.store.stats().cycles()).isEqualTo(1);
        assertThat(f.beans.store.stats().fundingReceived(Venue.LIGHTER)).isEqualByComparingTo("0.15");
        assertThat(f.journalTypes()).contains("funding", "position_closed");
    }

    @Test
    void aCloseWithOneVenueRefusingTouchesNeitherLegAndHaltsWithTheHedgeWhole() {
        f.edgex.authRefused = true;
        HedgeCloser.CloseOutcome out = f.beans.closer.close(CloseRequest.manual("stop-loss test"));
        assertThat(out.flat()).isFalse();
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("EdgeX", "INVALID_TIMESTAMP", "neither leg touched");
    }

    @Test
    void aCloseWithAVenueClockBeyondWhatItsOrdersAllowTouchesNeitherLeg() {
        // Lighter's reads work, but every transaction would expire at a venue 11 minutes ahead of us
        f.lighter.clockTolerance = Duration.ofMinutes(9);
        f.lighter.clockSkew = Duration.ofMinutes(11);
        HedgeCloser.CloseOutcome out = f.beans.closer.close(CloseRequest.manual("stop-loss test"));
        assertThat(out.flat()).isFalse();
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("Lighter clock +660 s", "neither leg touched");
    }

    @Test
    void aCloseWithOneVenueDownForNowGoesBackToHoldingAndTheNextCloseFlattens() {
        f.lighter.unreachable = true;
        HedgeCloser.CloseOutcome out = f.beans.closer.close(CloseRequest.manual("test"));
        assertThat(out.flat()).isFalse();
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        f.lighter.unreachable = false;
        assertThat(f.beans.closer.close(CloseRequest.manual("test")).flat()).isTrue();
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
    }

    @Test
    void closeThatCannotFlattenHalts() {
        f.lighter.refuseReduceOnly = true;
        HedgeCloser.CloseOutcome out = f.beans.closer.close(CloseRequest.manual("test"));
        assertThat(out.flat()).isFalse();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.alerts).isNotEmpty();
    }

    @Test
    void priceShockTriggersStopLossAndBothLegsAreClosed() {
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        f.lighter.mid(BTC, "65000"); // short Lighter loses 30 % > 22.56 % (3x default)
        f.edgex.mid(BTC, "65000");
        RiskVerdict v = f.beans.riskGuard.check();
        assertThat(v.closeNeeded()).isTrue();
        assertThat(v.request().kind()).isEqualTo(CloseRequest.Kind.STOP_LOSS);
        assertThat(f.journalTypes()).contains("stop_loss");
        f.beans.closer.close(v.request());
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.beans.store.stats().stopLosses()).isEqualTo(1);
    }

    @Test
    void liquidationWithinTheMarginBufferForcesAClose() {
        f.lighter.liquidationPrice(BTC, "55000"); // 10 % away < 20 % buffer
        RiskVerdict v = f.beans.riskGuard.check();
        assertThat(v.request().kind()).isEqualTo(CloseRequest.Kind.LIQUIDATION_DISTANCE);
        f.lighter.liquidationPrice(BTC, "70000"); // 40 % away
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
    }

    @Test
    void legImbalanceBeyondTheLimitForcesAClose() {
        f.edgex.position(BTC, "0.005", "50001.01"); // 16.7 % off
        assertThat(f.beans.riskGuard.check().request().kind()).isEqualTo(CloseRequest.Kind.IMBALANCE);
    }

    @Test
    void staleDataIsToleratedForTheGraceThenCloses() {
        f.edgex.fresh = false;
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        f.clock.advance(f.settings().staleGrace());
        assertThat(f.beans.riskGuard.check().request().kind()).isEqualTo(CloseRequest.Kind.STALE_DATA);
    }

    @Test
    void aCloseFinishingWhileTheGuardReadsTheVenuesIsNotABrokenHedge() {
        // The scan closes the hedge (rotation) while the guard is between its reads: the guard sees one or both
        // legs flat. That is the close's work, not a missing leg: no risk close, no second close.
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        f.edgex.onAccountRead = () -> {
            if (once.compareAndSet(false, true)) {
                assertThat(f.beans.closer.close(CloseRequest.manual("rotation")).flat()).isTrue();
            }
        };
        RiskVerdict v = f.beans.riskGuard.check();
        assertThat(v.closeNeeded()).as(v.toString()).isFalse();
        assertThat(f.journalTypes()).doesNotContain("risk_close");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
    }

    @Test
    void unreachableVenueCountsAsStaleNotAsFlat() {
        f.lighter.unreachable = true;
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
    }
}
