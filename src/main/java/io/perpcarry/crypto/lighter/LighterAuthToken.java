package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.LighterAuthTokenException.Reason.BAD_SIGNATURE;
import static io.perpcarry.crypto.lighter.LighterAuthTokenException.Reason.EXPIRED;
import static io.perpcarry.crypto.lighter.LighterAuthTokenException.Reason.MALFORMED;

import java.nio.charset.StandardCharsets;

/**
 * Lighter auth tokens, {@code deadline:accountIndex:apiKeyIndex:signatureHex} (lighter-go
 * {@code types.ConstructAuthToken}). The signed message is the ASCII text {@code deadline:account:apiKey},
 * cut into 8-byte little-endian limbs (last one zero-padded), hashed with Poseidon2 to GF(p^5); the
 * signature is Schnorr over that 40-byte hash, in lower-case hex.
 *
 * @param deadline     unix seconds after which the token is void
 * @param accountIndex account the token authenticates
 * @param apiKeyIndex  API key slot (0..255)
 * @param signatureHex the 80-byte signature, hex
 */
public record LighterAuthToken(long deadline, long accountIndex, int apiKeyIndex, String signatureHex) {

    /** Creates a token string signed by {@code key}. */
    public static String create(LighterPrivateKey key, long deadline, long accountIndex, int apiKeyIndex) {
        checkApiKeyIndex(apiKeyIndex);
        String msg = message(deadline, accountIndex, apiKeyIndex);
        return msg + ":" + EcBytes.toHex(Schnorr.sign(key, messageHash(msg)));
    }

    /** The signed text for these fields. */
    public static String message(long deadline, long accountIndex, int apiKeyIndex) {
        return deadline + ":" + accountIndex + ":" + apiKeyIndex;
    }

    /** The 40-byte Poseidon2 hash of the signed text. */
    public static byte[] messageHash(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        long[] limbs = new long[(b.length + 7) / 8];
        for (int i = 0; i < b.length; i++) {
            limbs[i / 8] |= (b[i] & 0xFFL) << (8 * (i % 8));
        }
        for (long l : limbs) {
            if (Long.compareUnsigned(l, Goldilocks.P) >= 0) {
                // Cannot happen for ASCII (every limb < 2^63); lighter-go errors here as well.
                throw new IllegalArgumentException("auth message limb is not a canonical field element");
            }
        }
        return Poseidon2.hashToQuinticExtension(limbs).toLittleEndianBytes();
    }

    /**
     * Parses a token without checking its signature.
     *
     * @throws LighterAuthTokenException MALFORMED
     */
    public static LighterAuthToken parse(String token) {
        if (token == null) {
            throw malformed("token is null");
        }
        String[] f = token.split(":", -1);
        if (f.length != 4) {
            throw malformed("expected 4 ':'-separated fields, got " + f.length);
        }
        long deadline = canonicalLong(f[0], "deadline");
        long account = canonicalLong(f[1], "accountIndex");
        long apiKey = canonicalLong(f[2], "apiKeyIndex");
        if (apiKey < 0 || apiKey > 255) {
            throw malformed("apiKeyIndex out of range 0..255");
        }
        // Exactly 160 characters that decode to 80 bytes: no prefix, no whitespace.
        byte[] sig = f[3].length() == 2 * Schnorr.SIGNATURE_BYTES ? EcBytes.parseHexOrNull(f[3]) : null;
        if (sig == null || sig.length != Schnorr.SIGNATURE_BYTES) {
            throw malformed("signature must be " + 2 * Schnorr.SIGNATURE_BYTES + " hex digits");
        }
        return new LighterAuthToken(deadline, account, (int) apiKey, f[3].toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Parses and verifies the signature under {@code publicKey40} (no expiry check).
     *
     * @throws LighterAuthTokenException MALFORMED or BAD_SIGNATURE
     */
    public static LighterAuthToken verify(String token, byte[] publicKey40) {
        LighterAuthToken t = parse(token);
        byte[] hash = messageHash(message(t.deadline, t.accountIndex, t.apiKeyIndex));
        if (!Schnorr.verify(publicKey40, hash, EcBytes.parseHexOrNull(t.signatureHex))) {
            throw new LighterAuthTokenException(BAD_SIGNATURE, "auth token signature does not verify");
        }
        return t;
    }

    /**
     * As {@link #verify(String, byte[])}, and also refuses a token whose deadline is before
     * {@code nowEpochSeconds}.
     *
     * @throws LighterAuthTokenException MALFORMED, BAD_SIGNATURE or EXPIRED
     */
    public static LighterAuthToken verify(String token, byte[] publicKey40, long nowEpochSeconds) {
        LighterAuthToken t = verify(token, publicKey40);
        if (t.deadline < nowEpochSeconds) {
            throw new LighterAuthTokenException(EXPIRED, "auth token expired at " + t.deadline);
        }
        return t;
    }

    /** The token string. */
    public String token() {
        return message(deadline, accountIndex, apiKeyIndex) + ":" + signatureHex;
    }

    private static long canonicalLong(String s, String name) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw malformed(name + " is not a decimal integer");
        }
        // The signature covers the exact text: only the form the signer prints is accepted.
        if (!Long.toString(v).equals(s)) {
            throw malformed(name + " is not in canonical decimal form");
        }
        return v;
    }

    private static void checkApiKeyIndex(int apiKeyIndex) {
        if (apiKeyIndex < 0 || apiKeyIndex > 255) {
            throw new IllegalArgumentException("apiKeyIndex out of range 0..255: " + apiKeyIndex);
        }
    }

    private static LighterAuthTokenException malformed(String why) {
        return new LighterAuthTokenException(MALFORMED, "malformed auth token: " + why);
    }
}
