package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lazy-reduction kernels must agree exactly with the reference QuinticExtension arithmetic. */
class EcFieldOpsTest {

    @Provide
    Arbitrary<QuinticExtension> fp5() {
        // Bias towards edge limbs (0, 1, p-1, p-2^32, ...) where carries and wraps happen.
        Arbitrary<Long> limb = Arbitraries.oneOf(
                Arbitraries.longs().map(Goldilocks::canonical),
                Arbitraries.of(0L, 1L, Goldilocks.P - 1, Goldilocks.P - 2, 0xFFFFFFFFL, 0x100000000L,
                        Goldilocks.P - 0xFFFFFFFFL, Long.MAX_VALUE, Long.MIN_VALUE));
        return Combinators.combine(limb, limb, limb, limb, limb).as(QuinticExtension::of);
    }

    @Property(tries = 2000)
    void mulMatchesReference(@ForAll("fp5") QuinticExtension a, @ForAll("fp5") QuinticExtension b) {
        assertThat(EcFieldOps.mul(a, b)).isEqualTo(a.mul(b));
    }

    @Property(tries = 2000)
    void squareMatchesReference(@ForAll("fp5") QuinticExtension a) {
        assertThat(EcFieldOps.square(a)).isEqualTo(a.square());
    }

    @Property(tries = 2000)
    void addSubMatchReference(@ForAll("fp5") QuinticExtension a, @ForAll("fp5") QuinticExtension b) {
        assertThat(EcFieldOps.add(a, b)).isEqualTo(a.add(b));
        assertThat(EcFieldOps.sub(a, b)).isEqualTo(a.sub(b));
    }
}
