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

    /** Multiplies by the constant b = 263z: z * (a0..a4) shifts coefficients with z^5 = 3. */
    static QuinticExtension mulB(QuinticExtension a) {
        return mulBk(a, 1);
    }

    /** k·b·a for a small constant k, in one pass (k·263·3 stays far below p). */
    static QuinticExtension mulBk(QuinticExtension a, long k) {
        long kb = k * B1;
        return QuinticExtension.of(
                Goldilocks.mul(a.c4, 3 * kb), Goldilocks.mul(a.c0, kb), Goldilocks.mul(a.c1, kb),
                Goldilocks.mul(a.c2, kb), Goldilocks.mul(a.c3, kb));
    }

    private static QuinticExtension m(QuinticExtension a, QuinticExtension b) {
        return EcFieldOps.mul(a, b);
    }

    private static QuinticExtension sq(QuinticExtension a) {
        return EcFieldOps.square(a);
    }

    private static QuinticExtension fa(QuinticExtension a, QuinticExtension b) {
        return EcFieldOps.add(a, b);
    }

    private static QuinticExtension fs(QuinticExtension a, QuinticExtension b) {
        return EcFieldOps.sub(a, b);
    }

    static QuinticExtension dbl(QuinticExtension a) {
        return EcFieldOps.add(a, a);
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
        QuinticExtension t1 = m(x, q.x);
        QuinticExtension t2 = m(z, q.z);
        QuinticExtension t3 = m(u, q.u);
        QuinticExtension t4 = m(t, q.t);
        QuinticExtension t5 = fs(m(fa(x, z), fa(q.x, q.z)), fa(t1, t2));
        QuinticExtension t6 = fs(m(fa(u, t), fa(q.u, q.t)), fa(t3, t4));
        return finishAdd(t1, t2, t3, t4, t5, t6);
    }

    /** Mixed addition with an affine point (Z = T = 1), 8M. */
    EcGfp5 addAffine(QuinticExtension ax, QuinticExtension au) {
        QuinticExtension t1 = m(x, ax);
        QuinticExtension t3 = m(u, au);
        QuinticExtension t5 = fa(x, m(ax, z));
        QuinticExtension t6 = fa(u, m(au, t));
        return finishAdd(t1, z, t3, t, t5, t6);
    }

    private static EcGfp5 finishAdd(QuinticExtension t1, QuinticExtension t2, QuinticExtension t3,
                                    QuinticExtension t4, QuinticExtension t5, QuinticExtension t6) {
        QuinticExtension bt2 = mulB(t2);
        QuinticExtension t7 = fa(t1, bt2);
        QuinticExtension t8 = m(t4, t7);
        QuinticExtension t9 = m(t3, fa(dbl(mulB(t5)), dbl(t7)));
        QuinticExtension t10 = m(fa(t4, dbl(t3)), fa(t5, t7));
        return new EcGfp5(mulB(fs(t10, t8)), fs(t8, t9), m(t6, fs(bt2, t1)), fa(t8, t9));
    }

    public EcGfp5 doubled() {
        return mdouble(1);
    }

    /**
     * 2^n * this. Repeated doubling works on the curve isomorphic to ECgFp5 via (x, w) coordinates,
     * which costs 2M + 5S per extra doubling instead of 4M + 5S.
     */
    public EcGfp5 mdouble(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative doubling count");
        }
        if (n == 0) {
            return this;
        }
        // First doubling: into (X, W, Z) Jacobian-like coordinates.
        QuinticExtension t1 = m(z, t);
        QuinticExtension t2 = m(t1, t);
        QuinticExtension x1 = sq(t2);
        QuinticExtension z1 = m(t1, u);
        QuinticExtension w1 = fs(t2, m(dbl(fa(x, z)), sq(u)));
        if (n == 1) {
            QuinticExtension t4 = sq(z1);
            QuinticExtension nz = sq(w1);
            QuinticExtension nu = sq(fa(w1, z1)).sub(fa(t4, nz));
            QuinticExtension nt = dbl(x1).sub(t4.scalarMul(4).add(nz));
            return new EcGfp5(mulBk(t4, 4), nz, nu, nt);
        }
        QuinticExtension s4 = sq(w1);
        QuinticExtension s5 = sq(z1);
        QuinticExtension cx = mulBk(sq(s5), 16);
        QuinticExtension cw = dbl(x1).sub(s5.scalarMul(4).add(s4));
        QuinticExtension cz = fs(sq(fa(w1, z1)), fa(s4, s5));
        final long fourBMinus4 = Goldilocks.sub(0, 4); // (4b - 4) = -4 + 4*263 z
        for (int i = 2; i < n; i++) {
            QuinticExtension a1 = sq(cz);
            QuinticExtension a2 = sq(a1);
            QuinticExtension a3 = sq(cw);
            QuinticExtension a4 = sq(a3);
            QuinticExtension a5 = fs(sq(fa(cw, cz)), fa(a1, a3));
            cz = m(a5, fs(dbl(fa(cx, a1)), a3));
            cx = mulBk(m(a2, a4), 16);
            // w' = -(a4 + a2 * (4b - 4))
            QuinticExtension a2m = fa(mulBk(a2, 4), a2.scalarMul(fourBMinus4));
            cw = fa(a4, a2m).neg();
        }
        QuinticExtension b1 = sq(cw);
        QuinticExtension b2 = sq(cz);
        QuinticExtension b3 = fs(sq(fa(cw, cz)), fa(b1, b2));
        QuinticExtension wf = fs(b1, dbl(fa(cx, b2)));
        QuinticExtension nz = sq(wf);
        return new EcGfp5(mulB(sq(b3)), nz, m(b3, wf), fs(m(dbl(b1), fs(b1, dbl(b2))), nz));
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
        return m(u, q.t).equals(m(q.u, t));
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
