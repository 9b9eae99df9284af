package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;

import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionSizerTest {

    // Lighter BTC: size_decimals 5 (step 0.00001), min base 0.0002, min quote 10 USD
    private static final MarketSpec LIGHTER = MarketSpec.lighter("BTC", 1, 5, 1, d("0.0002"), d("10"), d("0"), d("0"));
    // EdgeX BTC: step 0.001, min 0.001
    private static final MarketSpec EDGEX = MarketSpec.edgex("BTC", "10000001", d("0.1"), d("0.001"), d("0.001"),
            d("0.00038"), d("0.00018"), 240);

    private final PositionSizer sizer = new PositionSizer(new SizingRules(d("1000"), d("3"), d("0.1")));

    @Test
    void targetNotionalBindsWhenCapitalIsAmple() {
        // 1000 / 60,000 = 0.016666… → floor on 0.001 → 0.016
        SizingResult.Sized s = (SizingResult.Sized) sizer.size(LIGHTER, EDGEX, d("60000"), d("5000"), d("5000"));
        assertThat(s.baseSize()).isEqualByComparingTo("0.016");
        assertThat(s.commonStep()).isEqualByComparingTo("0.001");
        assertThat(s.notionalUsd()).isEqualByComparingTo("960");
        assertThat(s.capNotionalUsd()).isEqualByComparingTo("1000");
        assertThat(s.capSource()).isEqualTo("target notional");
    }

    @Test
    void weakerVenueBindsWithLeverageAndBuffer() {
        // EdgeX 200 × 3 × 0.9 = 540 < Lighter 900 × 3 × 0.9 = 2430 and < 1000 target → 540 / 60,000 = 0.009
        SizingResult.Sized s = (SizingResult.Sized) sizer.size(LIGHTER, EDGEX, d("60000"), d("900"), d("200"));
        assertThat(s.capNotionalUsd()).isEqualByComparingTo("540");
        assertThat(s.capSource()).isEqualTo("EdgeX available capital");
        assertThat(s.baseSize()).isEqualByComparingTo("0.009");
    }

    @Test
    void belowEdgexMinimumNamesVenueAndMinimum() {
        // Lighter 20 × 3 × 0.9 = 54 USD → 0.0009 BTC at 60,000 → floors to 0 on the 0.001 step
        SizingResult r = sizer.size(LIGHTER, EDGEX, d("60000"), d("20"), d("5000"));
        assertThat(r).isInstanceOf(SizingResult.BelowMinimum.class);
        SizingResult.BelowMinimum b = (SizingResult.BelowMinimum) r;
        assertThat(b.venue()).isEqualTo(Venue.EDGEX);
        assertThat(b.constraint()).isEqualTo("min base size");
        assertThat(b.minimum()).isEqualByComparingTo("0.001");
        assertThat(b.proposedSize()).isEqualByComparingTo("0");
        assertThat(b.message()).contains("EdgeX min base size is 0.001 BTC")
                .contains("cap 54.00 USD set by Lighter available capital");
    }

    @Test
    void belowLighterMinQuoteNotional() {
        // cheap coin: Lighter min quote 10 USD, steps 1 / 1, price 0.5, cap 9 USD → 18 coins = 9 USD < 10 USD
        MarketSpec l = MarketSpec.lighter("PEPE", 7, 0, 6, d("1"), d("10"), d("0"), d("0"));
        MarketSpec e = MarketSpec.edgex("PEPE", "10000099", d("0.0001"), d("1"), d("1"), d("0.0005"), d("0"), 240);
        PositionSizer small = new PositionSizer(new SizingRules(d("9"), d("1"), d("0")));
        SizingResult.BelowMinimum b = (SizingResult.BelowMinimum) small.size(l, e, d("0.5"), d("100"), d("100"));
        assertThat(b.venue()).isEqualTo(Venue.LIGHTER);
        assertThat(b.constraint()).isEqualTo("min quote notional");
        assertThat(b.minimum()).isEqualByComparingTo("10");
        assertThat(b.unit()).isEqualTo("USD");
        assertThat(b.proposedSize()).isEqualByComparingTo("18");
    }

    @Test
    void nonNestedStepsUseTheLeastCommonMultiple() {
        MarketSpec l = MarketSpec.lighter("XYZ", 9, 0, 2, d("0"), d("0"), d("0"), d("0"));       // step 1
        MarketSpec e = MarketSpec.edgex("XYZ", "1", d("0.01"), d("0.3"), d("0"), d("0"), d("0"), 240);  // step 0.3
        SizingResult.Sized s = (SizingResult.Sized) new PositionSizer(new SizingRules(d("100"), d("1"), d("0")))
                .size(l, e, d("10"), d("1000"), d("1000"));
        // 100 / 10 = 10 → floor on lcm(1, 0.3) = 3 → 9
        assertThat(s.commonStep()).isEqualByComparingTo("3");
        assertThat(s.baseSize()).isEqualByComparingTo("9");
    }

    @Test
    void negativeAvailableCapitalIsNoCapital() {
        SizingResult r = sizer.size(LIGHTER, EDGEX, d("60000"), d("-50"), d("5000"));
        assertThat(r).isInstanceOf(SizingResult.BelowMinimum.class);
    }

    @Test
    void zeroSizeWithoutVenueMinimumsIsStillRefused() {
        MarketSpec l = MarketSpec.lighter("XYZ", 9, 0, 2, d("0"), d("0"), d("0"), d("0"));
        MarketSpec e = MarketSpec.edgex("XYZ", "1", d("0.01"), d("1"), d("0"), d("0"), d("0"), 240);
        SizingResult.BelowMinimum b = (SizingResult.BelowMinimum) new PositionSizer(
                new SizingRules(d("5"), d("1"), d("0"))).size(l, e, d("10"), d("1000"), d("1000"));
        assertThat(b.constraint()).isEqualTo("one size step");
        assertThat(b.minimum()).isEqualByComparingTo("1");
    }

    @Test
    void rejectsWrongInputs() {
        assertThatThrownBy(() -> sizer.size(EDGEX, EDGEX, d("1"), d("1"), d("1")))
                .hasMessageContaining("expected a Lighter spec");
        MarketSpec eth = MarketSpec.edgex("ETH", "2", d("0.01"), d("0.01"), d("0.01"), d("0"), d("0"), 240);
        assertThatThrownBy(() -> sizer.size(LIGHTER, eth, d("1"), d("1"), d("1")))
                .hasMessageContaining("cannot hedge Lighter BTC with EdgeX ETH");
        assertThatThrownBy(() -> sizer.size(LIGHTER, EDGEX, d("0"), d("1"), d("1")))
                .hasMessageContaining("referencePrice must be > 0");
        assertThatThrownBy(() -> new SizingRules(d("1"), d("3"), d("1")))
                .hasMessageContaining("marginBuffer must be in [0, 1)");
        assertThatThrownBy(() -> new SizingRules(d("1"), d("0"), d("0")))
                .hasMessageContaining("leverage must be > 0");
    }
}
