package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LighterPrivateKeyTest {
    // From the vectors; any valid key will do.
    static final String KEY = "2a50e06cb39ce07e44220819ebe5aeb94333974664eafaef0f5d31d9aad0e049eb89e8288f1a0521";
    static final String PUB = "171fff634baa869f1072310c2bfb00b6970f537ea3e6458835999c0c3eb7ac5ce30cbde8710960de";

    @Test
    void parsesWithOrWithoutPrefixAndAnyCase() {
        assertThat(LighterPrivateKey.fromHex(KEY).publicKeyHex()).isEqualTo(PUB);
        assertThat(LighterPrivateKey.fromHex("0x" + KEY).publicKeyHex()).isEqualTo(PUB);
        assertThat(LighterPrivateKey.fromHex("0X" + KEY.toUpperCase()).publicKeyHex()).isEqualTo(PUB);
        assertThat(LighterPrivateKey.fromHex(" " + KEY + "\n").publicKeyHex()).isEqualTo(PUB);
    }

    @Test
    void rejectsBadKeysWithoutEchoingThem() {
        String nHex = HexFormat.of().formatHex(le40(EcGfp5Scalar.ORDER));
        String[] bad = {
            null, "", "0x", KEY.substring(2), KEY + "00", KEY.substring(1), KEY.replace('a', 'g'),
            KEY.substring(0, 78) + "\u0661\u0662", // Arabic-Indic digits: not hex
            nHex, "ff".repeat(40), "00".repeat(40)
        };
        for (String b : bad) {
            assertThatThrownBy(() -> LighterPrivateKey.fromHex(b))
                    .as("input %s", b)
                    .isInstanceOf(LighterKeyException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContainIgnoringCase(KEY.substring(0, 16));
                        assertThat(e.getMessage()).doesNotContainIgnoringCase(KEY.substring(60));
                        assertThat(e.getCause()).isNull();
                        if (b != null && b.length() > 10) {
                            assertThat(e.getMessage()).doesNotContain(b.substring(2, 10));
                        }
                    });
        }
        assertThatThrownBy(() -> LighterPrivateKey.fromBytes(new byte[39])).isInstanceOf(LighterKeyException.class);
    }

    @Test
    void toStringAndSignerToStringNeverShowTheKey() {
        LighterPrivateKey k = LighterPrivateKey.fromHex(KEY);
        String scalarHex = KEY;
        assertThat(k.toString()).doesNotContainIgnoringCase(scalarHex.substring(0, 12)).contains(PUB).contains("***");
        assertThat(k.scalar().toString()).doesNotContainIgnoringCase(scalarHex.substring(0, 12));
        LighterSigner s = new LighterSigner(k, 304, 1, 2);
        assertThat(s.toString()).doesNotContainIgnoringCase(scalarHex.substring(0, 12));
    }

    @Test
    void largestValidKeyIsAccepted() {
        BigInteger max = EcGfp5Scalar.ORDER.subtract(BigInteger.ONE);
        LighterPrivateKey k = LighterPrivateKey.fromBytes(le40(max));
        assertThat(k.publicKey()).isEqualTo(EcGfp5.GENERATOR.neg().encode());
    }

    private static byte[] le40(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[40];
        for (int i = 0; i < be.length && i < 41; i++) {
            int idx = be.length - 1 - i;
            if (i < 40) {
                le[i] = be[idx];
            }
        }
        return le;
    }
}
