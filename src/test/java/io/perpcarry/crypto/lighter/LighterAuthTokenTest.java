package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.LighterAuthTokenException.Reason.BAD_SIGNATURE;
import static io.perpcarry.crypto.lighter.LighterAuthTokenException.Reason.EXPIRED;
import static io.perpcarry.crypto.lighter.LighterAuthTokenException.Reason.MALFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LighterAuthTokenTest {
    private static final LighterPrivateKey KEY = LighterPrivateKey.fromHex(LighterPrivateKeyTest.KEY);
    private static final LighterPrivateKey OTHER = LighterPrivateKey.fromHex(
            "0x01" + LighterPrivateKeyTest.KEY.substring(2));

    private static void refused(String token, byte[] pk, LighterAuthTokenException.Reason reason) {
        assertThatThrownBy(() -> LighterAuthToken.verify(token, pk))
                .as(token)
                .isInstanceOfSatisfying(LighterAuthTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void roundTripAndFields() {
        String t = new LighterSigner(KEY, 304, 66241, 118).authToken(1_795_488_752L);
        assertThat(t).startsWith("1795488752:66241:118:");
        assertThat(t.substring(t.lastIndexOf(':') + 1)).hasSize(160).matches("[0-9a-f]+");
        LighterAuthToken parsed = LighterAuthToken.verify(t, KEY.publicKey());
        assertThat(parsed).isEqualTo(new LighterAuthToken(1_795_488_752L, 66241, 118, t.substring(t.lastIndexOf(':') + 1)));
        assertThat(LighterAuthToken.verify(t, KEY.publicKey(), 1_795_488_752L)).isEqualTo(parsed);
    }

    @Test
    void refusals() {
        String t = LighterAuthToken.create(KEY, 1000, 5, 3);
        String sig = t.substring(t.lastIndexOf(':') + 1);
        byte[] pk = KEY.publicKey();
        refused(t, OTHER.publicKey(), BAD_SIGNATURE);
        refused(t, new byte[40], BAD_SIGNATURE);          // neutral point as key
        refused("1000:5:4:" + sig, pk, BAD_SIGNATURE);    // other key index
        refused("1000:6:3:" + sig, pk, BAD_SIGNATURE);    // other account
        refused("01000:5:3:" + sig, pk, MALFORMED);        // non-canonical decimal
        refused("+1000:5:3:" + sig, pk, MALFORMED);
        refused("1000:5:256:" + sig, pk, MALFORMED);
        refused("1000:5:3", pk, MALFORMED);
        refused("1000:5:3:" + sig + ":x", pk, MALFORMED);
        refused("1000:5:3:0x" + sig.substring(2), pk, MALFORMED);
        refused("1000:5:3:" + sig.substring(2), pk, MALFORMED);
        refused("1000:5:3:" + sig.substring(0, 158) + "zz", pk, MALFORMED);
        refused(null, pk, MALFORMED);
        assertThat(LighterAuthToken.verify("1000:5:3:" + sig.toUpperCase(), pk).signatureHex()).isEqualTo(sig);
        assertThatThrownBy(() -> LighterAuthToken.verify(t, pk, 1001))
                .isInstanceOfSatisfying(LighterAuthTokenException.class, e -> assertThat(e.reason()).isEqualTo(EXPIRED));
        assertThatThrownBy(() -> LighterAuthToken.create(KEY, 1, 1, 256)).isInstanceOf(IllegalArgumentException.class);
    }
}
