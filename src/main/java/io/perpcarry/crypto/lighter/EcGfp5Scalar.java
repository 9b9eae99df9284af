package io.perpcarry.crypto.lighter;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An element of the scalar field of ECgFp5: integers modulo the prime group order n (~2^319).
 *
 * <p>Immutable, always canonical (in [0, n)). Stored as five little-endian 64-bit limbs, which is also the
 * 40-byte wire encoding used in signatures and private keys. Scalar arithmetic happens a handful of times
 * per signature, so it goes through {@link BigInteger}; only recoding (used by the point multiplications)
 * works on the limbs directly.
 */
public final class EcGfp5Scalar {

    /** Encoded size in bytes. */
    public static final int BYTES = 40;

    /** Group order n; value from poseidon_crypto {@code curve/ecgfp5/scalar_field.go} (ORDER). */
    static final BigInteger ORDER = new BigInteger(
            "1067993516717146951041484916571792702745057740581727230159139685185762082554198619328292418486241");

    public static final EcGfp5Scalar ZERO = new EcGfp5Scalar(new long[5]);
    public static final EcGfp5Scalar ONE = new EcGfp5Scalar(new long[] {1, 0, 0, 0, 0});

    private final long[] limbs;

    private EcGfp5Scalar(long[] limbs) {
        this.limbs = limbs;
    }

    /** Reduces any non-negative or negative integer modulo n. */
    public static EcGfp5Scalar reduce(BigInteger v) {
        return fromCanonicalBig(v.mod(ORDER));
    }

    /**
     * Decodes 40 little-endian bytes that must already be canonical (&lt; n).
     *
     * @throws IllegalArgumentException if the length is wrong or the value is &ge; n (the message never
     *                                  contains the bytes: callers pass private keys through here)
     */
    public static EcGfp5Scalar fromCanonicalBytes(byte[] le) {
        EcGfp5Scalar s = tryFromCanonicalBytes(le);
        if (s == null) {
            throw new IllegalArgumentException("scalar is not a canonical 40-byte value below the group order");
        }
        return s;
    }

    /** Like {@link #fromCanonicalBytes} but returns null instead of throwing (for verifiers). */
    static EcGfp5Scalar tryFromCanonicalBytes(byte[] le) {
        if (le == null || le.length != BYTES) {
            return null;
        }
        return tryFromCanonicalBytes(le, 0);
    }

    /** Decodes 40 bytes at {@code off}; null if the value is &ge; n. */
    static EcGfp5Scalar tryFromCanonicalBytes(byte[] buf, int off) {
        long[] l = new long[5];
        for (int i = 0; i < 5; i++) {
            l[i] = EcBytes.readLongLe(buf, off + 8 * i);
        }
        EcGfp5Scalar s = new EcGfp5Scalar(l);
        return s.toBigInteger().compareTo(ORDER) < 0 ? s : null;
    }

    /**
     * Maps a 320-bit value given as five 64-bit little-endian limbs (e.g. the canonical coefficients of a
     * GF(p^5) hash output) into the field by reduction modulo n, as the Schnorr challenge requires.
     */
    public static EcGfp5Scalar reduceLimbs(long l0, long l1, long l2, long l3, long l4) {
        return reduce(limbsToBig(new long[] {l0, l1, l2, l3, l4}));
    }

    /** A uniformly random scalar in [1, n): zero is excluded so nonces and keys are never trivial. */
    public static EcGfp5Scalar random(SecureRandom rng) {
        byte[] buf = new byte[BYTES];
        while (true) {
            rng.nextBytes(buf);
            buf[BYTES - 1] &= 0x7F; // n < 2^319: rejection on 319 bits accepts with probability > 1/2
            EcGfp5Scalar s = tryFromCanonicalBytes(buf, 0);
            if (s != null && !s.isZero()) {
                Arrays.fill(buf, (byte) 0);
                return s;
            }
        }
    }

    public EcGfp5Scalar add(EcGfp5Scalar o) {
        return fromCanonicalBig(toBigInteger().add(o.toBigInteger()).mod(ORDER));
    }

    public EcGfp5Scalar sub(EcGfp5Scalar o) {
        return fromCanonicalBig(toBigInteger().subtract(o.toBigInteger()).mod(ORDER));
    }

