package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DotProductTest {
    private static final BigInteger P = new BigInteger(Long.toUnsignedString(Goldilocks.P));

    private static BigInteger big(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    @Provide
    Arbitrary<Long> elements() {
        // Mostly near p - 1, where the 128-bit products and their sums carry the most.
        return Arbitraries.oneOf(Arbitraries.longs().map(Goldilocks::canonical),
                Arbitraries.longs().between(0, 1000).map(d -> Goldilocks.P - 1 - d),
                Arbitraries.of(0L, 1L, 0xFFFFFFFFL, 0xFFFFFFFF00000000L));
    }

    @Property(tries = 2000)
    void dot5MatchesBigInteger(@ForAll("elements") long a0, @ForAll("elements") long b0, @ForAll("elements") long a1,
            @ForAll("elements") long b1, @ForAll("elements") long a2, @ForAll("elements") long b2,
            @ForAll("elements") long a3, @ForAll("elements") long b3, @ForAll("elements") long a4,
            @ForAll("elements") long b4) {
        BigInteger expected = big(a0).multiply(big(b0)).add(big(a1).multiply(big(b1))).add(big(a2).multiply(big(b2)))
                .add(big(a3).multiply(big(b3))).add(big(a4).multiply(big(b4))).mod(P);
        assertThat(DotProduct.dot5(a0, b0, a1, b1, a2, b2, a3, b3, a4, b4)).isEqualTo(expected.longValue());
        BigInteger e3 = big(a0).multiply(big(b0)).add(big(a1).multiply(big(b1))).add(big(a2).multiply(big(b2))).mod(P);
        assertThat(DotProduct.dot3(a0, b0, a1, b1, a2, b2)).isEqualTo(e3.longValue());
    }

    @Test
    void allMaximal() {
        long m = Goldilocks.P - 1; // (-1)·(-1) = 1 per term
        assertThat(DotProduct.dot5(m, m, m, m, m, m, m, m, m, m)).isEqualTo(5L);
        assertThat(DotProduct.dot3(m, m, m, m, m, m)).isEqualTo(3L);
    }
}
