package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The optimized verifier (Straus for new keys, comb tables for cached ones) against a straightforward
 * reference: s·G + e·pk by plain double-and-add, then the challenge check.
 */
class SchnorrVerifyTest {

    static final class Case {
        final byte[] pk;
        final byte[] msg;
        final byte[] sig;

        Case(byte[] pk, byte[] msg, byte[] sig) {
            this.pk = pk;
            this.msg = msg;
            this.sig = sig;
        }
    }

    static EcGfp5 naiveMul(EcGfp5 p, EcGfp5Scalar k) {
        BigInteger v = k.toBigInteger();
        EcGfp5 r = EcGfp5.NEUTRAL;
        for (int i = v.bitLength() - 1; i >= 0; i--) {
            r = r.doubled();
            if (v.testBit(i)) {
                r = r.add(p);
            }
        }
        return r;
    }

    static boolean referenceVerify(byte[] pk, byte[] msg, byte[] sig) {
        EcGfp5 p = EcGfp5.tryDecode(pk);
        QuinticExtension m = EcGfp5.tryCanonicalFp5(msg);
        if (p == null || m == null || sig == null || sig.length != 80) {
            return false;
        }
        EcGfp5Scalar s = EcGfp5Scalar.tryFromCanonicalBytes(sig, 0);
        EcGfp5Scalar e = EcGfp5Scalar.tryFromCanonicalBytes(sig, 40);
        if (s == null || e == null) {
            return false;
        }
        EcGfp5 r = naiveMul(EcGfp5.GENERATOR, s).add(naiveMul(p, e));
        return Schnorr.challenge(r.encodeElement(), m).equals(e);
    }

    static QuinticExtension randomFp5(Random rnd) {
        return QuinticExtension.of(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    static EcGfp5Scalar randomScalar(Random rnd) {
        return EcGfp5Scalar.reduce(new BigInteger(330, rnd));
    }

    /** A valid signature under a random key, or (odd variants) a corrupted one. */
    static Case randomCase(Random rnd, int variant) {
        EcGfp5Scalar sk = randomScalar(rnd);
        QuinticExtension m = randomFp5(rnd);
        byte[] pk = EcGfp5.mulGenerator(sk).encode();
        byte[] sig = Schnorr.sign(sk, m, randomScalar(rnd));
        byte[] msg = m.toLittleEndianBytes();
        switch (variant % 4) {
            case 1 -> msg = randomFp5(rnd).toLittleEndianBytes();            // wrong message
            case 2 -> System.arraycopy(randomScalar(rnd).toLittleEndianBytes(), 0, sig, 0, 40); // wrong s
            case 3 -> System.arraycopy(randomScalar(rnd).toLittleEndianBytes(), 0, sig, 40, 40); // wrong e
            default -> { }
        }
        return new Case(pk, msg, sig);
    }

    @Property(tries = 24)
    void agreesWithReferenceOnEveryCachePath(@ForAll long seed) {
        Random rnd = new Random(seed);
        for (int variant = 0; variant < 4; variant++) {
            Case c = randomCase(rnd, variant);
            boolean expected = referenceVerify(c.pk, c.msg, c.sig);
            assertThat(expected).isEqualTo(variant == 0);
            VerifyingKey.Cache cache = new VerifyingKey.Cache(4);
            // First use: generic path; second: builds the comb; third: comb table.
            for (int use = 0; use < 3; use++) {
                assertThat(Schnorr.verify(cache, c.pk, c.msg, c.sig)).as("use %d", use).isEqualTo(expected);
            }
            assertThat(cache.get(EcGfp5.tryCanonicalFp5(c.pk)).hasTable()).isTrue();
            assertThat(Schnorr.verify(c.pk, c.msg, c.sig)).isEqualTo(expected);
            assertThat(Schnorr.verify(EcGfp5.tryDecode(c.pk), c.msg, c.sig)).isEqualTo(expected);
        }
    }

    @Test
    void evictionKeepsAnswersAndBoundsTheCache() {
        Random rnd = new Random(7);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(randomCase(rnd, i));
        }
        VerifyingKey.Cache cache = new VerifyingKey.Cache(2);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                assertThat(Schnorr.verify(cache, c.pk, c.msg, c.sig)).isEqualTo(i % 4 == 0);
            }
            assertThat(cache.size()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void concurrentVerificationsShareTheCacheSafely() throws Exception {
        Random rnd = new Random(11);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cases.add(randomCase(rnd, i));
        }
        VerifyingKey.Cache cache = new VerifyingKey.Cache(4); // smaller than the key set: hits, builds, evictions
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < 150; i++) {
                        int k = r.nextInt(cases.size());
                        Case c = cases.get(k);
                        if (Schnorr.verify(cache, c.pk, c.msg, c.sig) != (k % 4 == 0)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(4);
    }

    @Test
    void strictAndNeverThrows() {
        Case c = randomCase(new Random(3), 0);
        assertThat(Schnorr.verify(c.pk, c.msg, c.sig)).isTrue();
        byte[] n = new byte[40];
        byte[] nBe = EcGfp5Scalar.ORDER.toByteArray();
        for (int i = 0; i < nBe.length && i < 40; i++) {
            n[i] = nBe[nBe.length - 1 - i];
        }
        byte[] sN = c.sig.clone();
        System.arraycopy(n, 0, sN, 0, 40);
        byte[] eN = c.sig.clone();
        System.arraycopy(n, 0, eN, 40, 40);
        byte[] badLimb = c.pk.clone();
        java.util.Arrays.fill(badLimb, 0, 8, (byte) 0xFF); // limb >= p
        for (int use = 0; use < 3; use++) { // cold and cached key alike
            assertThat(Schnorr.verify(c.pk, c.msg, sN)).isFalse();
            assertThat(Schnorr.verify(c.pk, c.msg, eN)).isFalse();
            assertThat(Schnorr.verify(c.pk, c.msg, new byte[80])).isFalse();
            assertThat(Schnorr.verify(c.pk, c.msg, new byte[79])).isFalse();
            assertThat(Schnorr.verify(c.pk, c.msg, null)).isFalse();
            assertThat(Schnorr.verify(c.pk, null, c.sig)).isFalse();
            assertThat(Schnorr.verify(c.pk, new byte[39], c.sig)).isFalse();
            assertThat(Schnorr.verify(badLimb, c.msg, c.sig)).isFalse();
            assertThat(Schnorr.verify((byte[]) null, c.msg, c.sig)).isFalse();
            assertThat(Schnorr.verify((EcGfp5) null, c.msg, c.sig)).isFalse();
        }
        int notPoints = 0;
        Random rnd = new Random(5);
        for (int i = 0; i < 20; i++) {
            byte[] pk = randomFp5(rnd).toLittleEndianBytes();
            if (EcGfp5.tryDecode(pk) == null) {
                notPoints++;
                assertThat(Schnorr.verify(pk, c.msg, c.sig)).isFalse();
            }
        }
        assertThat(notPoints).isPositive();
    }
}
