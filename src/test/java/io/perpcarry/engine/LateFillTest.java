package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.engine.FakeVenue.Behavior;
import io.perpcarry.state.BotState;
import io.perpcarry.strategy.StopLoss;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos seed 11 (DELAY_MS open EDGEX): an order answered after its client timeout fills after the bot concluded
 * the open. The position it leaves is attributed by client order id and unwound, or the bot HALTs naming it; it is
 * never waited on.
 */
class LateFillTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir, OpenFlowTest.NO_RETRIES); // the timed-out leg ends unfilled and is not sent again
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void seed11LateFillOfOurTimedOutLegIsUnwoundBeforeTheNextOpen() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED); // timed out, seen ended with nothing: EdgeX is unwound
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        f.lighter.fillLate(lateShortLeg(f)); // ... then it executes after all
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");

        f.clock.advance(Duration.ofHours(1));
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThat(d.action()).isEqualTo(EngineDecision.Action.OPEN);
        assertThatThrownBy(() -> f.beans.planner.plan(d)).isInstanceOf(HedgePlanner.AccountsNotFlatException.class)
                .hasMessageContaining("late fill").hasMessageContaining("Lighter BTC -0.006");
        f.beans.engine.onOpenAborted("late fill"); // what the open route does with any refusal

        assertThat(f.lighter.size(BTC)).as("the late leg was unwound").isZero();
        assertThat(f.lighter.orders.get(f.lighter.orders.size() - 1).reduceOnly()).isTrue();
        assertThat(f.journalTypes()).contains("late_fill");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.open()).as("the next open goes ahead on flat accounts").isEqualTo(LegReconciler.OpenResult.HOLDING);
    }

    @Test
    void aPositionNoOrderOfOursAccountsForHaltsNamingVenueSymbolAndSize() {
        f.beans.reconciler.ensureReconciled();
        f.edgex.position(BTC, "0.004", "50000"); // a manual trade while the bot runs, no order of the bot behind it

        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThatThrownBy(() -> f.beans.planner.plan(d)).isInstanceOf(HedgePlanner.AccountsNotFlatException.class);

        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("UNATTRIBUTED POSITION: EdgeX BTC 0.004")
                .contains("emergency-close");
        assertThat(f.edgex.orders).as("nothing sent on a guess").isEmpty();
        assertThat(f.lighter.orders).isEmpty();
    }

    @Test
    void aPositionLargerThanOurLateFillIsNotOursToUnwind() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.open();
        f.lighter.fillLate(lateShortLeg(f));
        f.lighter.position(BTC, "-0.010", "50000"); // and someone added to it by hand
        f.clock.advance(Duration.ofHours(1));
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        int sent = f.lighter.orders.size();
        assertThatThrownBy(() -> f.beans.planner.plan(d)).hasMessageContaining("UNATTRIBUTED POSITION: Lighter BTC -0.01");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.lighter.orders).hasSize(sent);
    }

    @Test
    void aLegUnresolvedAtTheOpenThatFillsLateIsUnwoundWhileWaiting() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.lighter.hideOutcomes = true; // unresolved at the deadline: EdgeX unwound, WAITING
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        assertThat(f.edgex.size(BTC)).isZero();
        f.lighter.hideOutcomes = false;
        f.lighter.fillLate(lateShortLeg(f)); // the Lighter order did fill, late

        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();

        assertThat(f.lighter.size(BTC)).as(f.journalTypes().toString()).isZero();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.journalTypes()).containsSubsequence("unresolved_leg", "open_aborted", "late_fill");
    }

    @Test
    void aPositionNoOrderOfOursExplainsIsNotUnwoundWhileWaiting() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.lighter.hideOutcomes = true;
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        f.lighter.hideOutcomes = false;
        f.lighter.position(BTC, "-0.010", "50000"); // more than our order: someone else's
        int sent = f.lighter.orders.size();

        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();

        assertThat(f.lighter.orders).hasSize(sent);
        assertThat(f.journalTypes()).doesNotContain("late_fill");
        int reads = f.lighter.outcomeReads;
        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();
        assertThat(f.lighter.outcomeReads).as("not attributed again at the same size").isEqualTo(reads);
    }

    @Test
    void beforeReconcilingAfterAClearedHaltBothLegsAreAHedgeToAdoptNotLateFills() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.lighter.hideOutcomes = true;
        f.edgex.refuseReduceOnly = true; // the EdgeX unwind refused: HALTED, EdgeX long left
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HALTED);
        f.edgex.refuseReduceOnly = false;
        f.lighter.hideOutcomes = false;
        f.lighter.fillLate(lateShortLeg(f)); // the Lighter order did fill, late: a whole hedge

        f.beans.engine.clearHalt("test"); // IDLE, not reconciled: the risk pass leaves both legs alone
        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();
        assertThat(f.journalTypes()).doesNotContain("late_fill");
        f.beans.reconciler.ensureReconciled();

        assertThat(f.beans.engine.state()).as(f.beans.store.haltReason().orElse("")).isEqualTo(BotState.HOLDING);
        assertThat(f.beans.engine.position().orElseThrow().longLeg().size()).isEqualByComparingTo("0.006");
    }

    /**
     * CI, session 6 (DashboardBrowserTest): a risk pass that began while IDLE, before the restart's reconcile
     * recovered the hedge, unwound the hedge's EdgeX leg as a late fill of its own opening order. The pass reads the
     * engine live for each leg; the state it began with no longer decides.
     */
    @Test
    void aRiskPassBegunBeforeTheReconcileLeavesTheRecoveredHedgeAlone() {
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        StrayLegs strays = new StrayLegs(f.beans.venues, f.beans.reducer, f.beans.engine, f.beans.journal);
        LegRisk risk = new LegRisk(new StopLoss(f.config.stopLossRules()), f.settings());
        LooseLegWatch pass = new LooseLegWatch(f.beans.venues, f.beans.engine, risk, f.clock, f.settings().staleGrace())
                .withStrays(strays);
        int lighterSent = f.lighter.orders.size();
        int edgexSent = f.edgex.orders.size();

        pass.check(BotState.IDLE); // the state the pass read before the reconcile moved on to HOLDING

        assertThat(f.journalTypes()).doesNotContain("late_fill");
        assertThat(f.lighter.orders).hasSize(lighterSent);
        assertThat(f.edgex.orders).hasSize(edgexSent);
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
    }

    /** The hedge's own legs are never a late fill, whatever the state says: their cycle has not ended. */
    @Test
    void aLegOfACycleNotEndedIsNotALateFill() {
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        StrayLegs strays = new StrayLegs(f.beans.venues, f.beans.reducer, f.beans.engine, f.beans.journal);
        io.perpcarry.domain.Position leg = f.beans.venues.account(io.perpcarry.domain.Venue.EDGEX).position(BTC)
                .orElseThrow();

        StrayLegs.Beside b = strays.lateFill(leg);

        assertThat(b.taken()).isFalse();
        assertThat(b.note()).contains("has not ended");
        assertThat(f.journalTypes()).doesNotContain("late_fill");
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
    }

    /**
     * A crash between the legs' sends: the restart finds both venues flat (the Lighter order not seen yet), so the
     * cut-short open is journaled as aborted; when that order fills after all, the risk pass unwinds it.
     */
    @Test
    void aLateFillOfAnOpenCutShortByACrashIsUnwoundAfterTheRestart() {
        f.beans.reconciler.ensureReconciled();
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        HedgePlan plan = f.beans.planner.plan(d);
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.lighter.hideOutcomes = true;
        f.beans.legSender.send(plan, io.perpcarry.domain.Venue.LIGHTER); // ... and the process dies here
        assertThat(f.beans.engine.state()).isEqualTo(BotState.OPENING);
        f.restart();
        f.beans.reconciler.ensureReconciled();
        assertThat(f.journalTypes()).containsSubsequence("open_aborted", "recovered");
        f.lighter.hideOutcomes = false;
        f.lighter.fillLate(lateShortLeg(f));

        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();

        assertThat(f.lighter.size(BTC)).as(f.journalTypes().toString()).isZero();
        assertThat(f.journalTypes()).endsWith("late_fill", "order_sent", "order_result");
    }

    /** The Lighter short leg of the last cycle (the planner's id: attempt 0). */
    private static long lateShortLeg(Fixture f) {
        return ClientOrderIds.of(f.beans.store.lastCycleId(), LegRole.OPEN_SHORT, io.perpcarry.domain.Venue.LIGHTER, 0);
    }
}
