package io.perpcarry.crypto.lighter;

import java.util.Arrays;

/**
 * A Lighter API private key: an ECgFp5 scalar, 40 bytes little-endian (as lighter-go's
 * {@code signer.NewKeyManager}). Unlike lighter-go, which silently reduces out-of-range bytes, values
 * &ge; n and zero are rejected: such a string is a corrupted or wrong key, not one to guess at.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the public key.
 */
public final class LighterPrivateKey {

    public static final int BYTES = 40;

    private final EcGfp5Scalar scalar;
    private final byte[] publicKey;

    private LighterPrivateKey(EcGfp5Scalar scalar) {
        this.scalar = scalar;
        this.publicKey = EcGfp5.mulGenerator(scalar).encode();
    }

    /**
     * Parses 80 hex digits, with or without {@code 0x}.
     *
     * @throws LighterKeyException if malformed, of the wrong length, &ge; n or zero
     */
    public static LighterPrivateKey fromHex(String hex) {
        byte[] b = EcBytes.parseHexOrNull(hex);
        if (b == null) {
            throw new LighterKeyException("Lighter private key is not valid hex (expected 80 hex digits, optional 0x)");
        }
        try {
            return fromBytes(b);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /**
     * From 40 little-endian bytes (the array is not retained).
     *
     * @throws LighterKeyException if of the wrong length, &ge; n or zero
     */
    public static LighterPrivateKey fromBytes(byte[] le) {
        if (le == null || le.length != BYTES) {
            throw new LighterKeyException("Lighter private key must be " + BYTES + " bytes, got "
                    + (le == null ? "null" : le.length));
        }
        EcGfp5Scalar s = EcGfp5Scalar.tryFromCanonicalBytes(le);
        if (s == null) {
            throw new LighterKeyException("Lighter private key is out of range (not below the ECgFp5 group order)");
        }
        if (s.isZero()) {
            throw new LighterKeyException("Lighter private key is zero");
        }
        return new LighterPrivateKey(s);
    }

    /** A fresh random key (what {@code create_api_key} does), e.g. for the emulators' demo accounts. */
    public static LighterPrivateKey generate(java.security.SecureRandom rng) {
        return new LighterPrivateKey(EcGfp5Scalar.random(rng));
    }

    /** The key as 80 hex digits: for handing a generated demo key to a client. Never log it. */
    public String toHex() {
        return EcBytes.toHex(scalar.toLittleEndianBytes());
    }

    EcGfp5Scalar scalar() {
        return scalar;
    }

    /** The 40-byte public key (encoded point sk·G), a fresh copy. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Public key as lower-case hex without prefix. */
    public String publicKeyHex() {
        return EcBytes.toHex(publicKey);
    }

    @Override
    public String toString() {
        return "LighterPrivateKey[***, publicKey=" + publicKeyHex() + "]";
    }
}
