package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EcGfp5ScalarTest {
    private static final BigInteger N = EcGfp5Scalar.ORDER;

    @Provide
    Arbitrary<BigInteger> values() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), N.shiftRight(1)));
    }

    @Property(tries = 300)
    void arithmeticMatchesBigInteger(@ForAll("values") BigInteger a, @ForAll("values") BigInteger b) {
        EcGfp5Scalar x = EcGfp5Scalar.reduce(a), y = EcGfp5Scalar.reduce(b);
        assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(N));
        assertThat(x.sub(y).toBigInteger()).isEqualTo(a.subtract(b).mod(N));
        assertThat(x.mul(y).toBigInteger()).isEqualTo(a.multiply(b).mod(N));
        assertThat(x.neg().toBigInteger()).isEqualTo(a.negate().mod(N));
    }

    @Property(tries = 300)
    void wnafReconstructsWithOddSparseDigits(@ForAll("values") BigInteger a) {
        EcGfp5Scalar x = EcGfp5Scalar.reduce(a);
        for (int w = 2; w <= 9; w++) {
            int[] d = x.recodeWnaf(w);
            BigInteger sum = BigInteger.ZERO;
            int last = -w;
            for (int i = d.length - 1; i >= 0; i--) {
                sum = sum.shiftLeft(1).add(BigInteger.valueOf(d[i]));
            }
            for (int i = 0; i < d.length; i++) {
                if (d[i] != 0) {
                    assertThat(d[i] & 1).as("odd").isEqualTo(1);
                    assertThat(Math.abs(d[i])).isLessThan(1 << (w - 1));
                    assertThat(i - last).as("spacing").isGreaterThanOrEqualTo(w);
                    last = i;
                }
            }
            assertThat(sum).isEqualTo(a.mod(N));
        }
    }

    @Property(tries = 300)
    void bytesRoundTripAndRecodingReconstructs(@ForAll("values") BigInteger a) {
        EcGfp5Scalar x = EcGfp5Scalar.reduce(a);
        assertThat(EcGfp5Scalar.fromCanonicalBytes(x.toLittleEndianBytes())).isEqualTo(x);
        for (int w = 2; w <= 8; w++) {
            int[] d = x.recodeSigned(w);
            BigInteger sum = BigInteger.ZERO;
            for (int i = d.length - 1; i >= 0; i--) {
                assertThat(d[i]).isBetween(-(1 << (w - 1)) + 1, 1 << (w - 1));
                sum = sum.shiftLeft(w).add(BigInteger.valueOf(d[i]));
            }
            assertThat(sum).isEqualTo(a);
        }
    }

    @Test
    void rejectsNonCanonicalBytes() {
        byte[] n = EcGfp5Scalar.reduce(N.subtract(BigInteger.ONE)).toLittleEndianBytes();
        n[0] += 1; // n itself (n - 1 ends in an even byte below 0xFF)
        assertThatThrownBy(() -> EcGfp5Scalar.fromCanonicalBytes(n)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EcGfp5Scalar.tryFromCanonicalBytes(n)).isNull();
        assertThat(EcGfp5Scalar.tryFromCanonicalBytes(new byte[41])).isNull();
    }

    @Test
    void randomIsInRangeAndNonZero() {
        SecureRandom rng = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            EcGfp5Scalar s = EcGfp5Scalar.random(rng);
            assertThat(s.isZero()).isFalse();
            assertThat(s.toBigInteger()).isLessThan(N);
        }
        assertThat(EcGfp5Scalar.ONE.toString()).doesNotContain("1");
    }
}
