package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.state.BotState;
import io.perpcarry.state.StateStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Startup reconciliation: the venues are the truth, state.json and the journal say what is ours. */
class ReconcilerTest extends OnFixture {
    @Test
    void matchedPairIsHeldWithTheOriginalOpenedAtAfterARestart() {
        f.open();
        f.clock.advance(Duration.ofHours(3));
        f.restart();
        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(f.beans.engine.position().orElseThrow().openedAt()).isEqualTo(Fixture.T0);
        assertThat(f.beans.engine.position().orElseThrow().targetCloseAt()).isEqualTo(Fixture.T0.plus(Duration.ofHours(8)));
        assertThat(StateStore.load(f.beans.store.stateFile()).orElseThrow().position().openedAt())
                .isEqualTo(Fixture.T0.toString());
    }

    @Test
    void openedAtComesFromTheJournalWhenStateJsonIsLost() throws Exception {
        f.open();
        f.restart();
        java.nio.file.Files.delete(f.beans.store.stateFile());
        f.beans.reconciler.ensureReconciled();
        assertThat(f.beans.engine.position().orElseThrow().openedAt()).isEqualTo(Fixture.T0);
    }

    @Test
    void oneSidedLegOfOursIsUnwound() {
        f.open();
        f.lighter.position(BTC, "0", "1"); // the short leg vanished (liquidated, closed by hand)
        f.restart();
        f.beans.reconciler.ensureReconciled();
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
    }

    @Test
    void unequalPairIsLevelled() {
        f.open();
        f.edgex.position(BTC, "0.009", "50000");
        f.restart();
        f.beans.reconciler.ensureReconciled();
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
    }

    @Test
    void aPositionTheBotHasNoRecordOfHalts() {
        f.edgex.position(BTC, "1", "50000");
        f.beans.reconciler.ensureReconciled();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.edgex.orders).isEmpty();
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("1");
    }

    @Test
    void unreachableVenueMeansWaitAndRetryNeverOpen() {
        f.lighter.unreachable = true;
        assertThat(f.beans.reconciler.ensureReconciled()).isFalse();
        assertThat(f.beans.engine.onRanking(new io.perpcarry.strategy.Ranking(java.util.List.of())).action())
                .isEqualTo(EngineDecision.Action.WAIT);
        f.lighter.unreachable = false;
        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        assertThat(f.lighter.orders).isEmpty();
    }

    @Test
    void strayOrdersOfOursAreCancelledForeignOnesLeft() {
        f.edgex.restingOrder(BTC, ClientOrderIds.of(1_767_225_600L, LegRole.CLOSE, io.perpcarry.domain.Venue.EDGEX, 0));
        f.edgex.restingOrder("ETH", 0);
        f.beans.reconciler.ensureReconciled();
        assertThat(f.edgex.openOrders()).singleElement().satisfies(o -> assertThat(o.symbol()).isEqualTo("ETH"));
    }

    @Test
    void aHaltSurvivesARestartUntilAPersonResumes() {
        f.edgex.position(BTC, "1", "50000");
        f.beans.reconciler.ensureReconciled();
        f.restart();
        assertThat(f.beans.reconciler.ensureReconciled()).isFalse();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        f.edgex.position(BTC, "0", "1"); // the person closed it
        f.beans.engine.resume("test");
        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
    }

    @Test
    void afterAFinishedCycleAPositionInTheSameSymbolIsTheTradersAndIsNotTouched() {
        f.open();
        f.beans.closer.close(CloseRequest.manual("test"));
        f.lighter.position(BTC, "-0.5", "50000"); // opened by hand after the cycle
        int orders = f.lighter.orders.size();
        f.restart();
        f.beans.reconciler.ensureReconciled();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.lighter.orders).hasSize(orders);
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.5");
    }
}
