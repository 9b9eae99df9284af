package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Group laws and scalar-multiplication consistency on random points (points = k·G for random k). */
class EcGfp5PropertyTest {

    @Provide
    Arbitrary<EcGfp5Scalar> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, EcGfp5Scalar.ORDER.subtract(BigInteger.ONE))
                        .map(EcGfp5Scalar::reduce),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                        EcGfp5Scalar.ORDER.subtract(BigInteger.ONE), EcGfp5Scalar.ORDER.subtract(BigInteger.TWO),
                        BigInteger.ONE.shiftLeft(318), BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE))
                        .map(EcGfp5Scalar::reduce));
    }

    private static EcGfp5 pt(EcGfp5Scalar k) {
        return EcGfp5.mulGenerator(k);
    }

    @Property(tries = 25)
    void additionIsCommutativeAndAssociative(@ForAll("scalars") EcGfp5Scalar a, @ForAll("scalars") EcGfp5Scalar b,
                                             @ForAll("scalars") EcGfp5Scalar c) {
        EcGfp5 p = pt(a), q = pt(b), r = pt(c);
        assertThat(p.add(q)).isEqualTo(q.add(p));
        assertThat(p.add(q).add(r)).isEqualTo(p.add(q.add(r)));
    }

    @Property(tries = 25)
    void neutralAndInverse(@ForAll("scalars") EcGfp5Scalar a) {
        EcGfp5 p = pt(a);
        assertThat(p.add(EcGfp5.NEUTRAL)).isEqualTo(p);
        assertThat(p.add(p.neg()).isNeutral()).isTrue();
        assertThat(p.neg()).isEqualTo(pt(a.neg()));
        assertThat(p.add(p)).isEqualTo(p.doubled());
    }

    @Property(tries = 25)
    void scalarMultiplicationIsLinear(@ForAll("scalars") EcGfp5Scalar a, @ForAll("scalars") EcGfp5Scalar b) {
        assertThat(pt(a.add(b))).isEqualTo(pt(a).add(pt(b)));
        assertThat(pt(a).mul(b)).isEqualTo(pt(a.mul(b)));
        assertThat(EcGfp5.GENERATOR.mul(a)).isEqualTo(pt(a));
        assertThat(EcGfp5.mulGeneratorAdd(a, pt(b), b)).isEqualTo(pt(a.add(b.mul(b))));
    }

    @Property(tries = 25)
    void encodingRoundTripsAndIsCanonical(@ForAll("scalars") EcGfp5Scalar a) {
        EcGfp5 p = pt(a);
        byte[] enc = p.encode();
        EcGfp5 q = EcGfp5.tryDecode(enc);
        assertThat(q).isNotNull();
        assertThat(q.encode()).isEqualTo(enc);
        assertThat(q).isEqualTo(p);
    }

    @Property(tries = 200)
    void randomFieldElementsDecodeOnlyToConsistentPoints(@ForAll long a, @ForAll long b) {
        // Roughly half of all field elements are encodings; whatever decodes must re-encode to itself.
        byte[] enc = QuinticExtension.of(a, b, a ^ b, a + b, b - a).toLittleEndianBytes();
        EcGfp5 p = EcGfp5.tryDecode(enc);
        if (p != null) {
            assertThat(p.encode()).isEqualTo(enc);
            assertThat(p.add(EcGfp5.GENERATOR).add(EcGfp5.GENERATOR.neg())).isEqualTo(p);
        }
    }

    @Property(tries = 1)
    void orderTimesGeneratorIsNeutral() {
        EcGfp5 nMinus1 = pt(EcGfp5Scalar.reduce(EcGfp5Scalar.ORDER.subtract(BigInteger.ONE)));
        assertThat(nMinus1.add(EcGfp5.GENERATOR).isNeutral()).isTrue();
        assertThat(EcGfp5.NEUTRAL.encode()).containsOnly(0);
        assertThat(EcGfp5.tryDecode(new byte[40])).isEqualTo(EcGfp5.NEUTRAL);
    }

    @Property(tries = 1)
    void nonCanonicalEncodingsAreRejected() {
        byte[] enc = EcGfp5.GENERATOR.encode();
        // Add p to limb 0 where that still fits in 64 bits: same value mod p, non-canonical bytes.
        long l0 = EcBytes.readLongLe(enc, 0);
        if (Long.compareUnsigned(l0, -Goldilocks.P) < 0) {
            byte[] bad = enc.clone();
            EcBytes.writeLongLe(bad, 0, l0 + Goldilocks.P);
            assertThat(EcGfp5.tryDecode(bad)).isNull();
        }
        byte[] allOnes = new byte[40];
        java.util.Arrays.fill(allOnes, (byte) 0xFF);
        assertThat(EcGfp5.tryDecode(allOnes)).isNull();
        assertThat(EcGfp5.tryDecode(new byte[39])).isNull();
        assertThat(EcGfp5.tryDecode((byte[]) null)).isNull();
    }
}
