package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.JournalEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HedgePlannerTest {
    @TempDir
    Path dir;
    Fixture f;
    EngineDecision open;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
        f.beans.reconciler.ensureReconciled();
        open = f.beans.engine.onRanking(f.ranking());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void bothLegsSameSizeOnTheCommonStepCrossingTheBook() {
        HedgePlan p = f.beans.planner.plan(open);
        assertThat(p.longLeg().venue()).isEqualTo(Venue.EDGEX);
        assertThat(p.longLeg().side()).isEqualTo(OrderSide.BUY);
        assertThat(p.shortLeg().side()).isEqualTo(OrderSide.SELL);
        assertThat(p.longLeg().size()).isEqualByComparingTo("0.006").isEqualByComparingTo(p.shortLeg().size());
        assertThat(p.sizeStep()).isEqualByComparingTo("0.001");
        assertThat(p.longLeg().limitPrice()).isEqualByComparingTo("50001.01"); // ask 50000.01 + 100 ticks
        assertThat(p.shortLeg().limitPrice()).isEqualByComparingTo("49998.99");
        assertThat(p.hedgeId()).isEqualTo("open-" + open.cycleId());
    }

    @Test
    void replanningTheSameCycleGivesTheSameIds() {
        HedgePlan a = f.beans.planner.plan(open);
        f.lighter.mid(BTC, "50100");
        HedgePlan b = f.beans.planner.plan(open);
        assertThat(b.hedgeId()).isEqualTo(a.hedgeId());
        assertThat(b.longLeg().clientOrderId()).isEqualTo(a.longLeg().clientOrderId());
        assertThat(b.shortLeg().clientOrderId()).isEqualTo(a.shortLeg().clientOrderId());
        assertThat(Long.parseLong(a.longLeg().clientOrderId())).isLessThan(1L << 48);
        assertThat(a.longLeg().clientOrderId()).isNotEqualTo(a.shortLeg().clientOrderId());
    }

    @Test
    void staleDataUnreachableVenueOrExistingPositionRefuse() {
        f.edgex.fresh = false;
        assertThatThrownBy(() -> f.beans.planner.plan(open)).isInstanceOf(PlanRejectedException.class).hasMessageContaining("stale");
        f.edgex.fresh = true;
        f.lighter.unreachable = true;
        assertThatThrownBy(() -> f.beans.planner.plan(open)).isInstanceOf(PlanRejectedException.class);
        f.lighter.unreachable = false;
        f.lighter.position(BTC, "-1", "50000");
        assertThatThrownBy(() -> f.beans.planner.plan(open)).hasMessageContaining("UNATTRIBUTED POSITION: Lighter BTC -1");
    }

    @Test
    void everyOrderIsOnDiskInTheJournalBeforeTheVenueSeesIt() {
        List<String> missing = new ArrayList<>();
        for (FakeVenue v : List.of(f.lighter, f.edgex)) {
            v.onOrder = o -> {
                boolean journaled = io.perpcarry.state.Journal.read(f.beans.journal.file()).stream()
                        .filter(e -> e.type().equals("order_sent"))
                        .anyMatch(e -> e.number("client_order_id") == o.clientOrderId());
                if (!journaled) {
                    missing.add(Long.toString(o.clientOrderId()));
                }
            };
        }
        HedgePlan p = f.beans.planner.plan(open);
        f.beans.legReconciler.reconcile(p, List.of(f.beans.legSender.send(p, Venue.LIGHTER),
                f.beans.legSender.send(p, Venue.EDGEX)));
        f.beans.closer.close(CloseRequest.manual("test"));
        assertThat(f.lighter.orders.size() + f.edgex.orders.size()).isEqualTo(4);
        assertThat(missing).isEmpty();
        List<JournalEntry> j = f.journal();
        assertThat(j.stream().filter(e -> e.type().equals("state_change")).map(e -> e.text("to").orElseThrow()))
                .containsSubsequence("OPENING", "HOLDING", "CLOSING", "WAITING");
    }
}
