package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.QuinticExtension.mul;
import static io.perpcarry.crypto.lighter.QuinticExtension.neg;
import static io.perpcarry.crypto.lighter.QuinticExtension.square;
import static io.perpcarry.crypto.lighter.QuinticExtension.sub;

/**
 * A mutable ECgFp5 point in (X:Z, U:T) coordinates plus scratch space: the single implementation of the
 * group law. Scalar multiplications run thousands of field operations; with one object per operation a
 * verification allocated about 0.5 MB (most of which escape analysis could not remove), here everything
 * stays in one long[]. The immutable {@link EcGfp5} delegates to this class. Not thread-safe.
 */
final class EcGfp5Acc {
    // Offsets of GF(p^5) slots in f: the point, an operand point (or affine entry), then temporaries.
    private static final int X = 0, Z = 5, U = 10, T = 15;
    private static final int QX = 20, QZ = 25, QU = 30, QT = 35;
    private static final int A = 40, B = 45, C = 50, D = 55, E = 60, F = 65, G = 70, H = 75;
    private static final long B1 = EcGfp5.B1;

    private final long[] f = new long[80];

    EcGfp5Acc(EcGfp5 p) {
        set(p);
    }

    void set(EcGfp5 p) {
        put(X, p.x);
        put(Z, p.z);
        put(U, p.u);
        put(T, p.t);
    }

    /** Sets this to the affine point whose (x, u) are the ten limbs of tbl at off. */
    void setAffine(long[] tbl, int off) {
        System.arraycopy(tbl, off, f, X, 5);
        System.arraycopy(tbl, off + 5, f, U, 5);
        java.util.Arrays.fill(f, Z, Z + 5, 0L);
        java.util.Arrays.fill(f, T, T + 5, 0L);
        f[Z] = 1;
        f[T] = 1;
    }

    EcGfp5 toPoint() {
        return new EcGfp5(get(X), get(Z), get(U), get(T));
    }

    /** this += q (complete formulas, 10M). */
    void add(EcGfp5 q) {
        put(QX, q.x);
        put(QZ, q.z);
        put(QU, q.u);
        put(QT, q.t);
        mul(f, A, X, QX);                           // t1
        mul(f, B, Z, QZ);                           // t2
        mul(f, C, U, QU);                           // t3
        mul(f, D, T, QT);                           // t4
        QuinticExtension.add(f, E, X, Z);
        QuinticExtension.add(f, F, QX, QZ);
        mul(f, E, E, F);
        QuinticExtension.add(f, F, A, B);
        sub(f, E, E, F);                            // t5 = (x1 + z1)(x2 + z2) - t1 - t2
        QuinticExtension.add(f, F, U, T);
        QuinticExtension.add(f, G, QU, QT);
        mul(f, F, F, G);
        QuinticExtension.add(f, G, C, D);
        sub(f, F, F, G);                            // t6 = (u1 + t1)(u2 + t2) - t3 - t4
        finishAdd(A, B, C, D, E, F);
    }

    /**
     * this += (x, ±u), the affine entry at off in tbl (mixed addition, 8M). The neutral (0, 0) is a valid
     * entry: the formulas are complete.
     */
    void addAffine(long[] tbl, int off, boolean negate) {
        System.arraycopy(tbl, off, f, QX, 5);
        System.arraycopy(tbl, off + 5, f, QU, 5);
        if (negate) {
            neg(f, QU, QU);
        }
        mul(f, A, X, QX);                           // t1
        mul(f, C, U, QU);                           // t3
        mul(f, E, QX, Z);
        QuinticExtension.add(f, E, E, X);           // t5 = x1 + x2 z1
        mul(f, F, QU, T);
        QuinticExtension.add(f, F, F, U);           // t6 = u1 + u2 t1
        finishAdd(A, Z, C, T, E, F);
    }

    /** Common tail of the additions; t2 and t4 may be the Z and T slots themselves. */
    private void finishAdd(int t1, int t2, int t3, int t4, int t5, int t6) {
        mulB(G, t2, 1);                             // b t2
        QuinticExtension.add(f, H, t1, G);          // t7
        mulB(QX, t5, 2);
        QuinticExtension.add(f, QX, QX, H);
        QuinticExtension.add(f, QX, QX, H);         // 2 b t5 + 2 t7
        mul(f, QX, t3, QX);                         // t9
        QuinticExtension.add(f, QZ, t3, t3);
        QuinticExtension.add(f, QZ, QZ, t4);
        QuinticExtension.add(f, QU, t5, H);
        mul(f, QZ, QZ, QU);                         // t10 = (t4 + 2 t3)(t5 + t7)
        mul(f, H, t4, H);                           // t8
        sub(f, G, G, t1);
        mul(f, U, t6, G);                           // u3 = t6 (b t2 - t1)
        sub(f, QZ, QZ, H);
        mulB(X, QZ, 1);                             // x3 = b (t10 - t8)
        sub(f, Z, H, QX);                           // z3 = t8 - t9
        QuinticExtension.add(f, T, H, QX);          // t3 = t8 + t9
    }

