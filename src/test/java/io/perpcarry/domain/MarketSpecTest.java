package io.perpcarry.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketSpecTest {

    @Test
    void lighterFactoryDerivesTicksFromDecimalsAndSettlesHourly() {
        MarketSpec s = MarketSpec.lighter("BTC", 1, 5, 1, d("0.0002"), d("10"), d("0.0002"), BigDecimal.ZERO);
        assertThat(s.priceTick()).isEqualByComparingTo("0.1");
        assertThat(s.sizeStep()).isEqualByComparingTo("0.00001");
        assertThat(s.venueMarketId()).isEqualTo("1");
        assertThat(s.fundingInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(s.label()).isEqualTo("Lighter BTC");
    }

    @Test
    void edgexFactoryReadsTheIntervalAndHasNoMinNotional() {
        MarketSpec s = MarketSpec.edgex("BTC", "10000001", d("0.1"), d("0.001"), d("0.001"),
                d("0.00038"), d("-0.0001"), 480);
        assertThat(s.fundingInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(s.minQuoteNotional()).isEqualByComparingTo("0");
        assertThat(s.makerFeeRate()).isEqualByComparingTo("-0.0001");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> MarketSpec.edgex("BTC", "1", d("0"), d("0.001"), d("0.001"), d("0.0005"), d("0"), 240))
                .hasMessageContaining("priceTick must be > 0");
        assertThatThrownBy(() -> MarketSpec.edgex(" ", "1", d("0.1"), d("0.001"), d("0.001"), d("0.0005"), d("0"), 240))
                .hasMessageContaining("symbol must not be blank");
        assertThatThrownBy(() -> MarketSpec.edgex("BTC", "1", d("0.1"), d("0.001"), d("-1"), d("0.0005"), d("0"), 240))
                .hasMessageContaining("minBaseSize must be >= 0");
        // 0.038 would be a percent mistaken for a fraction
        assertThatThrownBy(() -> MarketSpec.edgex("BTC", "1", d("0.1"), d("0.001"), d("0.001"), d("0.038"), d("0"), 240))
                .hasMessageContaining("fee rates must be fractions");
        assertThatThrownBy(() -> MarketSpec.edgex("BTC", "1", d("0.1"), d("0.001"), d("0.001"), d("0.0005"), d("0"), 0))
                .hasMessageContaining("fundingInterval must be positive");
        assertThatThrownBy(() -> MarketSpec.lighter("BTC", 1, -1, 2, d("0"), d("0"), d("0"), d("0")))
                .hasMessageContaining("decimals must be >= 0");
    }
}
