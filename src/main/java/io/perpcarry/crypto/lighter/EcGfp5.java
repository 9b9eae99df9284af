package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.QuinticExtension.ONE;
import static io.perpcarry.crypto.lighter.QuinticExtension.ZERO;

/**
 * A point of the ECgFp5 group (prime order n, so every decodable point is a valid group element and no
 * cofactor handling exists). Curve: y^2 = x(x^2 + a x + b) over GF(p^5), a = 2, b = 263z; the group law
 * is P (+) Q = P + Q + N with N = (0, 0) as neutral (Pornin, "EcGFp5", eprint 2022/274).
 *
 * <p>Immutable. Internally fractional (x, u) = (x, x/y) coordinates as (X:Z, U:T); the neutral has u = 0.
 * The canonical encoding is the single GF(p^5) element w = y/x = T/U (0 for the neutral).
 */
public final class EcGfp5 {

    /** Encoded size in bytes. */
    public static final int BYTES = 40;

    // Curve constants from poseidon_crypto curve/ecgfp5/point.go (A_ECgFp5Point, B1 = 263).
    static final QuinticExtension A = QuinticExtension.of(2, 0, 0, 0, 0);
    static final long B1 = 263;
    private static final QuinticExtension B_MUL4 = QuinticExtension.of(0, 4 * B1, 0, 0, 0);
    private static final long INV2 = (Goldilocks.P >>> 1) + 1; // (p + 1) / 2, p is "negative" as a long

    public static final EcGfp5 NEUTRAL = new EcGfp5(ZERO, ONE, ZERO, ONE);

    /** Generator, from poseidon_crypto curve/ecgfp5/point.go (GENERATOR_ECgFp5Point): x as given, u = 1/4. */
    public static final EcGfp5 GENERATOR = new EcGfp5(
            QuinticExtension.of(
                    Long.parseUnsignedLong("12883135586176881569"),
                    Long.parseUnsignedLong("4356519642755055268"),
                    Long.parseUnsignedLong("5248930565894896907"),
                    Long.parseUnsignedLong("2165973894480315022"),
                    Long.parseUnsignedLong("2448410071095648785")),
            ONE, ONE, QuinticExtension.of(4, 0, 0, 0, 0));

    final QuinticExtension x;
    final QuinticExtension z;
    final QuinticExtension u;
    final QuinticExtension t;

    EcGfp5(QuinticExtension x, QuinticExtension z, QuinticExtension u, QuinticExtension t) {
        this.x = x;
        this.z = z;
        this.u = u;
        this.t = t;
    }

    public boolean isNeutral() {
        return u.isZero();
    }

    /** Group negation: (x, u) -> (x, -u). */
    public EcGfp5 neg() {
        return new EcGfp5(x, z, u.neg(), t);
    }

    /** Complete addition (no special cases), 10M. */
    public EcGfp5 add(EcGfp5 q) {
        EcGfp5Acc acc = new EcGfp5Acc(this);
        acc.add(q);
        return acc.toPoint();
    }

    public EcGfp5 doubled() {
        return mdouble(1);
    }

    /** 2^n * this (see {@link EcGfp5Acc#mdouble}). */
    public EcGfp5 mdouble(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative doubling count");
        }
        if (n == 0) {
            return this;
        }
        EcGfp5Acc acc = new EcGfp5Acc(this);
        acc.mdouble(n);
        return acc.toPoint();
    }

    /** k·this (variable base; table access does not depend on k). */
    public EcGfp5 mul(EcGfp5Scalar k) {
        return EcGfp5Mult.mul(this, k);
    }

    /** k·G with the precomputed generator table (table access does not depend on k). */
    public static EcGfp5 mulGenerator(EcGfp5Scalar k) {
        return EcGfp5Mult.mulGenerator(k);
    }

    /** s·G + e·p in variable time: for signature verification only (all inputs public). */
    public static EcGfp5 mulGeneratorAdd(EcGfp5Scalar s, EcGfp5 p, EcGfp5Scalar e) {
        return EcGfp5Mult.mulAddGenerator(s, p, e);
    }

    /** The canonical encoding w = T/U (zero for the neutral) as a field element. */
    public QuinticExtension encodeElement() {
        return u.isZero() ? ZERO : t.mul(u.inverse());
    }

    /** 40-byte little-endian canonical encoding. */
    public byte[] encode() {
        return encodeElement().toLittleEndianBytes();
    }

    /**
     * Decodes a canonical encoding. Returns null if the bytes are not 40 bytes of canonical field limbs or
     * do not encode a group element.
     */
    public static EcGfp5 tryDecode(byte[] enc) {
        QuinticExtension w = tryCanonicalFp5(enc);
        return w == null ? null : tryDecode(w);
    }

    /** Decodes a field element w = y/x. */
    static EcGfp5 tryDecode(QuinticExtension w) {
        if (w.isZero()) {
            return NEUTRAL;
        }
        // With y = w x the curve equation becomes x^2 - (w^2 - a) x + b = 0. When solvable, exactly one
        // root is a non-square; that root is the x of the group element.
        QuinticExtension e = w.square().sub(A);
        QuinticExtension delta = e.square().sub(B_MUL4);
        QuinticExtension r = delta.sqrt();
        if (r == null) {
            return null;
        }
        QuinticExtension x1 = e.add(r).scalarMul(INV2);
        QuinticExtension xx = x1.legendre() == 1 ? e.sub(r).scalarMul(INV2) : x1;
        return new EcGfp5(xx, ONE, ONE, w);
    }

    /** Parses 40 little-endian bytes as five canonical limbs (each &lt; p); null otherwise. */
    static QuinticExtension tryCanonicalFp5(byte[] le) {
        if (le == null || le.length != BYTES) {
            return null;
        }
        long[] c = new long[5];
        for (int i = 0; i < 5; i++) {
            c[i] = EcBytes.readLongLe(le, 8 * i);
            if (Long.compareUnsigned(c[i], Goldilocks.P) >= 0) {
                return null;
            }
        }
        return QuinticExtension.of(c[0], c[1], c[2], c[3], c[4]);
    }

    /** Equality in the group (projective coordinates compared by cross-multiplication of w = T/U). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EcGfp5 q)) {
            return false;
        }
        return u.mul(q.t).equals(q.u.mul(t));
    }

    @Override
    public int hashCode() {
        return encodeElement().hashCode();
    }

    @Override
    public String toString() {
        return "EcGfp5[" + EcBytes.toHex(encode()) + "]";
    }
}
