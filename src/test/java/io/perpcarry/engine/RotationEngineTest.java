package io.perpcarry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.state.BotState;
import io.perpcarry.state.JournalEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationEngineTest {
    @TempDir
    Path dir;
    Fixture f;

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void nothingIsDecidedBeforeTheVenuesAreReconciled() {
        f = new Fixture(dir);
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
    }

    @Test
    void fullCycleOpenHoldRotateWaitIdle() {
        f = new Fixture(dir);
        f.open();
        RotationEngine e = f.beans.engine;
        f.clock.advance(Duration.ofHours(7));
        assertThat(e.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.HOLD);
        f.clock.advance(Duration.ofHours(1));
        EngineDecision d = e.onRanking(f.ranking());
        assertThat(d.action()).isEqualTo(EngineDecision.Action.ROTATE); // rotation mode "always"
        assertThat(e.state()).isEqualTo(BotState.CLOSING);
        f.beans.closer.closeFor(d);
        assertThat(e.state()).isEqualTo(BotState.WAITING);
        assertThat(e.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(e.onRanking(f.emptyRanking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        assertThat(e.state()).isEqualTo(BotState.IDLE);
        List<String> path = f.journal().stream().filter(j -> j.type().equals("state_change"))
                .map(j -> j.text("to").orElseThrow()).toList();
        assertThat(path).containsSubsequence("ANALYZING", "OPENING", "HOLDING", "CLOSING", "WAITING", "IDLE");
    }

    @Test
    void keepIfBestExtendsTheHoldInsteadOfRotating() {
        f = new Fixture(dir, "{\"symbols_to_monitor\": [\"BTC\"], \"rotation_mode\": \"keep_if_best\"}");
        f.open();
        f.clock.advance(Duration.ofHours(8));
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThat(d.action()).isEqualTo(EngineDecision.Action.HOLD);
        assertThat(f.beans.engine.position().orElseThrow().targetCloseAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(8)));
        assertThat(f.beans.engine.position().orElseThrow().openedAt()).isEqualTo(Fixture.T0);
    }

    @Test
    void noEligibleOpportunityAtEndOfHoldCloses() {
        f = new Fixture(dir);
        f.open();
        f.clock.advance(Duration.ofHours(8));
        assertThat(f.beans.engine.onRanking(f.emptyRanking()).action()).isEqualTo(EngineDecision.Action.CLOSE);
    }

    @Test
    void pauseBlocksNewEntriesAndResumeAllowsThem() {
        f = new Fixture(dir);
        f.beans.reconciler.ensureReconciled();
        f.beans.engine.pause("test");
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        f.beans.engine.resume("test");
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.OPEN);
    }

    @Test
    void everyTransitionIsJournaledWithFromAndTo() {
        f = new Fixture(dir);
        f.open();
        for (JournalEntry j : f.journal()) {
            if (j.type().equals("state_change")) {
                assertThat(j.text("from")).isPresent();
                assertThat(j.text("to")).isPresent();
            }
        }
    }

    @Test
    void cycleIdsStrictlyIncreaseAndClientIdsFitLighter() {
        f = new Fixture(dir);
        f.beans.reconciler.ensureReconciled();
        EngineDecision a = f.beans.engine.onRanking(f.ranking());
        f.beans.engine.onOpenAborted("test");
        f.clock.advance(Duration.ofMinutes(5));
        EngineDecision b = f.beans.engine.onRanking(f.ranking());
        assertThat(b.cycleId()).isGreaterThan(a.cycleId());
        long id = ClientOrderIds.of(b.cycleId(), LegRole.EMERGENCY, io.perpcarry.domain.Venue.EDGEX, 99);
        assertThat(id).isLessThan(1L << 48);
        assertThat(ClientOrderIds.cycleOf(id)).isEqualTo(b.cycleId());
    }

    @Test
    void anOpenThatNeverFinishedIsReconciledAgainAfterAWhile() {
        f = new Fixture(dir);
        f.beans.reconciler.ensureReconciled();
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.OPEN);
        // the open route died before sending anything
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        f.clock.advance(Duration.ofMinutes(6));
        assertThat(f.beans.engine.onRanking(f.ranking()).reason()).contains("reconciling");
        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        assertThat(f.beans.engine.state()).isIn(BotState.IDLE, BotState.WAITING);
    }
}
