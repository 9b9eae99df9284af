package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lazily reduced GF(p^5) kernels must agree exactly with a naive product reduced term by term. */
class QuinticExtensionKernelTest {

    @Provide
    Arbitrary<QuinticExtension> fp5() {
        // Bias towards edge limbs (0, 1, p-1, p-2^32, ...) where carries and wraps happen.
        Arbitrary<Long> limb = Arbitraries.oneOf(
                Arbitraries.longs().map(Goldilocks::canonical),
                Arbitraries.of(0L, 1L, Goldilocks.P - 1, Goldilocks.P - 2, 0xFFFFFFFFL, 0x100000000L,
                        Goldilocks.P - 0xFFFFFFFFL, Long.MAX_VALUE, Long.MIN_VALUE));
        return Combinators.combine(limb, limb, limb, limb, limb).as(QuinticExtension::of);
    }

    /** Schoolbook with one Goldilocks reduction per product; x^5 = 3. */
    static QuinticExtension naiveMul(QuinticExtension a, QuinticExtension b) {
        long[] x = a.limbs(), y = b.limbs();
        long[] r = new long[5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                long p = Goldilocks.mul(x[i], y[j]);
                int k = i + j;
                r[k % 5] = Goldilocks.add(r[k % 5], k >= 5 ? Goldilocks.mul(p, 3) : p);
            }
        }
        return QuinticExtension.fromCanonicalLimbs(r);
    }

    @Property(tries = 2000)
    void mulMatchesNaive(@ForAll("fp5") QuinticExtension a, @ForAll("fp5") QuinticExtension b) {
        assertThat(a.mul(b)).isEqualTo(naiveMul(a, b));
    }

    @Property(tries = 2000)
    void squareMatchesNaive(@ForAll("fp5") QuinticExtension a) {
        assertThat(a.square()).isEqualTo(naiveMul(a, a));
    }

    @Property(tries = 1000)
    void workspaceKernelsAllowAliasing(@ForAll("fp5") QuinticExtension a, @ForAll("fp5") QuinticExtension b) {
        long[] f = new long[10];
        System.arraycopy(a.limbs(), 0, f, 0, 5);
        System.arraycopy(b.limbs(), 0, f, 5, 5);
        QuinticExtension.mul(f, 0, 0, 5); // result over the first operand
        assertThat(QuinticExtension.fromCanonicalLimbs(java.util.Arrays.copyOf(f, 5))).isEqualTo(naiveMul(a, b));
        QuinticExtension.square(f, 5, 5);
        assertThat(QuinticExtension.fromCanonicalLimbs(java.util.Arrays.copyOfRange(f, 5, 10)))
                .isEqualTo(naiveMul(b, b));
    }
}