    /**
     * this = 2^n · this. Repeated doubling works on the curve isomorphic to ECgFp5 via (x, w) coordinates,
     * which costs 2M + 5S per extra doubling instead of 4M + 5S.
     */
    void mdouble(int n) {
        if (n <= 0) {
            return;
        }
        doubleStart();
        if (n == 1) {
            square(f, F, D);                        // t4
            square(f, Z, E);                        // z' = w1^2
            QuinticExtension.add(f, G, E, D);
            square(f, U, G);
            QuinticExtension.add(f, G, F, Z);
            sub(f, U, U, G);                        // u' = (w1 + z1)^2 - t4 - z'
            add4Plus(G, F, Z);
            QuinticExtension.add(f, T, C, C);
            sub(f, T, T, G);                        // t' = 2 x1 - (4 t4 + z')
            mulB(X, F, 4);                          // x' = 4 b t4
            return;
        }
        // cx = QX, cw = QZ, cz = QU.
        square(f, G, E);                            // s4
        square(f, H, D);                            // s5
        square(f, QX, H);
        mulB(QX, QX, 16);
        add4Plus(F, H, G);
        QuinticExtension.add(f, QZ, C, C);
        sub(f, QZ, QZ, F);
        QuinticExtension.add(f, QU, E, D);
        square(f, QU, QU);
        QuinticExtension.add(f, F, G, H);
        sub(f, QU, QU, F);
        for (int i = 2; i < n; i++) {
            doubleStep();
        }
        doubleFinish();
    }

    // The stages of mdouble, split for readability (one formula block each).

    /** First doubling, into (X, W, Z) Jacobian-like coordinates: A = t1, B = t2, C = x1, D = z1, E = w1. */
    private void doubleStart() {
        mul(f, A, Z, T);
        mul(f, B, A, T);
        square(f, C, B);
        mul(f, D, A, U);
        QuinticExtension.add(f, E, X, Z);
        QuinticExtension.add(f, E, E, E);
        square(f, F, U);
        mul(f, E, E, F);
        sub(f, E, B, E);
    }

    /** One doubling in (x, w) coordinates: cx = QX, cw = QZ, cz = QU. */
    private void doubleStep() {
        square(f, A, QU);                       // a1
        square(f, B, A);                        // a2
        square(f, C, QZ);                       // a3
        square(f, D, C);                        // a4
        QuinticExtension.add(f, E, QZ, QU);
        square(f, E, E);
        QuinticExtension.add(f, F, A, C);
        sub(f, E, E, F);                        // a5
        QuinticExtension.add(f, F, QX, A);
        QuinticExtension.add(f, F, F, F);
        sub(f, F, F, C);
        mul(f, QU, E, F);                       // cz = a5 (2 (cx + a1) - a3)
        mul(f, QX, B, D);
        mulB(QX, QX, 16);                       // cx = 16 b a2 a4
        mulB(E, B, 4);
        QuinticExtension.add(f, F, B, B);
        QuinticExtension.add(f, F, F, F);
        sub(f, E, E, F);
        QuinticExtension.add(f, E, E, D);
        neg(f, QZ, E);                          // cw = -(a4 + 4b a2 - 4 a2)
    }

    /** Back from (x, w) coordinates to (X:Z, U:T), doubling once more on the way. */
    private void doubleFinish() {
        square(f, A, QZ);                           // b1
        square(f, B, QU);                           // b2
        QuinticExtension.add(f, C, QZ, QU);
        square(f, C, C);
        QuinticExtension.add(f, D, A, B);
        sub(f, C, C, D);                            // b3
        QuinticExtension.add(f, D, QX, B);
        QuinticExtension.add(f, D, D, D);
        sub(f, D, A, D);                            // wf = b1 - 2 (cx + b2)
        square(f, Z, D);                            // z' = wf^2
        mul(f, U, C, D);                            // u' = b3 wf
        square(f, X, C);
        mulB(X, X, 1);                              // x' = b b3^2
        QuinticExtension.add(f, E, B, B);
        sub(f, E, A, E);
        QuinticExtension.add(f, F, A, A);
        mul(f, E, F, E);
        sub(f, T, E, Z);                            // t' = 2 b1 (b1 - 2 b2) - z'
    }

    /** r = 4a + b. */
    private void add4Plus(int r, int a, int b) {
        QuinticExtension.add(f, r, a, a);
        QuinticExtension.add(f, r, r, r);
        QuinticExtension.add(f, r, r, b);
    }

    /** r = k·b·a with b = 263z: multiplying by z shifts limbs, z^5 = 3 (k·263·3 is far below p). */
    private void mulB(int r, int a, long k) {
        long kb = k * B1;
        long a0 = f[a], a1 = f[a + 1], a2 = f[a + 2], a3 = f[a + 3], a4 = f[a + 4];
        f[r] = Goldilocks.mul(a4, 3 * kb);
        f[r + 1] = Goldilocks.mul(a0, kb);
        f[r + 2] = Goldilocks.mul(a1, kb);
        f[r + 3] = Goldilocks.mul(a2, kb);
        f[r + 4] = Goldilocks.mul(a3, kb);
    }

    private void put(int off, QuinticExtension v) {
        f[off] = v.c0;
        f[off + 1] = v.c1;
        f[off + 2] = v.c2;
        f[off + 3] = v.c3;
        f[off + 4] = v.c4;
    }

    private QuinticExtension get(int off) {
        return QuinticExtension.of(f[off], f[off + 1], f[off + 2], f[off + 3], f[off + 4]);
    }
}