    public EcGfp5Scalar mul(EcGfp5Scalar o) {
        return fromCanonicalBig(toBigInteger().multiply(o.toBigInteger()).mod(ORDER));
    }

    public EcGfp5Scalar neg() {
        return fromCanonicalBig(toBigInteger().negate().mod(ORDER));
    }

    public boolean isZero() {
        return (limbs[0] | limbs[1] | limbs[2] | limbs[3] | limbs[4]) == 0;
    }

    public BigInteger toBigInteger() {
        return limbsToBig(limbs);
    }

    /** 40 bytes, little-endian. */
    public byte[] toLittleEndianBytes() {
        byte[] out = new byte[BYTES];
        for (int i = 0; i < 5; i++) {
            EcBytes.writeLongLe(out, 8 * i, limbs[i]);
        }
        return out;
    }

    /**
     * Signed fixed-window recoding: returns d with value = sum d[i] * 2^(w*i) and every d[i] in
     * [-(2^(w-1) - 1), 2^(w-1)], so a table of 2^(w-1) positive multiples plus negation covers each digit.
     * The output has ceil(320 / w) digits; as n &lt; 2^319 the final carry is always absorbed.
     */
    int[] recodeSigned(int w) {
        if (w < 2 || w > 10) {
            throw new IllegalArgumentException("window width must be in [2, 10]: " + w);
        }
        int count = (320 + w - 1) / w;
        int[] d = new int[count];
        int half = 1 << (w - 1);
        int mask = (1 << w) - 1;
        int carry = 0;
        for (int i = 0; i < count; i++) {
            int v = bits(i * w, w) & mask;
            v += carry;
            // Branch-free: digits above half become negative and push a carry upwards.
            carry = (half - v) >>> 31;
            d[i] = v - (carry << w);
        }
        if (carry != 0) {
            throw new IllegalStateException("recoding overflow"); // unreachable for canonical scalars
        }
        return d;
    }

    /**
     * Width-w NAF (variable time, for public scalars): d[i] is zero or odd with |d[i]| &lt; 2^(w-1), at most one
     * non-zero digit in any w consecutive positions, and value = sum d[i] * 2^i. 321 digits.
     */
    int[] recodeWnaf(int w) {
        if (w < 2 || w > 30) {
            throw new IllegalArgumentException("window width must be in [2, 30]: " + w);
        }
        int len = 321;
        int[] d = new int[len];
        int carry = 0;
        int bit = 0;
        while (bit < len) {
            if (bits(bit, 1) == carry) {
                bit++;
                continue;
            }
            int now = Math.min(w, len - bit);
            int word = bits(bit, now) + carry;
            carry = (word >> (w - 1)) & 1;
            word -= carry << w;
            d[bit] = word;
            bit += now;
        }
        return d; // n < 2^319, so the last carry is absorbed well before bit 321
    }

    /** Up to 31 bits starting at bit {@code pos} (bits beyond 320 read as zero). */
    private int bits(int pos, int len) {
        int li = pos >>> 6;
        int sh = pos & 63;
        if (li >= 5) {
            return 0;
        }
        long v = limbs[li] >>> sh;
        if (sh + len > 64 && li + 1 < 5) {
            v |= limbs[li + 1] << (64 - sh);
        }
        return (int) (v & ((1L << len) - 1));
    }

    private static EcGfp5Scalar fromCanonicalBig(BigInteger v) {
        long[] l = new long[5];
        BigInteger x = v;
        for (int i = 0; i < 5; i++) {
            l[i] = x.longValue();
            x = x.shiftRight(64);
        }
        return new EcGfp5Scalar(l);
    }

    private static BigInteger limbsToBig(long[] l) {
        byte[] be = new byte[BYTES + 1]; // leading zero byte keeps the value positive
        for (int i = 0; i < 5; i++) {
            long v = l[i];
            for (int j = 0; j < 8; j++) {
                be[BYTES - (8 * i + j)] = (byte) (v >>> (8 * j));
            }
        }
        return new BigInteger(be);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcGfp5Scalar s && Arrays.equals(limbs, s.limbs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }

    /** Masked: scalars are often secret (keys, nonces). */
    @Override
    public String toString() {
        return "EcGfp5Scalar[***]";
    }
}
