package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.TestMarkets;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.perpcarry.domain.TestMarkets.book;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fully worked net-APR example.
 *
 * <pre>
 * Notional N = 10,000 USD per leg, planned hold 72 h.
 * Lighter BTC: 0.0008 per 8 h → 0.0001 /h;  taker 0.0002;  book 99.99 / 100.01 (deep), mid 100.00
 * EdgeX   BTC: 0.0001 per 4 h → 0.000025 /h; taker 0.00038; bids 99.94 (deep), asks 99.96×50, 100.00 (deep),
 *              mid 99.95
 * → short Lighter (higher rate), long EdgeX.
 *
 * spread      = 0.0001 − 0.000025 = 0.000075 /h      gross APR = 0.000075 × 876,000 = 65.7 %
 * income      = 10,000 × 0.000075 × 72                                           = 54.0000 USD
 * fees        = 10,000 × 2 × (0.0002 + 0.00038)                                  = 11.6000 USD
 * slippage    open  EdgeX buy : VWAP = 10,000 / (50 + 5,002/100) = 99.980004
 *                               10,000 × (99.980004 − 99.95) / 99.95             =  3.0019 USD
 *             open  Lighter sell: 10,000 × (100.00 − 99.99) / 100.00             =  1.0000 USD
 *             close EdgeX sell : 10,000 × (99.95 − 99.94) / 99.95                =  1.0005 USD
 *             close Lighter buy: 10,000 × (100.01 − 100.00) / 100.00             =  1.0000 USD
 *             total                                                              =  6.0024 USD
 * basis       mid gap = (100.00 − 99.95) / 99.975 = 0.050013 %, we sell the dearer venue: never credited = 0
 *             −10,000 × 0.00050013                                               = −5.0013 USD
 * total cost  = 11.6000 + 6.0024 + 0                                            = 17.6024 USD
 * net APR     = (54 − 17.60240) / 10,000 × 8,760 / 72 × 100                      = 44.2838 %
 * break-even  = 17.60240 / (10,000 × 0.000075)                                   = 23.4699 h
 * </pre>
 */
class OpportunityRankerGoldenTest {

    @Test
    void netAprAfterFeesSlippageAndBasis() {
        MarketSnapshot lighter = new MarketSnapshot(TestMarkets.lighterSpec("BTC", "0.0002"),
                TestMarkets.lighterFunding("BTC", "0.0008"), book(Venue.LIGHTER, "BTC", "99.99", "100.01"), d("5e8"));
        MarketSnapshot edgex = new MarketSnapshot(TestMarkets.edgexSpec("BTC", "0.00038"),
                TestMarkets.edgexFunding("BTC", "0.0001"),
                book(Venue.EDGEX, "BTC", List.of("99.94@1000000"), List.of("99.96@50", "100.00@1000000")), d("3e8"));
        RankingRules rules = new RankingRules(d("10000"), Duration.ofHours(72), d("1000000"), d("100"), d("0.15"), d("5"));

        Opportunity o = new OpportunityRanker(rules).rank(List.of(lighter, edgex)).best().orElseThrow();

        assertThat(o.longVenue()).isEqualTo(Venue.EDGEX);
        assertThat(o.shortVenue()).isEqualTo(Venue.LIGHTER);
        assertThat(o.grossSpreadAprPct()).isEqualByComparingTo("65.7");
        assertThat(o.costs().feesUsd()).isEqualByComparingTo("11.6");
        assertThat(o.costs().slippageUsd()).isCloseTo(d("6.002401120576289"), within(d("1e-10")));
        assertThat(o.costs().basisUsd()).isEqualByComparingTo("0");
        assertThat(o.costs().totalUsd()).isCloseTo(d("17.602401120576289"), within(d("1e-10")));
        assertThat(o.netAprPct()).isCloseTo(d("44.28374530329641"), within(d("1e-9")));
        assertThat(o.breakEvenHours()).isCloseTo(d("23.46986816076839"), within(d("1e-6")));
        assertThat(o.midGapPct()).isCloseTo(d("0.05001250312578145"), within(d("1e-12")));
        assertThat(o.volume24hUsd()).isEqualByComparingTo("8e8"); // both venues together
        assertThat(o.excludedReason()).isNull();
    }
}
