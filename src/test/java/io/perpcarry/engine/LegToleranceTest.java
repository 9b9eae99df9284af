package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.engine.FakeVenue.Behavior;
import java.math.BigDecimal;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tolerance for the leveller, the reconciler and the guard: what it matches, what it levels to. */
class LegToleranceTest {
    static final LegTolerance HYPE = LegTolerance.of(new BigDecimal("0.01"), new BigDecimal("0.1"));

    @Property
    void levellingGivesEqualLegsOnTheCommonGridNeverAboveTheSmaller(@ForAll @IntRange(min = 0, max = 5000) int a,
                                                                  @ForAll @IntRange(min = 0, max = 5000) int b) {
        BigDecimal la = BigDecimal.valueOf(a, 2); // sizes on the finer venue's grid (0.01)
        BigDecimal lb = BigDecimal.valueOf(b, 2);
        BigDecimal target = HYPE.levelTarget(la, lb);
        assertThat(target).isLessThanOrEqualTo(la.min(lb));
        assertThat(target.remainder(HYPE.commonStep()).signum()).isZero();
        assertThat(la.min(lb).subtract(target)).isLessThan(HYPE.commonStep());
        assertThat(HYPE.matched(target, target)).isTrue();
        assertThat(HYPE.matched(la, lb)).isEqualTo(la.compareTo(lb) == 0);
    }

    @Test
    void aDifferenceBelowOneCommonStepIsNotMatched() {
        assertThat(HYPE.matched(new BigDecimal("0.1"), new BigDecimal("0.05"))).isFalse();
        assertThat(HYPE.levelTarget(new BigDecimal("0.1"), new BigDecimal("0.05"))).isEqualByComparingTo("0");
        assertThat(HYPE.levelTarget(new BigDecimal("12.8"), new BigDecimal("12.75"))).isEqualByComparingTo("12.7");
        assertThat(HYPE.matched(new BigDecimal("12.8"), new BigDecimal("12.8"))).isTrue();
    }

    @Test
    void aSubStepPartialFillIsLevelledAndTheHedgeIsHeldNotClosedByTheGuard(@TempDir Path dir) {
        // Lighter trades 0.0001 BTC, EdgeX 0.001: a Lighter fill of 0.0055 of 0.006 differs by less than one common step
        try (Fixture f = new Fixture(dir)) {
            f.lighter.next(Behavior.PARTIAL_SHORT_5_STEPS); // 0.0055: 8 % short, less than one common step
            assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HOLDING);
            assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.005");
            assertThat(f.edgex.size(BTC).add(f.lighter.size(BTC))).isZero();
            assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        }
    }

    @Test
    void legsThatCannotBeEqualAboveZeroOnTheCommonGridAreBothUnwound(@TempDir Path dir) {
        // 0.001 BTC planned (one common step); Lighter fills 0.0005: no equal size above zero both venues can hold
        try (Fixture f = new Fixture(dir, "{\"symbols_to_monitor\": [\"BTC\"], \"notional_per_position\": 60,"
                + " \"open_retries\": 0}")) {
            f.lighter.next(Behavior.PARTIAL_SHORT_5_STEPS);
            assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.UNWOUND);
            assertThat(f.edgex.size(BTC)).isZero();
            assertThat(f.lighter.size(BTC)).isZero();
            assertThat(f.beans.engine.state()).isEqualTo(io.perpcarry.state.BotState.WAITING);
        }
    }
}
