package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.FundingPayment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chaos soak defect 9: a settlement stamped at or before the close but published by the venue after the closer read
 * the funding. The cycle's window is re-read an hour after the close; a difference is journaled funding_adjusted and
 * booked (history, totals), exactly once across restarts.
 */
class FundingRecheckTest extends OnFixture {
    private Instant closedAt;

    @BeforeEach
    void closeOneCycle() {
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
        f.lighter.funding.add(payment(Fixture.T0.plusSeconds(3600), "0.15"));
        f.clock.advance(Duration.ofHours(2));
        assertThat(f.beans.closer.close(CloseRequest.manual("test")).flat()).isTrue();
        closedAt = f.beans.store.history().get(0).closedAt();
        assertThat(lighterFunding()).isEqualByComparingTo("0.15");
        // published now, stamped at the close: the closer could not see it
        f.lighter.funding.add(payment(closedAt, "0.10"));
        // stamped after the close: not this cycle's
        f.lighter.funding.add(payment(closedAt.plusSeconds(1800), "5"));
    }

    @Test
    void aSettlementPublishedAfterTheCloseIsJournaledAndBookedOnce() {
        BigDecimal netBefore = f.beans.store.stats().netPnl();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.beans.fundingRecheck.due()).as("not before the next settlement is behind").isEmpty();

        f.clock.advance(Duration.ofMinutes(31));
        List<FundingRecheck.Paid> due = f.beans.fundingRecheck.due();
        assertThat(due).hasSize(1);
        f.beans.engine.onFundingRechecked(due.get(0));

        JournalEntry adj = f.journal().stream().filter(e -> e.type().equals("funding_adjusted")).findFirst().orElseThrow();
        assertThat(adj.text("venue")).hasValue("lighter");
        assertThat(new BigDecimal(adj.text("booked").orElseThrow())).isEqualByComparingTo("0.15");
        assertThat(new BigDecimal(adj.text("paid").orElseThrow())).isEqualByComparingTo("0.25");
        assertThat(new BigDecimal(adj.text("delta").orElseThrow())).isEqualByComparingTo("0.10");
        assertThat(adj.number("cycle_id")).isEqualTo(f.beans.store.history().get(0).cycleId());
        assertThat(f.journal().stream().filter(e -> e.type().equals("funding_adjusted")).count())
                .as("EdgeX paid what was booked: no line").isEqualTo(1);
        assertThat(lighterFunding()).isEqualByComparingTo("0.25");
        assertThat(f.beans.store.stats().fundingReceived(Venue.LIGHTER)).isEqualByComparingTo("0.25");
        assertThat(f.beans.store.stats().netPnl()).isEqualByComparingTo(netBefore.add(new BigDecimal("0.10")));
        assertThat(f.beans.fundingRecheck.due()).as("once").isEmpty();

        f.restart().beans.reconciler.ensureReconciled();
        assertThat(f.beans.fundingRecheck.due()).as("journaled as rechecked: not again after a restart").isEmpty();
        assertThat(f.beans.store.stats().fundingReceived(Venue.LIGHTER)).isEqualByComparingTo("0.25");
    }

    @Test
    void aRestartBeforeTheRecheckStillRechecks() {
        f.restart().beans.reconciler.ensureReconciled();
        f.clock.advance(Duration.ofMinutes(61));
        List<FundingRecheck.Paid> due = f.beans.fundingRecheck.due();
        assertThat(due).hasSize(1);
        f.beans.engine.onFundingRechecked(due.get(0));
        assertThat(f.beans.store.stats().fundingReceived(Venue.LIGHTER)).isEqualByComparingTo("0.25");
    }

    @Test
    void theSameFigureBookedTwiceCountsOnce() {
        f.clock.advance(Duration.ofMinutes(61));
        FundingRecheck.Paid paid = f.beans.fundingRecheck.due().get(0);
        f.beans.engine.onFundingRechecked(paid);
        f.beans.engine.onFundingRechecked(paid); // as after a crash between the adjustment and its marker
        assertThat(f.beans.store.stats().fundingReceived(Venue.LIGHTER)).isEqualByComparingTo("0.25");
        assertThat(lighterFunding()).isEqualByComparingTo("0.25");
    }

    private BigDecimal lighterFunding() {
        CycleResult r = f.beans.store.history().get(0);
        return r.pnl().get(Venue.LIGHTER).funding();
    }

    private static FundingPayment payment(Instant at, String amount) {
        return new FundingPayment(Venue.LIGHTER, BTC, at, new BigDecimal("0.0005"), new BigDecimal("-0.006"),
                new BigDecimal(amount));
    }
}
