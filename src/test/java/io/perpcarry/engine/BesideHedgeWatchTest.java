package io.perpcarry.engine;

import static io.perpcarry.domain.TestMarkets.edgexSpec;
import static io.perpcarry.domain.TestMarkets.lighterSpec;
import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.FakeVenue.Behavior;
import io.perpcarry.state.BotState;
import io.perpcarry.state.JournalEntry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While HOLDING, the risk guard watches every position the accounts report, not only the hedge's: a position in
 * another symbol is attributed by client order id (ours: unwound reduce-only), otherwise alerted naming venue,
 * symbol, side and size, and watched like any loose leg; the hedge keeps its own protection.
 */
class BesideHedgeWatchTest {
    private static final String ETH = "ETH";

    @TempDir
    Path dir;
    Fixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    private Fixture twoMarkets() {
        f = new Fixture(dir, "{\"symbols_to_monitor\": [\"BTC\", \"ETH\"], \"open_retries\": 0}");
        // ETH pays no spread: BTC is the better hedge until a test says otherwise
        f.lighter.market(lighterSpec(ETH, "0.0002"), "3000", "0.00001");
        f.edgex.market(edgexSpec(ETH, "0.0002"), "3000", "0.00001");
        return f;
    }

    @Test
    void aForeignPositionBesideTheHeldHedgeIsAlertedOnceAndWatchedWhileTheHedgeStaysProtected() {
        twoMarkets();
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        f.edgex.position(ETH, "0.5", "3000"); // a manual trade while the bot holds BTC

        f.clock.advance(f.settings().staleGrace());
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();

        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(f.alerts).hasSize(1);
        assertThat(f.alerts.get(0)).contains("UNATTRIBUTED POSITION beside the BTC hedge: EdgeX ETH long 0.5")
                .contains("emergency-close");
        JournalEntry stray = f.journal().stream().filter(e -> e.type().equals("stray_position")).findFirst().orElseThrow();
        assertThat(stray.text("venue")).hasValue("edgex");
        assertThat(stray.text("side")).hasValue("long");
        assertThat(f.edgex.orders.stream().filter(o -> o.symbol().equals(ETH))).as("not ours to close").isEmpty();

        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();
        assertThat(f.alerts).as("one alert per position, not one per pass").hasSize(1);

        f.edgex.mid(ETH, "1500"); // the foreign long loses half its value: watched like any loose leg
        f.clock.advance(f.settings().staleGrace());
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("LEG AT RISK beside the BTC hedge")
                .contains("EdgeX ETH 0.5");
    }

    @Test
    void theHeldHedgeKeepsItsProtectionWithAForeignPositionBesideIt() {
        twoMarkets();
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        f.lighter.position(ETH, "-0.2", "3000");
        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();
        assertThat(f.alerts).anySatisfy(a -> assertThat(a).contains("Lighter ETH short 0.2"));

        f.edgex.liquidationPrice(BTC, "49000"); // the hedge's long is 2 % from liquidation
        f.clock.advance(f.settings().staleGrace());
        RiskVerdict v = f.beans.riskGuard.check();

        assertThat(v.closeNeeded()).isTrue();
        assertThat(v.request().kind()).isEqualTo(CloseRequest.Kind.LIQUIDATION_DISTANCE);
    }

    @Test
    void aLateFillOfAnOlderCycleInAnotherSymbolIsUnwoundWhileTheHedgeIsHeld() {
        twoMarkets();
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED); // BTC cycle: the Lighter short times out, EdgeX is unwound
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        long lateBtcShort = ClientOrderIds.of(f.beans.store.lastCycleId(), LegRole.OPEN_SHORT, Venue.LIGHTER, 0);

        f.lighter.fundingRate(BTC, "0.00001"); // ETH is now the better hedge
        f.lighter.fundingRate(ETH, "0.0005");
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        assertThat(f.beans.engine.position().orElseThrow().symbol()).isEqualTo(ETH);

        f.lighter.fillLate(lateBtcShort); // the old BTC order executes after all, beside the ETH hedge
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        f.clock.advance(f.settings().staleGrace());
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();

        assertThat(f.lighter.size(BTC)).as("the late leg was unwound").isZero();
        assertThat(f.lighter.orders.get(f.lighter.orders.size() - 1).reduceOnly()).isTrue();
        assertThat(f.journalTypes()).contains("late_fill").doesNotContain("stray_position");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(f.lighter.size(ETH).signum()).as("the hedge untouched").isNegative();
        assertThat(f.edgex.size(ETH).signum()).isPositive();
    }
}
