package io.perpcarry.strategy;

import org.junit.jupiter.api.Test;

import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LighterScalingTest {

    private final LighterScaling eth = new LighterScaling(2, 4); // ETH: price_decimals 2, size_decimals 4

    @Test
    void scalesExactly() {
        assertThat(eth.priceToInt(d("3024.66"))).isEqualTo(302466L);
        assertThat(eth.priceToInt(d("3024.6600"))).isEqualTo(302466L);
        assertThat(eth.baseAmountToInt(d("0.0123"))).isEqualTo(123L);
        assertThat(eth.priceFromInt(302466L)).isEqualByComparingTo("3024.66");
        assertThat(eth.baseAmountFromInt(123L)).isEqualByComparingTo("0.0123");
        assertThat(new LighterScaling(0, 0).priceToInt(d("5"))).isEqualTo(5L);
    }

    @Test
    void rejectsOffGridInsteadOfRounding() {
        assertThatThrownBy(() -> eth.priceToInt(d("3024.665"))).hasMessageContaining("price 3024.665 is not on the 10^-2 grid");
        assertThatThrownBy(() -> eth.baseAmountToInt(d("0.00001"))).hasMessageContaining("not on the 10^-4 grid");
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> eth.priceToInt(d("0"))).hasMessageContaining("outside 1..4294967295");
        assertThatThrownBy(() -> eth.priceToInt(d("42949672.96"))).hasMessageContaining("outside 1..4294967295");
        assertThat(eth.priceToInt(d("42949672.95"))).isEqualTo(4294967295L);
        assertThatThrownBy(() -> eth.baseAmountToInt(d("-1"))).hasMessageContaining("outside");
        assertThatThrownBy(() -> eth.baseAmountToInt(null)).hasMessageContaining("base amount is required");
        assertThatThrownBy(() -> new LighterScaling(-1, 2)).hasMessageContaining("decimals must be >= 0");
    }
}
