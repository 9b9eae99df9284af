package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GoldilocksTest {
    private static final BigInteger P = new BigInteger("18446744069414584321");
    private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger big(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    private static long ref(BigInteger v) {
        return v.mod(P).longValue();
    }

    /** Canonical elements, biased towards the edges where carries and borrows happen. */
    @Provide
    Arbitrary<Long> elements() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Goldilocks::canonical),
                Arbitraries.of(0L, 1L, 2L, Goldilocks.P - 1, Goldilocks.P - 2, 0xFFFFFFFFL, 0x100000000L,
                        0xFFFFFFFF00000000L, Long.MAX_VALUE, Long.MIN_VALUE),
                Arbitraries.longs().between(0, 1 << 20).map(d -> Goldilocks.P - 1 - d));
    }

    @Property(tries = 3000)
    void addSubMulMatchBigInteger(@ForAll("elements") long a, @ForAll("elements") long b) {
        assertThat(Goldilocks.add(a, b)).isEqualTo(ref(big(a).add(big(b))));
        assertThat(Goldilocks.sub(a, b)).isEqualTo(ref(big(a).subtract(big(b))));
        assertThat(Goldilocks.mul(a, b)).isEqualTo(ref(big(a).multiply(big(b))));
        assertThat(Goldilocks.neg(a)).isEqualTo(ref(big(a).negate()));
        assertThat(Goldilocks.square(a)).isEqualTo(ref(big(a).multiply(big(a))));
    }

    @Property(tries = 2000)
    void mulAddMatchesBigInteger(@ForAll("elements") long a, @ForAll("elements") long b, @ForAll("elements") long c) {
        assertThat(Goldilocks.mulAdd(a, b, c)).isEqualTo(ref(big(a).multiply(big(b)).add(big(c))));
    }

    @Property(tries = 1000)
    void reduce128MatchesBigInteger(@ForAll long hi, @ForAll long lo) {
        BigInteger v = big(hi).multiply(TWO64).add(big(lo));
        assertThat(Goldilocks.reduce128(hi, lo)).isEqualTo(ref(v));
    }

    @Property(tries = 1000)
    void canonicalReducesAnyPattern(@ForAll long x) {
        assertThat(Goldilocks.canonical(x)).isEqualTo(ref(big(x)));
        assertThat(Goldilocks.fromLong(x)).isEqualTo(ref(BigInteger.valueOf(x)));
    }

    @Property(tries = 500)
    void fieldLaws(@ForAll("elements") long a, @ForAll("elements") long b, @ForAll("elements") long c) {
        assertThat(Goldilocks.mul(a, Goldilocks.add(b, c)))
                .isEqualTo(Goldilocks.add(Goldilocks.mul(a, b), Goldilocks.mul(a, c)));
        assertThat(Goldilocks.mul(Goldilocks.mul(a, b), c)).isEqualTo(Goldilocks.mul(a, Goldilocks.mul(b, c)));
        assertThat(Goldilocks.add(Goldilocks.sub(a, b), b)).isEqualTo(a);
        assertThat(Goldilocks.add(a, Goldilocks.neg(a))).isZero();
    }

    @Property(tries = 300)
    void inverse(@ForAll("elements") long a) {
        if (a == 0) {
            assertThatThrownBy(() -> Goldilocks.inverse(0)).isInstanceOf(ArithmeticException.class);
            return;
        }
        long inv = Goldilocks.inverse(a);
        assertThat(Goldilocks.mul(a, inv)).isEqualTo(1L);
        assertThat(inv).isEqualTo(big(a).modInverse(P).longValue());
    }

    @Property(tries = 300)
    void powMatchesBigInteger(@ForAll("elements") long a, @ForAll long e) {
        assertThat(Goldilocks.pow(a, e)).isEqualTo(big(a).modPow(big(e), P).longValue());
    }

    @Property(tries = 300)
    void sqrtOfSquare(@ForAll("elements") long a) {
        long sq = Goldilocks.square(a);
        Long r = Goldilocks.sqrt(sq);
        assertThat(r).isNotNull();
        assertThat(Goldilocks.square(r)).isEqualTo(sq);
        assertThat(Goldilocks.isQuadraticResidue(sq)).isTrue();
    }

    @Test
    void nonResidueHasNoRoot() {
        // 7 generates the multiplicative group, so it is not a square.
        assertThat(Goldilocks.isQuadraticResidue(7)).isFalse();
        assertThat(Goldilocks.sqrt(7)).isNull();
        assertThat(Goldilocks.sqrt(0)).isZero();
    }

    @Test
    void edgeCasesFromPoseidonCryptoTests() {
        // (p+1)/2 * 2 = 1, and 0 - 1 = p - 1 (field_test.go TestSubFDoubleWraparound).
        long half = (Goldilocks.P >>> 1) + 1;
        assertThat(Goldilocks.mul(half, 2)).isEqualTo(1L);
        assertThat(Goldilocks.sub(0, 1)).isEqualTo(Goldilocks.P - 1);
        long a = Goldilocks.canonical(-1L - Goldilocks.P); // u64::MAX - p
        long b = Goldilocks.P - 1;
        assertThat(Goldilocks.add(Goldilocks.add(a, a), Goldilocks.add(b, b)))
                .isEqualTo(Goldilocks.add(Goldilocks.add(a, b), Goldilocks.add(a, b)));
    }

    @Test
    void littleEndianRoundTripAndRejection() {
        byte[] buf = new byte[8];
        Goldilocks.toLittleEndian(0x0102030405060708L, buf, 0);
        assertThat(buf).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(Goldilocks.fromLittleEndian(buf, 0)).isEqualTo(0x0102030405060708L);
        Goldilocks.toLittleEndian(Goldilocks.P, buf, 0);
        assertThatThrownBy(() -> Goldilocks.fromLittleEndian(buf, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arrayFromLittleEndianBytesPadsLastLimb() {
        long[] limbs = Goldilocks.arrayFromLittleEndianBytes("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(limbs).hasSize(2);
        assertThat(limbs[0]).isEqualTo(0x3837363534333231L);
        assertThat(limbs[1]).isEqualTo(0x39L);
        assertThat(Goldilocks.arrayFromLittleEndianBytes(new byte[0])).isEmpty();
    }
}
