package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class EcGfp5Test {
    private static final SecureRandom RNG = new SecureRandom();

    private static EcGfp5 naiveMul(EcGfp5 p, BigInteger k) {
        EcGfp5 r = EcGfp5.NEUTRAL;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = r.doubled();
            if (k.testBit(i)) {
                r = r.add(p);
            }
        }
        return r;
    }

    @Test
    void smallMultiplesAgree() {
        EcGfp5 g = EcGfp5.GENERATOR;
        for (int k = 0; k < 40; k++) {
            EcGfp5Scalar s = EcGfp5Scalar.reduce(BigInteger.valueOf(k));
            EcGfp5 naive = naiveMul(g, BigInteger.valueOf(k));
            assertThat(EcGfp5.mulGenerator(s)).as("fixed k=%d", k).isEqualTo(naive);
            assertThat(g.mul(s)).as("var k=%d", k).isEqualTo(naive);
        }
    }

    @Test
    void mdoubleMatchesRepeatedDoubling() {
        EcGfp5 p = EcGfp5.mulGenerator(EcGfp5Scalar.random(RNG));
        EcGfp5 r = p;
        for (int n = 1; n <= 7; n++) {
            r = r.doubled();
            assertThat(p.mdouble(n)).as("n=%d", n).isEqualTo(r);
            assertThat(p.mdouble(n).encode()).isEqualTo(r.encode());
        }
    }

    @Test
    void encodeDecodeRoundTrip() {
        for (int i = 0; i < 20; i++) {
            EcGfp5 p = EcGfp5.mulGenerator(EcGfp5Scalar.random(RNG));
            EcGfp5 q = EcGfp5.tryDecode(p.encode());
            assertThat(q).isNotNull();
            assertThat(q).isEqualTo(p);
            assertThat(q.encode()).isEqualTo(p.encode());
            assertThat(q.add(p)).isEqualTo(p.doubled());
        }
    }

    @Test
    void mulAddMatchesSeparateMultiplications() {
        for (int i = 0; i < 10; i++) {
            EcGfp5Scalar s = EcGfp5Scalar.random(RNG);
            EcGfp5Scalar e = EcGfp5Scalar.random(RNG);
            EcGfp5 p = EcGfp5.mulGenerator(EcGfp5Scalar.random(RNG));
            EcGfp5 expected = EcGfp5.mulGenerator(s).add(p.mul(e));
            assertThat(EcGfp5.mulGeneratorAdd(s, p, e)).isEqualTo(expected);
        }
    }
}
