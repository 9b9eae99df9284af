package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotState;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.Fill;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crashes mid-cycle, booked PnL and adopting a pair: what a restart and the books make of a cycle. */
class ExecutionRecoveryTest extends OnFixture {
    @Test
    void aCrashInOpeningStartsTheHoldClockNowNotAtAnOlderCycleInTheSameSymbol() {
        f.open(); // cycle 1 at T0
        f.lighter.position(BTC, "0", "1"); // then closed outside the bot: no position_closed in the journal
        f.edgex.position(BTC, "0", "1");
        f.restart();
        f.beans.reconciler.ensureReconciled();
        f.clock.advance(Duration.ofHours(5));
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThat(d.action()).isEqualTo(EngineDecision.Action.OPEN);
        HedgePlan plan = f.beans.planner.plan(d);
        f.beans.legSender.send(plan, Venue.LIGHTER);
        f.beans.legSender.send(plan, Venue.EDGEX); // ... and the process dies before reading the legs back
        f.restart();

        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        HeldPosition p = f.beans.engine.position().orElseThrow();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(p.openedAt()).as("not cycle 1's T0").isEqualTo(Fixture.T0.plus(Duration.ofHours(5)));
        assertThat(p.targetCloseAt()).isEqualTo(p.openedAt().plus(Duration.ofHours(8)));
    }

    @Test
    void aCrashInClosingAfterBothLegsWentFlatStillCountsTheCycleWithItsFills() {
        f.open();
        long cycle = f.beans.engine.position().orElseThrow().cycleId();
        f.clock.advance(Duration.ofHours(8));
        f.edgex.mid(BTC, "50500");
        assertThat(f.beans.engine.beginClose("hold over")).isTrue();
        for (Venue v : Venue.values()) {
            assertThat(f.beans.reducer.reduceTo(v, BTC, BigDecimal.ZERO, cycle, LegRole.CLOSE).done()).isTrue();
        }
        f.restart(); // died before recording the close

        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.beans.store.history()).singleElement().satisfies(r -> {
            assertThat(r.cycleId()).isEqualTo(cycle);
            assertBookedFromFills(r);
        });
        assertThat(f.journalTypes()).contains("position_closed").doesNotContain("position_gone");
    }

    @Test
    void aNormalCloseBooksTheVenuesFillsAndFeesNotTheLimitPrices() {
        f.open();
        f.clock.advance(Duration.ofHours(8));
        f.lighter.mid(BTC, "49700");
        assertThat(f.beans.closer.close(CloseRequest.manual("test")).flat()).isTrue();
        CycleResult r = f.beans.store.history().get(0);
        assertBookedFromFills(r);
        assertThat(f.journalTypes()).doesNotContain("pnl_estimated");
    }

    @Test
    void aPreexistingPairHaltsNamingAdoptAndAdoptTakesItOverWithItsEntryPrices() {
        f.edgex.position(BTC, "0.006", "50000");
        f.lighter.position(BTC, "-0.006", "50100");
        f.beans.reconciler.ensureReconciled();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("bin/perpcarry adopt BTC");

        f.clock.advance(Duration.ofMinutes(7));
        String said = f.beans.reconciler.adopt(BTC, "test");

        HeldPosition p = f.beans.engine.position().orElseThrow();
        assertThat(said).contains("adopted");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(f.beans.store.haltReason()).isEmpty();
        assertThat(p.longLeg().venue()).isEqualTo(Venue.EDGEX);
        assertThat(p.longLeg().entryPrice()).isEqualByComparingTo("50000");
        assertThat(p.shortLeg().entryPrice()).isEqualByComparingTo("50100");
        assertThat(p.openedAt()).isEqualTo(Fixture.T0.plus(Duration.ofMinutes(7)));
        assertThat(f.journalTypes()).contains("position_adopted");
        assertThat(f.edgex.orders).isEmpty();
        assertThat(f.lighter.orders).isEmpty();
    }

    @Test
    void adoptRefusesLegsThatAreNotEqualAndOpposite() {
        f.edgex.position(BTC, "0.006", "50000");
        f.lighter.position(BTC, "-0.003", "50100");
        f.beans.reconciler.ensureReconciled();
        assertThatThrownBy(() -> f.beans.reconciler.adopt(BTC, "test")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("differ by more than one size step");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.journalTypes()).doesNotContain("position_adopted");
    }

    private void assertBookedFromFills(CycleResult r) {
        for (Venue v : Venue.values()) {
            List<Fill> fills = (v == Venue.LIGHTER ? f.lighter : f.edgex).fills;
            BigDecimal cash = fills.stream().map(x -> x.side() == OrderSide.SELL ? x.notional() : x.notional().negate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(r.pnl().get(v).trading()).as(v + " trading PnL").isEqualByComparingTo(cash);
            assertThat(r.pnl().get(v).fees()).as(v + " fees").isEqualByComparingTo(fees);
        }
    }
}
