package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.OrderRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An opening IOC that misses because the price moved: the unfilled part is retried at fresh prices, bounded. */
class OpenRetryTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir); // open_retries 2 (default)
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private LegReconciler.OpenResult openAfterTheMarketMoves(String lighterMid) {
        f.beans.reconciler.ensureReconciled();
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        HedgePlan plan = f.beans.planner.plan(d);
        f.lighter.mid(BTC, lighterMid); // the bid falls below the short leg's limit between the book read and the send
        List<LegOutcome> outcomes = List.of(f.beans.legSender.send(plan, Venue.LIGHTER), f.beans.legSender.send(plan, Venue.EDGEX));
        return f.beans.legReconciler.reconcile(plan, outcomes);
    }

    @Test
    void aMissedLegIsRetriedAtAFreshPriceUnderANewClientOrderId() {
        assertThat(openAfterTheMarketMoves("49900")).isEqualTo(LegReconciler.OpenResult.HOLDING);

        assertThat(f.lighter.orders).hasSize(2);
        OrderRequest first = f.lighter.orders.get(0);
        OrderRequest retry = f.lighter.orders.get(1);
        assertThat(retry.clientOrderId()).isNotEqualTo(first.clientOrderId());
        assertThat(retry.price()).as("priced from the fresh book").isLessThan(first.price());
        assertThat(retry.reduceOnly()).isFalse();
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        List<JournalEntry> sent = f.journal().stream().filter(e -> e.type().equals("order_sent"))
                .filter(e -> e.text("venue").orElse("").equals("lighter")).toList();
        assertThat(sent).as("every attempt journaled").hasSize(2)
                .allSatisfy(e -> assertThat(e.text("role")).hasValue("OPEN_SHORT"));
    }

    @Test
    void retriesAreBoundedNeverExceedThePlannedSizeAndNeverReuseAnId() {
        f.lighter.onOrder = o -> f.lighter.mid(BTC, f.lighter.orderBook(BTC, 1).mid().subtract(new BigDecimal("100")).toPlainString());
        LegReconciler.OpenResult r = openAfterTheMarketMoves("49900"); // and keeps running away at every send

        assertThat(f.lighter.orders).as("1 + open_retries attempts").hasSize(3);
        assertThat(f.lighter.orders).allSatisfy(o -> assertThat(o.size()).isLessThanOrEqualTo(new BigDecimal("0.006")));
        assertThat(new HashSet<>(f.lighter.orders.stream().map(OrderRequest::clientOrderId).toList())).hasSize(3);
        assertThat(r).isEqualTo(LegReconciler.OpenResult.UNWOUND); // then it stops cleanly: the EdgeX leg is unwound
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.lighter.size(BTC)).isZero();
    }

    @Test
    void aLegRefusedAtSendIsNotRetriedNorIsTheOtherLegToppedUp() {
        f.lighter.next(FakeVenue.Behavior.REJECT);
        f.edgex.next(FakeVenue.Behavior.PARTIAL_HALF);
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
        assertThat(f.lighter.orders).hasSize(1);
        assertThat(f.edgex.orders).as("the half fill, then its unwind; no top-up").hasSize(2);
        assertThat(f.edgex.orders.get(1).reduceOnly()).isTrue();
    }
}
