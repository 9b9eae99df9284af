package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.TestMarkets;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.perpcarry.domain.TestMarkets.book;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpportunityRankerTest {

    // zero fees, tight deep books at the same mid: costs are tiny, so net APR ≈ gross APR
    private static final RankingRules RULES =
            new RankingRules(d("10000"), Duration.ofHours(72), d("50000"), d("0.15"), d("0.15"), d("5"));
    private final OpportunityRanker ranker = new OpportunityRanker(RULES);

    private static MarketSnapshot lighter(String symbol, String ratePer8h, String volume) {
        return lighter(symbol, ratePer8h, volume, book(Venue.LIGHTER, symbol, "99.999", "100.001"));
    }

    private static MarketSnapshot lighter(String symbol, String ratePer8h, String volume, OrderBook book) {
        return new MarketSnapshot(TestMarkets.lighterSpec(symbol, "0"), TestMarkets.lighterFunding(symbol, ratePer8h),
                book, d(volume));
    }

    private static MarketSnapshot edgex(String symbol, String ratePer4h, String volume) {
        return edgex(symbol, ratePer4h, volume, book(Venue.EDGEX, symbol, "99.999", "100.001"));
    }

    private static MarketSnapshot edgex(String symbol, String ratePer4h, String volume, OrderBook book) {
        return new MarketSnapshot(TestMarkets.edgexSpec(symbol, "0"), TestMarkets.edgexFunding(symbol, ratePer4h),
                book, d(volume));
    }

    @Test
    void shortsTheHigherRateEvenWhenBothAreNegative() {
        // Lighter −0.0008/8h = −0.0001/h; EdgeX −0.0002/4h = −0.00005/h → EdgeX is higher: short EdgeX
        Opportunity o = ranker.rank(List.of(lighter("ETH", "-0.0008", "1e9"), edgex("ETH", "-0.0002", "1e9")))
                .forSymbol("ETH").orElseThrow();
        assertThat(o.shortVenue()).isEqualTo(Venue.EDGEX);
        assertThat(o.longVenue()).isEqualTo(Venue.LIGHTER);
        assertThat(o.grossSpreadAprPct()).isEqualByComparingTo("43.8");
    }

    @Test
    void onATieShortsTheDearerVenueButTheGapIsNeverCredited() {
        Opportunity o = ranker.rank(List.of(
                lighter("SOL", "0.0008", "1e9", book(Venue.LIGHTER, "SOL", "99.999", "100.001")),
                // 0.0008 per 8 h and 0.0004 per 4 h are both 0.0001 per hour
                edgex("SOL", "0.0004", "1e9", book(Venue.EDGEX, "SOL", "100.099", "100.101"))))
                .forSymbol("SOL").orElseThrow();
        assertThat(o.grossSpreadAprPct()).isEqualByComparingTo("0");
        assertThat(o.shortVenue()).isEqualTo(Venue.EDGEX);
        assertThat(o.midGapPct()).isPositive();
        assertThat(o.costs().basisUsd()).isEqualByComparingTo("0");
    }

    @Test
    void buyingTheDearerVenueIsABasisCost() {
        // Lighter pays more → short Lighter, but Lighter's mid is 0.1 % below EdgeX's
        Opportunity o = ranker.rank(List.of(
                lighter("BTC", "0.0016", "1e9", book(Venue.LIGHTER, "BTC", "99.999", "100.001")),
                edgex("BTC", "0.0001", "1e9", book(Venue.EDGEX, "BTC", "100.099", "100.101"))))
                .forSymbol("BTC").orElseThrow();
        assertThat(o.shortVenue()).isEqualTo(Venue.LIGHTER);
        assertThat(o.midGapPct()).isNegative();
        // 10,000 × 0.1 / 100.05 ≈ 9.995 USD
        assertThat(o.costs().basisUsd()).isBetween(d("9.99"), d("10.00"));
    }

    @Test
    void missingVenueIsExcludedWithAReason() {
        Ranking r = ranker.rank(List.of(lighter("DOGE", "0.0008", "1e9"), edgex("PEPE", "0.0008", "1e9")));
        assertThat(r.forSymbol("DOGE").orElseThrow().excludedReason()).isEqualTo("no EdgeX market");
        assertThat(r.forSymbol("PEPE").orElseThrow().excludedReason()).isEqualTo("no Lighter market");
        assertThat(r.best()).isEmpty();
    }

    @Test
    void volumeFilterIsTheOriginalsCombinedVolume() {
        assertThat(ranker.rank(List.of(lighter("BTC", "0.0016", "49000"), edgex("BTC", "0.0001", "12000")))
                .forSymbol("BTC").orElseThrow().eligible()).isTrue(); // 61,000 together
        Opportunity o = ranker.rank(List.of(lighter("BTC", "0.0016", "30000"), edgex("BTC", "0.0001", "12000")))
                .forSymbol("BTC").orElseThrow();
        assertThat(o.excludedReason()).isEqualTo("24h volume 42,000 USD (both venues) < 50,000 USD");
        assertThat(o.netAprPct()).isNotNull(); // still computed for display
    }

    @Test
    void bookSpreadFilter() {
        // 99.845 / 100.155: spread 0.31 / 100 = 0.31 %
        Opportunity o = ranker.rank(List.of(lighter("BTC", "0.0016", "1e9"),
                edgex("BTC", "0.0001", "1e9", book(Venue.EDGEX, "BTC", "99.845", "100.155"))))
                .forSymbol("BTC").orElseThrow();
        assertThat(o.excludedReason()).isEqualTo("EdgeX spread 0.31% > 0.15%");
    }

    @Test
    void netAprThreshold() {
        // spread 0.00001/h → gross 8.76 %, minus ~0.01 % of costs amortised over 72 h → about 8.0 %;
        // with a 10 % floor it is excluded
        OpportunityRanker strict = new OpportunityRanker(
                new RankingRules(d("10000"), Duration.ofHours(72), d("50000"), d("100"), d("0.15"), d("10")));
        Opportunity o = strict.rank(List.of(lighter("BTC", "0.00008", "1e9"), edgex("BTC", "0", "1e9")))
                .forSymbol("BTC").orElseThrow();
        assertThat(o.excludedReason()).matches("net APR [0-9.]+% < 10%");
        assertThat(o.netAprPct()).isLessThan(d("10")).isGreaterThan(d("7"));
    }

    @Test
    void thinBookLeavesCostsUnknown() {
        OrderBook thin = book(Venue.EDGEX, "BTC", List.of("99.999@1"), List.of("100.001@1000000"));
        Opportunity o = ranker.rank(List.of(lighter("BTC", "0.0016", "1e9"), edgex("BTC", "0.0001", "1e9", thin)))
                .forSymbol("BTC").orElseThrow();
        assertThat(o.excludedReason()).isEqualTo("EdgeX book too thin for a 10,000 USD sell");
        assertThat(o.costs()).isNull();
        assertThat(o.netAprPct()).isNull();
        assertThat(o.grossSpreadAprPct()).isPositive();
    }

    @Test
    void severalReasonsAreJoined() {
        Opportunity o = ranker.rank(List.of(lighter("BTC", "0", "100"), edgex("BTC", "0", "200")))
                .forSymbol("BTC").orElseThrow();
        assertThat(o.excludedReason()).startsWith("24h volume 300 USD (both venues) < 50,000 USD; net APR -");
    }

    @Test
    void eligibleRowsComeFirstByNetAprDescending() {
        List<MarketSnapshot> all = new ArrayList<>();
        all.addAll(List.of(lighter("AAA", "0.0008", "1e9"), edgex("AAA", "0", "1e9")));      // ~87.6 %
        all.addAll(List.of(lighter("BBB", "0.0016", "1e9"), edgex("BBB", "0", "1e9")));      // ~175 %
        all.addAll(List.of(lighter("CCC", "0.0032", "10"), edgex("CCC", "0", "10")));        // best APR, excluded
        all.addAll(List.of(lighter("DDD", "0.0008", "1e9")));                                // no EdgeX
        all.addAll(List.of(lighter("EEE", "0.0001", "1e9"), edgex("EEE", "0", "1e9")));      // ~10.95 %
        Ranking r = ranker.rank(all);
        assertThat(r.rows()).extracting(Opportunity::symbol).containsExactly("BBB", "AAA", "EEE", "CCC", "DDD");
        assertThat(r.best().orElseThrow().symbol()).isEqualTo("BBB");
        assertThat(r.eligible()).hasSize(3);
        assertThat(r.excluded()).extracting(Opportunity::symbol).containsExactly("CCC", "DDD");
    }

    @Test
    void zeroSpreadNeverBreaksEven() {
        Opportunity flat = ranker.rank(List.of(lighter("X", "0", "1e9"), edgex("X", "0", "1e9")))
                .forSymbol("X").orElseThrow();
        assertThat(flat.breakEvenHours()).isNull();
    }

    @Test
    void aStaleOnePercentGapNeitherPaysNorOpens() {
        // No funding spread at all (a losing market after fees), made to look like +1000 % by a 1 % gap
        // before; now the gap is not credited and the original's 0.15 % filter excludes it.
        Opportunity o = ranker.rank(List.of(
                lighter("Y", "0", "1e9", book(Venue.LIGHTER, "Y", "100.999", "101.001")),
                edgex("Y", "0", "1e9"))).forSymbol("Y").orElseThrow();
        assertThat(o.costs().basisUsd()).isEqualByComparingTo("0");
        assertThat(o.netAprPct()).isLessThan(d("0"));
        assertThat(o.excludedReason()).contains("mids differ by 0.995% > 0.15%");
        assertThat(ranker.rank(List.of(
                lighter("Y", "0", "1e9", book(Venue.LIGHTER, "Y", "100.999", "101.001")),
                edgex("Y", "0", "1e9"))).best()).isEmpty();
    }

    @Test
    void aGapWithinTheFilterIsStillNeverCredited() {
        Opportunity level = ranker.rank(List.of(lighter("Z", "0.0016", "1e9"), edgex("Z", "0", "1e9")))
                .forSymbol("Z").orElseThrow();
        Opportunity gapped = ranker.rank(List.of(
                lighter("Z", "0.0016", "1e9", book(Venue.LIGHTER, "Z", "100.099", "100.101")),
                edgex("Z", "0", "1e9"))).forSymbol("Z").orElseThrow();
        assertThat(gapped.midGapPct()).isPositive(); // we would sell the dearer venue
        assertThat(gapped.eligible()).isTrue();
        assertThat(gapped.costs().basisUsd()).isEqualByComparingTo("0");
        // same funding, same books but for the level: the same net APR (before: +73 % from the gap alone)
        assertThat(gapped.netAprPct()).isCloseTo(level.netAprPct(), org.assertj.core.api.Assertions.within(d("0.01")));
    }

    @Test
    void aMarketClosedToNewPositionsIsNotRanked() {
        MarketSnapshot closed = new MarketSnapshot(TestMarkets.edgexSpec("AAA", "0").withOpenable(false),
                TestMarkets.edgexFunding("AAA", "0"), book(Venue.EDGEX, "AAA", "99.999", "100.001"), d("1e9"));
        Ranking r = ranker.rank(List.of(lighter("AAA", "0.0032", "1e9"), closed,
                lighter("BBB", "0.0008", "1e9"), edgex("BBB", "0", "1e9")));
        assertThat(r.forSymbol("AAA").orElseThrow().excludedReason()).isEqualTo("EdgeX AAA is closed to new positions");
        assertThat(r.best().orElseThrow().symbol()).isEqualTo("BBB");
    }

    @Test
    void aMarketWhoseMinimumTheNotionalCannotMeetIsNotRanked() {
        // 10 USD per leg at price 100 is 0.1 base; a Lighter minimum of 1 base cannot be met: the next one is best
        OpportunityRanker small = new OpportunityRanker(
                new RankingRules(d("10"), Duration.ofHours(72), d("0"), d("0.15"), d("0.15"), d("-100000")),
                new PositionSizer(new SizingRules(d("10"), d("3"), d("0.2"))));
        MarketSnapshot bigMin = new MarketSnapshot(
                io.perpcarry.domain.MarketSpec.lighter("AAA", 1, 4, 2, d("1"), d("10"), d("0"), d("0")),
                TestMarkets.lighterFunding("AAA", "0.0032"), book(Venue.LIGHTER, "AAA", "99.999", "100.001"), d("1e9"));
        Ranking r = small.rank(List.of(bigMin, edgex("AAA", "0", "1e9"),
                lighter("BBB", "0.0008", "1e9"), edgex("BBB", "0", "1e9")));
        assertThat(r.forSymbol("AAA").orElseThrow().excludedReason()).contains("Lighter min base size is 1 AAA");
        assertThat(r.best().orElseThrow().symbol()).isEqualTo("BBB");
    }

    @Test
    void duplicateSnapshotsAreABug() {
        assertThatThrownBy(() -> ranker.rank(List.of(lighter("BTC", "0", "1"), lighter("BTC", "0", "1"))))
                .hasMessageContaining("two snapshots for Lighter BTC");
        assertThatThrownBy(() -> new RankingRules(d("0"), Duration.ofHours(1), d("0"), d("100"), d("0"), d("0")))
                .hasMessageContaining("notionalUsd must be > 0");
        assertThatThrownBy(() -> new RankingRules(d("1"), Duration.ZERO, d("0"), d("100"), d("0"), d("0")))
                .hasMessageContaining("plannedHold must be positive");
    }
}
