package io.perpcarry.strategy;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopLossTest {

    /**
     * Golden values of the original bot: 100 × 0.7 × ((1 − (1 − 1/L)/0.995 − 0.006) + ((1 + 1/L)/1.005 − 1 − 0.006)) / 2.
     * L = 3: (0.3239833 + 0.3207007) / 2 × 0.7 = 0.2256391 → 22.56.
     */
    @ParameterizedTest
    @CsvSource({"1, 69.23", "2, 34.23", "3, 22.56", "5, 13.23", "10, 6.23"})
    void defaultPercentFromLeverage(String leverage, String expected) {
        assertThat(StopLoss.defaultPercent(d(leverage))).isEqualByComparingTo(expected);
        assertThat(new StopLoss(StopLossRules.fromLeverage(d(leverage))).thresholdPercent()).isEqualByComparingTo(expected);
    }

    @Test
    void oneXIsTheQuoted69Point2() {
        assertThat(StopLoss.defaultPercent(BigDecimal.ONE).setScale(1, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("69.2");
    }

    @Test
    void configuredPercentOverridesTheDefault() {
        assertThat(new StopLoss(new StopLossRules(d("3"), d("10"))).thresholdPercent()).isEqualByComparingTo("10");
        assertThatThrownBy(() -> new StopLossRules(d("3"), d("0"))).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> new StopLossRules(d("0.5"), null)).hasMessageContaining("leverage must be >= 1");
    }

    @Test
    void triggersOnlyBeyondTheThresholdOfLegNotional() {
        StopLoss sl = new StopLoss(new StopLossRules(d("3"), d("10")));
        // short 0.1 @ 50,000 = 5,000 USD notional; −10 % = −500 USD
        Position atThreshold = new Position(Venue.LIGHTER, "BTC", d("-0.1"), d("50000"), d("-500"), null, null);
        assertThat(sl.evaluate(atThreshold).status()).isEqualTo(io.perpcarry.strategy.StopLossCheck.Status.OK);
        Position beyond = new Position(Venue.LIGHTER, "BTC", d("-0.1"), d("50000"), d("-500.01"), null, null);
        StopLossCheck c = sl.evaluate(beyond);
        assertThat(c.triggered()).isTrue();
        assertThat(c.lossPercent()).isEqualByComparingTo("-10.0002");
        assertThat(c.reason()).isEqualTo(
                "Lighter BTC leg hit stop-loss: unrealized PnL -500.01 USD (-10.00% of 5000.00 USD) is beyond -10%");
        // a gain never triggers
        Position winning = new Position(Venue.EDGEX, "BTC", d("0.1"), d("50000"), d("900"), null, null);
        assertThat(sl.evaluate(winning).triggered()).isFalse();
    }

    @Test
    void explicitNotionalAndUnknowns() {
        StopLoss sl = new StopLoss(StopLossRules.fromLeverage(d("3"))); // 22.56 %
        Position leg = new Position(Venue.EDGEX, "ETH", d("2"), d("3000"), d("-1200"), null, null);
        assertThat(sl.evaluate(leg).triggered()).isFalse();                   // −20 % of 6,000
        assertThat(sl.evaluate(leg, d("5000")).triggered()).isTrue();        // −24 % of 5,000
        Position noPnl = new Position(Venue.EDGEX, "ETH", d("2"), d("3000"), null, null, null);
        assertThat(sl.evaluate(noPnl).status()).isEqualTo(StopLossCheck.Status.UNKNOWN);
        assertThat(sl.evaluate(noPnl).reason()).contains("unrealized PnL not reported");
        Position flat = new Position(Venue.EDGEX, "ETH", d("0"), null, null, null, null);
        assertThat(sl.evaluate(flat).status()).isEqualTo(StopLossCheck.Status.UNKNOWN);
        assertThatThrownBy(() -> sl.evaluate(leg, d("0"))).hasMessageContaining("leg notional must be > 0");
    }

    @Test
    void worstTriggeredLegOfAHedge() {
        StopLoss sl = new StopLoss(new StopLossRules(d("3"), d("5")));
        Position lighter = new Position(Venue.LIGHTER, "BTC", d("-1"), d("100"), d("-6"), null, null);
        Position edgex = new Position(Venue.EDGEX, "BTC", d("1"), d("100"), d("-8"), null, null);
        assertThat(sl.worstTriggered(List.of(lighter, edgex)).orElseThrow().venue()).isEqualTo(Venue.EDGEX);
        Position ok = new Position(Venue.EDGEX, "BTC", d("1"), d("100"), d("6"), null, null);
        assertThat(sl.worstTriggered(List.of(ok))).isEmpty();
    }
}
