package io.perpcarry.strategy;

import org.junit.jupiter.api.Test;

import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;

class StepMathTest {

    @Test
    void leastCommonMultipleOfDecimalSteps() {
        assertThat(StepMath.lcm(d("0.001"), d("0.0001"))).isEqualByComparingTo("0.001");
        assertThat(StepMath.lcm(d("0.00001"), d("0.001"))).isEqualByComparingTo("0.001");
        assertThat(StepMath.lcm(d("0.003"), d("0.002"))).isEqualByComparingTo("0.006");
        assertThat(StepMath.lcm(d("0.25"), d("0.1"))).isEqualByComparingTo("0.5");
        assertThat(StepMath.lcm(d("1"), d("0.01"))).isEqualByComparingTo("1");
        assertThat(StepMath.lcm(d("10"), d("0.3"))).isEqualByComparingTo("30");
        assertThat(StepMath.lcm(d("0.0010"), d("0.001"))).isEqualByComparingTo("0.001");
    }

    @Test
    void floorCeilAndGrid() {
        assertThat(StepMath.floorTo(d("1.2349"), d("0.001"))).isEqualByComparingTo("1.234");
        assertThat(StepMath.ceilTo(d("1.2341"), d("0.001"))).isEqualByComparingTo("1.235");
        assertThat(StepMath.ceilTo(d("1.234"), d("0.001"))).isEqualByComparingTo("1.234");
        assertThat(StepMath.floorTo(d("0.59"), d("0.25"))).isEqualByComparingTo("0.5");
        assertThat(StepMath.isOnGrid(d("0.75"), d("0.25"))).isTrue();
        assertThat(StepMath.isOnGrid(d("0.76"), d("0.25"))).isFalse();
    }
}
