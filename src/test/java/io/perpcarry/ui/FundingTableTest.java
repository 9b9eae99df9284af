package io.perpcarry.ui;

import static io.perpcarry.domain.TestMarkets.book;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.TestMarkets;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.OpportunityRanker;
import io.perpcarry.strategy.RankingRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FundingTableTest {
    static MarketSnapshot lighter(String s, String rate, String vol) {
        return new MarketSnapshot(TestMarkets.lighterSpec(s, "0"), TestMarkets.lighterFunding(s, rate),
                book(Venue.LIGHTER, s, "99.999", "100.001"), d(vol));
    }

    static MarketSnapshot edgex(String s, String rate, String vol) {
        return new MarketSnapshot(TestMarkets.edgexSpec(s, "0"), TestMarkets.edgexFunding(s, rate),
                book(Venue.EDGEX, s, "99.999", "100.001"), d(vol));
    }

    final List<MarketSnapshot> snaps = List.of(
            lighter("BTC", "0.0008", "1e9"), edgex("BTC", "0.0001", "1e9"),
            lighter("ETH", "0.0001", "20000"), edgex("ETH", "0.0001", "10"),
            lighter("SOL", "0.0001", "1e9"));
    final FundingTable table = FundingTable.of(
            new OpportunityRanker(new RankingRules(d("1000"), Duration.ofHours(8), d("50000"), d("100"), d("0.15"), d("5"))).rank(snaps),
            snaps);

    @Test
    void perVenueAprsUseEachVenuesUnits() {
        FundingTableRow btc = table.rows().get(0);
        assertThat(btc.symbol()).isEqualTo("BTC");
        assertThat(btc.lighterAprPct()).isEqualByComparingTo("87.6");   // 0.0008 per 8 h
        assertThat(btc.edgexAprPct()).isEqualByComparingTo("21.9");     // 0.0001 per 4 h
        assertThat(btc.best()).isTrue();
        assertThat(btc.shortVenue()).isEqualTo(Venue.LIGHTER);
    }

    @Test
    void textMarksBestCurrentAndExclusions() {
        String text = table.render(10, "BTC");
        assertThat(text.lines().filter(l -> l.startsWith("BTC")).findFirst().orElseThrow())
                .contains("★ BEST").contains("◀ CURRENT").contains("lighter").contains("65.70");
        assertThat(text).contains("excluded: ").contains("no EdgeX market");
        assertThat(text.lines().filter(l -> l.startsWith("SOL")).findFirst().orElseThrow()).contains("-");
    }

    @Test
    void limitCutsAndSaysHowManyMore() {
        assertThat(table.render(1, null)).contains("... 2 more").doesNotContain("\nETH");
    }

    @Test
    void jsonHasTheDocumentedFields() {
        Map<String, Object> btc = table.toJson().get(0);
        assertThat(btc).containsKeys("symbol", "lighter_apr_pct", "edgex_apr_pct", "net_apr_pct", "long_venue", "short_venue");
        assertThat(btc.get("long_venue")).isEqualTo("edgex");
        assertThat(btc.get("short_venue")).isEqualTo("lighter");
        assertThat(table.toJson()).anyMatch(r -> r.get("symbol").equals("ETH") && r.get("eligible").equals(false));
    }
}
