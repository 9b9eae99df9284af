package io.perpcarry.crypto.lighter;

/**
 * Immutable element c0 + c1·x + c2·x^2 + c3·x^3 + c4·x^4 of GF(p^5) = GF(p)[x]/(x^5 - 3), p the
 * Goldilocks prime. Limbs are canonical Goldilocks values. Algorithms (Frobenius-based inverse,
 * Legendre symbol, square root and its sign convention) follow poseidon_crypto v0.0.15
 * field/goldilocks_quintic_extension/goldilocks_quintic_extension.go, so results are bit-identical.
 */
public final class QuinticExtension {
    /** Byte length of {@link #toLittleEndianBytes()}. */
    public static final int BYTES = 40;
    /** x^5 = W; FP5_W in goldilocks_quintic_extension.go. */
    static final long W = 3;
    /** A 5th root of unity, w^((p-1)/5); FP5_DTH_ROOT in goldilocks_quintic_extension.go. */
    static final long DTH_ROOT = 1041288259238279555L;

    public static final QuinticExtension ZERO = new QuinticExtension(0, 0, 0, 0, 0);
    public static final QuinticExtension ONE = new QuinticExtension(1, 0, 0, 0, 0);

    // FROB[k][i] = DTH_ROOT^(k*i): the Frobenius x -> x^(p^k) scales limb i by it.
    private static final long[][] FROB = new long[5][5];

    static {
        for (int k = 0; k < 5; k++) {
            long z = Goldilocks.pow(DTH_ROOT, k);
            long zi = 1;
            for (int i = 0; i < 5; i++) {
                FROB[k][i] = zi;
                zi = fm(zi, z);
            }
        }
    }

    public final long c0;
    public final long c1;
    public final long c2;
    public final long c3;
    public final long c4;

    private QuinticExtension(long c0, long c1, long c2, long c3, long c4) {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
        this.c3 = c3;
        this.c4 = c4;
    }

    /** Builds an element from any 64-bit limbs, reducing each one mod p. */
    public static QuinticExtension of(long c0, long c1, long c2, long c3, long c4) {
        return new QuinticExtension(Goldilocks.canonical(c0), Goldilocks.canonical(c1),
                Goldilocks.canonical(c2), Goldilocks.canonical(c3), Goldilocks.canonical(c4));
    }

    /** The base-field element {@code a} (any 64-bit value, reduced) embedded in GF(p^5). */
    public static QuinticExtension fromBase(long a) {
        return new QuinticExtension(Goldilocks.canonical(a), 0, 0, 0, 0);
    }

