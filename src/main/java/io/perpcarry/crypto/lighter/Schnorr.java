package io.perpcarry.crypto.lighter;

import java.security.SecureRandom;

/**
 * Schnorr signatures over ECgFp5 as used by Lighter (poseidon_crypto {@code signature/schnorr}).
 *
 * <p>The message is a 40-byte pre-hashed GF(p^5) element (a tx hash or an auth-message hash). With r = k·G
 * for a fresh random k, the challenge is e = Poseidon2-to-GF(p^5)(enc(r) ‖ m) reduced mod n and
 * s = k − e·sk. Wire format (80 bytes): s (40 bytes LE) ‖ e (40 bytes LE). Verification recomputes
 * r' = s·G + e·pk and accepts iff the challenge over enc(r') equals e.
 *
 * <p>Verification is strict: s and e must be canonical (&lt; n). poseidon_crypto v0.0.15 reduces
 * non-canonical halves instead; the official signer never emits them, and accepting them would make
 * signatures malleable.
 */
public final class Schnorr {

    public static final int SIGNATURE_BYTES = 80;
    public static final int MESSAGE_BYTES = 40;

    // SecureRandom instances are thread-safe; one shared instance, like crypto/rand in the Go signer.
    private static final SecureRandom RNG = new SecureRandom();
    // Verification keys: a bot or emulator verifies under a handful of keys over and over.
    static final int KEY_CACHE_SIZE = 64;
    private static final VerifyingKey.Cache KEYS = new VerifyingKey.Cache(KEY_CACHE_SIZE);

    private Schnorr() {
    }

    /**
     * Signs a 40-byte message (the little-endian encoding of a canonical GF(p^5) element).
     *
     * @throws IllegalArgumentException if the message is not 40 bytes of canonical field limbs
     */
    public static byte[] sign(LighterPrivateKey key, byte[] message40) {
        QuinticExtension m = EcGfp5.tryCanonicalFp5(message40);
        if (m == null) {
            throw new IllegalArgumentException("message must be 40 bytes encoding a canonical GF(p^5) element");
        }
        return sign(key.scalar(), m, EcGfp5Scalar.random(RNG));
    }

    /** Deterministic core; k must be fresh, secret and uniformly random for each signature. */
    static byte[] sign(EcGfp5Scalar sk, QuinticExtension m, EcGfp5Scalar k) {
        QuinticExtension r = EcGfp5.mulGenerator(k).encodeElement();
        EcGfp5Scalar e = challenge(r, m);
        EcGfp5Scalar s = k.sub(e.mul(sk));
        byte[] out = new byte[SIGNATURE_BYTES];
        System.arraycopy(s.toLittleEndianBytes(), 0, out, 0, 40);
        System.arraycopy(e.toLittleEndianBytes(), 0, out, 40, 40);
        return out;
    }

    /**
     * Verifies a signature. Any malformed input (wrong length, non-canonical limbs or scalars, a public key
     * that is not a curve point) yields false, never an exception. Recently used keys are cached with
     * precomputed tables: repeated verifications under one key are roughly three times faster.
     */
    public static boolean verify(byte[] publicKey40, byte[] message40, byte[] sig80) {
        return verify(KEYS, publicKey40, message40, sig80);
    }

    /** As {@link #verify(byte[], byte[], byte[])} with an already decoded public key. */
    public static boolean verify(EcGfp5 publicKey, byte[] message40, byte[] sig80) {
        return publicKey != null && verify(KEYS.get(publicKey), message40, sig80);
    }

    static boolean verify(VerifyingKey.Cache keys, byte[] publicKey40, byte[] message40, byte[] sig80) {
        QuinticExtension w = EcGfp5.tryCanonicalFp5(publicKey40);
        return w != null && verify(keys.get(w), message40, sig80);
    }

    static boolean verify(VerifyingKey pk, byte[] message40, byte[] sig80) {
        if (pk == null || sig80 == null || sig80.length != SIGNATURE_BYTES) {
            return false;
        }
        QuinticExtension m = EcGfp5.tryCanonicalFp5(message40);
        EcGfp5Scalar s = EcGfp5Scalar.tryFromCanonicalBytes(sig80, 0);
        EcGfp5Scalar e = EcGfp5Scalar.tryFromCanonicalBytes(sig80, 40);
        if (m == null || s == null || e == null) {
            return false;
        }
        QuinticExtension rv = pk.mulAddGenerator(s, e).encodeElement();
        return challenge(rv, m).equals(e);
    }

    /** e = H(r ‖ m) mod n, with H = Poseidon2 hash-to-GF(p^5) over the ten canonical limbs. */
    static EcGfp5Scalar challenge(QuinticExtension r, QuinticExtension m) {
        long[] pre = {r.c0, r.c1, r.c2, r.c3, r.c4, m.c0, m.c1, m.c2, m.c3, m.c4};
        QuinticExtension h = Poseidon2.hashToQuinticExtension(pre);
        return EcGfp5Scalar.reduceLimbs(h.c0, h.c1, h.c2, h.c3, h.c4);
    }
}
