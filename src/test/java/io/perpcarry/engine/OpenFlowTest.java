package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.engine.FakeVenue.Behavior;
import io.perpcarry.state.BotState;
import io.perpcarry.state.HeldPosition;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Planner → sender → leg reconciler against fake venues, without Camel. */
class OpenFlowTest extends OnFixture {
    static final String NO_RETRIES = "{\"symbols_to_monitor\": [\"BTC\"], \"open_retries\": 0}";

    @Test
    void bothLegsFillIntoAHedgeOfEqualSize() {
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        HeldPosition p = f.beans.engine.position().orElseThrow();
        assertThat(p.openedAt()).isEqualTo(Fixture.T0);
        assertThat(p.targetCloseAt()).isEqualTo(Fixture.T0.plusSeconds(8 * 3600));
        assertThat(f.lighter.orders).singleElement().satisfies(o -> assertThat(o.reduceOnly()).isFalse());
    }

    @Test
    void oneLegRejectedIsUnwoundAndNothingIsLeft() {
        f.lighter.next(Behavior.REJECT);
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.edgex.orders).hasSize(2);
        assertThat(f.edgex.orders.get(1).reduceOnly()).isTrue();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.journalTypes()).contains("open_aborted");
    }

    @Test
    void partialFillIsLevelledByTrimmingTheLargerLeg() {
        f.close();
        f = new Fixture(dir, NO_RETRIES); // no top-up: level
        f.edgex.next(Behavior.PARTIAL_HALF);
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.003");
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.003");
        assertThat(f.lighter.orders.get(1).reduceOnly()).isTrue();
        assertThat(f.beans.engine.position().orElseThrow().longLeg().size()).isEqualByComparingTo("0.003");
    }

    @Test
    void refusedUnwindHaltsLoudlyAndNothingNewIsOpened() {
        f.lighter.next(Behavior.REJECT);
        f.edgex.refuseReduceOnly = true;
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HALTED);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.alerts).singleElement().asString().contains("NAKED LEG");
        int sent = f.edgex.orders.size() + f.lighter.orders.size();
        f.clock.advance(java.time.Duration.ofHours(1));
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThat(d.action()).isEqualTo(EngineDecision.Action.WAIT);
        assertThat(f.edgex.orders.size() + f.lighter.orders.size()).isEqualTo(sent);
    }

    @Test
    void unknownOutcomeIsResolvedFromPositionsNotResent() {
        f.lighter.next(Behavior.UNKNOWN_FILLED);
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        assertThat(f.lighter.orders).hasSize(1);
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
    }

    @Test
    void unknownOutcomeThatDidNotFillUnwindsTheOtherLeg() {
        f.close();
        f = new Fixture(dir, NO_RETRIES); // (with retries the ended, unfilled leg is sent again: OpenRetryTest)
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.lighter.orders).hasSize(1);
    }

    @Test
    void aLegStillUnresolvedAtTheDeadlineIsNeverTakenForFlatYetItsPartnerIsNotLeftNaked() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.lighter.hideOutcomes = true; // acked, never seen ended: it may still fill, or never have reached the venue
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        assertThat(f.edgex.orders).hasSize(2); // the EdgeX leg, then its reduce-only unwind
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.alerts).singleElement().asString().contains("UNRESOLVED LEG").contains("Lighter BTC SELL 0.006")
                .contains("unwound when it shows");
        assertThat(f.journalTypes()).contains("unresolved_leg", "open_aborted").doesNotContain("halt");
    }

    @Test
    void anUnresolvedLegWhosePartnerCannotBeUnwoundHalts() {
        f.lighter.next(Behavior.UNKNOWN_NOT_FILLED);
        f.lighter.hideOutcomes = true;
        f.edgex.refuseReduceOnly = true;
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("UNRESOLVED LEG").contains("Lighter BTC SELL 0.006")
                .contains("unwind of EdgeX failed");
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
    }

    @Test
    void aLegWhosePositionShowsTheFullSizeIsHeldEvenIfItsOrderIsNotIndexedYet() {
        f.lighter.hideOutcomes = true;
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
    }

    @Test
    void journalHasTheOrderBeforeItsResult() {
        f.open();
        var types = f.journalTypes();
        assertThat(types.indexOf("order_sent")).isLessThan(types.indexOf("order_result"));
        assertThat(types.lastIndexOf("position_opened")).isLessThan(types.lastIndexOf("state_change"));
    }

    @Test
    void aClientOrderIdIsNeverSentTwiceEvenAfterARestart() {
        f.beans.reconciler.ensureReconciled();
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        HedgePlan plan = f.beans.planner.plan(d);
        f.beans.legSender.send(plan, io.perpcarry.domain.Venue.LIGHTER);
        f.restart();
        LegOutcome again = f.beans.legSender.send(plan, io.perpcarry.domain.Venue.LIGHTER);
        assertThat(again.status()).isEqualTo(LegOutcome.Status.UNKNOWN);
        assertThat(f.lighter.orders).hasSize(1);
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo(new BigDecimal("-0.006"));
    }
}