    /** Builds from exactly 5 limbs that must already be canonical; IllegalArgumentException otherwise. */
    public static QuinticExtension fromCanonicalLimbs(long[] limbs) {
        if (limbs == null || limbs.length != 5) {
            throw new IllegalArgumentException("expected 5 limbs, got " + (limbs == null ? "null" : limbs.length));
        }
        for (long l : limbs) {
            if (!Goldilocks.isCanonical(l)) {
                throw new IllegalArgumentException("non-canonical limb: " + Long.toUnsignedString(l));
            }
        }
        return new QuinticExtension(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4]);
    }

    /** Parses 5 × 8-byte little-endian limbs; rejects wrong lengths and non-canonical limbs. */
    public static QuinticExtension fromLittleEndianBytes(byte[] in) {
        if (in == null || in.length != BYTES) {
            throw new IllegalArgumentException("expected " + BYTES + " bytes, got " + (in == null ? "null" : in.length));
        }
        return new QuinticExtension(Goldilocks.fromLittleEndian(in, 0), Goldilocks.fromLittleEndian(in, 8),
                Goldilocks.fromLittleEndian(in, 16), Goldilocks.fromLittleEndian(in, 24),
                Goldilocks.fromLittleEndian(in, 32));
    }

    /** 40 bytes: c0..c4, each as 8 little-endian bytes. */
    public byte[] toLittleEndianBytes() {
        byte[] out = new byte[BYTES];
        Goldilocks.toLittleEndian(c0, out, 0);
        Goldilocks.toLittleEndian(c1, out, 8);
        Goldilocks.toLittleEndian(c2, out, 16);
        Goldilocks.toLittleEndian(c3, out, 24);
        Goldilocks.toLittleEndian(c4, out, 32);
        return out;
    }

    /** A fresh array {c0, c1, c2, c3, c4}. */
    public long[] limbs() {
        return new long[] {c0, c1, c2, c3, c4};
    }

    public boolean isZero() {
        return (c0 | c1 | c2 | c3 | c4) == 0;
    }

    public QuinticExtension add(QuinticExtension o) {
        return new QuinticExtension(Goldilocks.add(c0, o.c0), Goldilocks.add(c1, o.c1), Goldilocks.add(c2, o.c2),
                Goldilocks.add(c3, o.c3), Goldilocks.add(c4, o.c4));
    }

    public QuinticExtension sub(QuinticExtension o) {
        return new QuinticExtension(Goldilocks.sub(c0, o.c0), Goldilocks.sub(c1, o.c1), Goldilocks.sub(c2, o.c2),
                Goldilocks.sub(c3, o.c3), Goldilocks.sub(c4, o.c4));
    }

    public QuinticExtension neg() {
        return new QuinticExtension(Goldilocks.neg(c0), Goldilocks.neg(c1), Goldilocks.neg(c2),
                Goldilocks.neg(c3), Goldilocks.neg(c4));
    }

    public QuinticExtension scalarMul(long s) {
        long k = Goldilocks.canonical(s);
        return new QuinticExtension(fm(c0, k), fm(c1, k), fm(c2, k), fm(c3, k), fm(c4, k));
    }

    public QuinticExtension mul(QuinticExtension b) {
        long[] f = {c0, c1, c2, c3, c4, b.c0, b.c1, b.c2, b.c3, b.c4};
        mul(f, 0, 0, 5);
        return new QuinticExtension(f[0], f[1], f[2], f[3], f[4]);
    }

    public QuinticExtension square() {
        long[] f = {c0, c1, c2, c3, c4};
        square(f, 0, 0);
        return new QuinticExtension(f[0], f[1], f[2], f[3], f[4]);
    }

    // Workspace kernels, the one implementation of GF(p^5) multiply and square. Each operand is five
    // canonical limbs of f at its offset; the result may alias an operand. The curve's inner loops call
    // them directly so that no object is allocated per field operation.

    static void mul(long[] f, int r, int a, int b) {
        long a0 = f[a], a1 = f[a + 1], a2 = f[a + 2], a3 = f[a + 3], a4 = f[a + 4];
        long b0 = f[b], b1 = f[b + 1], b2 = f[b + 2], b3 = f[b + 3], b4 = f[b + 4];
        // Schoolbook product; terms of degree >= 5 fold back with x^5 = W, so they use W·b_j.
        long w1 = mulW(b1), w2 = mulW(b2), w3 = mulW(b3), w4 = mulW(b4);
        f[r] = DotProduct.dot5(a0, b0, a1, w4, a2, w3, a3, w2, a4, w1);
        f[r + 1] = DotProduct.dot5(a0, b1, a1, b0, a2, w4, a3, w3, a4, w2);
        f[r + 2] = DotProduct.dot5(a0, b2, a1, b1, a2, b0, a3, w4, a4, w3);
        f[r + 3] = DotProduct.dot5(a0, b3, a1, b2, a2, b1, a3, b0, a4, w4);
        f[r + 4] = DotProduct.dot5(a0, b4, a1, b3, a2, b2, a3, b1, a4, b0);
    }

    static void square(long[] f, int r, int a) {
        long a0 = f[a], a1 = f[a + 1], a2 = f[a + 2], a3 = f[a + 3], a4 = f[a + 4];
        long d0 = fa(a0, a0), d1 = fa(a1, a1);
        long w3 = mulW(a3), w4 = mulW(a4);
        long w3x2 = fa(w3, w3), w4x2 = fa(w4, w4);
        f[r] = DotProduct.dot3(a0, a0, a1, w4x2, a2, w3x2);
        f[r + 1] = DotProduct.dot3(d0, a1, a2, w4x2, a3, w3);
        f[r + 2] = DotProduct.dot3(d0, a2, a1, a1, a4, w3x2);
        f[r + 3] = DotProduct.dot3(d0, a3, d1, a2, a4, w4);
        f[r + 4] = DotProduct.dot3(d0, a4, d1, a3, a2, a2);
    }

    static void add(long[] f, int r, int a, int b) {
        for (int i = 0; i < 5; i++) {
            f[r + i] = Goldilocks.add(f[a + i], f[b + i]);
        }
    }

    static void sub(long[] f, int r, int a, int b) {
        for (int i = 0; i < 5; i++) {
            f[r + i] = Goldilocks.sub(f[a + i], f[b + i]);
        }
    }

    static void neg(long[] f, int r, int a) {
        for (int i = 0; i < 5; i++) {
            f[r + i] = Goldilocks.neg(f[a + i]);
        }
    }

    private static long fm(long a, long b) {
        return Goldilocks.mul(a, b);
    }

    private static long fa(long a, long b) {
        return Goldilocks.add(a, b);
    }

    private static long mulW(long a) {
        return fa(fa(a, a), a);
    }

    /** x^(2^n). */
    public QuinticExtension expPowerOf2(int n) {
        QuinticExtension r = this;
        for (int i = 0; i < n; i++) {
            r = r.square();
        }
        return r;
    }

    /** x^(p^count), count taken mod 5. */
    public QuinticExtension repeatedFrobenius(int count) {
        int k = Math.floorMod(count, 5);
        if (k == 0) {
            return this;
        }
        long[] f = FROB[k];
        return new QuinticExtension(c0, fm(c1, f[1]), fm(c2, f[2]), fm(c3, f[3]), fm(c4, f[4]));
    }

    public QuinticExtension frobenius() {
        return repeatedFrobenius(1);
    }

    /** Inverse, or ZERO for ZERO (poseidon_crypto's InverseOrZero). */
    public QuinticExtension inverseOrZero() {
        if (isZero()) {
            return ZERO;
        }
        // f = x^(p + p^2 + p^3 + p^4), so x·f = N(x) lies in GF(p) and 1/x = f / N(x).
        QuinticExtension d = frobenius();
        QuinticExtension e = d.mul(d.frobenius());
        QuinticExtension f = e.mul(e.repeatedFrobenius(2));
        return f.scalarMul(Goldilocks.inverse(normTimes(f)));
    }

    /** The c0 limb of this·f, i.e. the norm when f = x^(p+p^2+p^3+p^4). */
    private long normTimes(QuinticExtension f) {
        return fa(fm(c0, f.c0), mulW(fa(fa(fm(c1, f.c4), fm(c2, f.c3)), fa(fm(c3, f.c2), fm(c4, f.c1)))));
    }

    /** Multiplicative inverse; ArithmeticException for zero. */
    public QuinticExtension inverse() {
        if (isZero()) {
            throw new ArithmeticException("inverse of zero in GF(p^5)");
        }
        return inverseOrZero();
    }

    /** this / b; ArithmeticException when b is zero. */
    public QuinticExtension div(QuinticExtension b) {
        return mul(b.inverse());
    }

    /**
     * Legendre symbol as a base-field element: 0 for zero, 1 for a non-zero square, p - 1 otherwise
     * (poseidon_crypto's Legendre: the norm raised to (p-1)/2 = 2^63 - 2^31).
     */
    public long legendre() {
        QuinticExtension f1 = frobenius();
        QuinticExtension f2 = f1.frobenius();
        QuinticExtension f12 = f1.mul(f2);
        long norm = this.mul(f12).mul(f12.repeatedFrobenius(2)).c0;
        long xr31 = Goldilocks.expPowerOf2(norm, 31);
        long xr63 = Goldilocks.expPowerOf2(xr31, 32);
        return Goldilocks.mul(xr63, Goldilocks.inverseOrZero(xr31));
    }

    /**
     * A square root, or null when there is none; the same root poseidon_crypto's Sqrt returns.
     * sqrt(ZERO) = ZERO.
     */
    public QuinticExtension sqrt() {
        QuinticExtension v = expPowerOf2(31);
        QuinticExtension d = this.mul(v.expPowerOf2(32)).mul(v.inverseOrZero());
        QuinticExtension e = d.mul(d.repeatedFrobenius(2)).frobenius();
        QuinticExtension f = e.square();
        // g = (x·f).c0, an element of GF(p) whose base-field root gives the root of x.
        long g = normTimes(f);
        Long s = Goldilocks.sqrt(g);
        if (s == null) {
            return null;
        }
        return e.inverseOrZero().scalarMul(s);
    }

    /**
     * poseidon_crypto's Sgn0, kept bit-for-bit: true when some limb up to and including the first
     * non-zero one is even (so also for ZERO and whenever c0 = 0). Picks the canonical square root.
     */
    public boolean sgn0() {
        boolean sign = false;
        boolean zero = true;
        for (long limb : new long[] {c0, c1, c2, c3, c4}) {
            boolean signI = (limb & 1) == 0;
            sign = sign || (zero && signI);
            zero = zero && limb == 0;
        }
        return sign;
    }

    /** The root from {@link #sqrt()}, negated when {@link #sgn0()} holds (poseidon_crypto CanonicalSqrt). */
    public QuinticExtension canonicalSqrt() {
        QuinticExtension r = sqrt();
        if (r == null) {
            return null;
        }
        return r.sgn0() ? r.neg() : r;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QuinticExtension q)) {
            return false;
        }
        return c0 == q.c0 && c1 == q.c1 && c2 == q.c2 && c3 == q.c3 && c4 == q.c4;
    }

    @Override
    public int hashCode() {
        long h = c0;
        h = h * 31 + c1;
        h = h * 31 + c2;
        h = h * 31 + c3;
        h = h * 31 + c4;
        return Long.hashCode(h);
    }

    @Override
    public String toString() {
        return "[" + Long.toUnsignedString(c0) + ", " + Long.toUnsignedString(c1) + ", " + Long.toUnsignedString(c2)
                + ", " + Long.toUnsignedString(c3) + ", " + Long.toUnsignedString(c4) + "]";
    }
}
