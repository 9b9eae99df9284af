package io.perpcarry.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.perpcarry.domain.TestMarkets.book;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation and derived values of the smaller domain records. */
class RecordsTest {

    @Test
    void snapshotRejectsMismatchedParts() {
        MarketSpec spec = TestMarkets.edgexSpec("BTC", "0.00038");
        OrderBook ethBook = book(Venue.EDGEX, "ETH", "99", "101");
        assertThatThrownBy(() -> new MarketSnapshot(spec, TestMarkets.edgexFunding("BTC", "0.0001"), ethBook, d("1")))
                .hasMessageContaining("order book is for EdgeX ETH but the spec is EdgeX BTC");
        assertThatThrownBy(() -> new MarketSnapshot(spec, TestMarkets.lighterFunding("BTC", "0.0001"),
                book(Venue.EDGEX, "BTC", "99", "101"), d("1")))
                .hasMessageContaining("funding quote is for Lighter BTC");
        assertThatThrownBy(() -> new MarketSnapshot(spec, TestMarkets.edgexFunding("BTC", "0.0001"),
                book(Venue.EDGEX, "BTC", "99", "101"), d("-1")))
                .hasMessageContaining("volume24hUsd must be >= 0");
    }

    @Test
    void costBreakdownTotalsAndAllowsABasisGain() {
        CostBreakdown c = new CostBreakdown(d("10000"), d("11.6"), d("6"), d("-20"));
        assertThat(c.totalUsd()).isEqualByComparingTo("-2.4");
        assertThat(c.totalFraction()).isEqualByComparingTo("-0.00024");
        assertThatThrownBy(() -> new CostBreakdown(d("10000"), d("-1"), d("0"), d("0")))
                .hasMessageContaining("feesUsd must be >= 0");
    }

    @Test
    void opportunityInvariants() {
        Opportunity missing = Opportunity.unavailable("DOGE", "no EdgeX market");
        assertThat(missing.eligible()).isFalse();
        assertThat(missing.exclusion()).contains("no EdgeX market");
        assertThatThrownBy(() -> new Opportunity("BTC", Venue.EDGEX, Venue.EDGEX, d("1"), null, null, null, null,
                null, "x")).hasMessageContaining("different venues");
        assertThatThrownBy(() -> new Opportunity("BTC", Venue.EDGEX, null, d("1"), null, null, null, null,
                null, "x")).hasMessageContaining("both be set");
        assertThatThrownBy(() -> new Opportunity("BTC", Venue.EDGEX, Venue.LIGHTER, d("1"), null, null, null, null,
                null, null)).hasMessageContaining("costs of an eligible opportunity is required");
        Opportunity ok = new Opportunity("BTC", Venue.EDGEX, Venue.LIGHTER, d("65.7"),
                new CostBreakdown(d("1000"), d("1"), d("1"), d("0")), d("50"), d("16.8"), d("1e6"), d("0.05"), null);
        assertThat(ok.eligible()).isTrue();
        assertThat(ok.sameHedgeAs("BTC", Venue.EDGEX)).isTrue();
        assertThat(ok.sameHedgeAs("BTC", Venue.LIGHTER)).isFalse();
        assertThat(ok.sameHedgeAs("ETH", Venue.EDGEX)).isFalse();
    }

    @Test
    void hedgeLegValidation() {
        HedgeLeg leg = new HedgeLeg(Venue.LIGHTER, "BTC", OrderSide.SELL, d("0.5"), d("100"), "pc-1", false);
        assertThat(leg.notional()).isEqualByComparingTo("50");
        assertThatThrownBy(() -> new HedgeLeg(Venue.LIGHTER, "BTC", OrderSide.SELL, d("0"), d("100"), "pc-1", false))
                .hasMessageContaining("size must be > 0");
        assertThatThrownBy(() -> new HedgeLeg(Venue.LIGHTER, "BTC", OrderSide.SELL, d("1"), d("100"), "", false))
                .hasMessageContaining("clientOrderId must not be blank");
    }

    @Test
    void positionSideNotionalAndNullableFields() {
        Position shortLeg = new Position(Venue.LIGHTER, "BTC", d("-0.5"), d("100000"), d("-12.5"), null, null);
        assertThat(shortLeg.side()).contains(PositionSide.SHORT);
        assertThat(shortLeg.entryNotional()).isEqualByComparingTo("50000");
        assertThat(shortLeg.absSize()).isEqualByComparingTo("0.5");
        Position flat = new Position(Venue.EDGEX, "BTC", BigDecimal.ZERO, null, null, null, null);
        assertThat(flat.isFlat()).isTrue();
        assertThat(flat.side()).isEmpty();
        assertThat(flat.entryNotional()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> new Position(Venue.EDGEX, "BTC", d("1"), null, null, null, null))
                .hasMessageContaining("entryPrice of an open position is required");
        assertThatThrownBy(() -> new Position(Venue.EDGEX, "BTC", d("1"), d("10"), null, d("0"), null))
                .hasMessageContaining("liquidationPrice must be > 0");
        assertThat(List.of(shortLeg.label())).containsExactly("Lighter BTC");
    }
}
