package io.perpcarry.crypto.lighter;

/**
 * Scalar multiplications on ECgFp5 over affine tables: signed 5-bit windows for signing (constant-time
 * lookups); for verification, wNAF Straus under a new key and comb tables (additions only) under a cached one.
 *
 * <p>Tables are flat {@code long[]}: entry j holds the affine (x, u) of (j+1)·B as ten canonical limbs (of
 * (2j+1)·B for the wNAF odd-multiple tables).
 * Lookups with secret digits (signing, key derivation) read every entry and select with masks, so the
 * memory access pattern does not depend on the digit; verification uses direct indexing (public data).
 */
final class EcGfp5Mult {
    static final int WINDOW = 5;
    static final int DIGITS = (320 + WINDOW - 1) / WINDOW; // 64
    static final int WIN_SIZE = 1 << (WINDOW - 1);          // 16 multiples per window
    private static final int ENTRY = 10;

    static final int WNAF_P = 5; // 8 odd multiples, built per verification
    static final int WNAF_G = 10; // 256 odd multiples of G (20 KB), built once

    private EcGfp5Mult() {
    }

    private static final class GeneratorOddMultiples {
        static final long[] TABLE = oddMultiples(EcGfp5.GENERATOR, WNAF_G);
    }

    /** Fixed-base comb table for G, built once, lazily (a few ms). */
    private static final class GeneratorTable {
        static final long[][] ROWS = combRows(EcGfp5.GENERATOR, WINDOW);
    }

    /** Wider comb for G on the cached-key verification path (public digits): 40 additions instead of 64. */
    static final int COMB_G = 8;

    private static final class GeneratorWideTable {
        static final long[][] ROWS = combRows(EcGfp5.GENERATOR, COMB_G); // 410 KB, built once
    }

    /**
     * Comb table of width w for base B: row i holds the affine (1..2^(w-1))·2^(wi)·B, so k·B needs
     * ceil(320 / w) additions and no doublings. For w = 5: 80 KB, about five verifications to build.
     */
    static long[][] combRows(EcGfp5 b, int w) {
        int digits = (320 + w - 1) / w;
        int size = 1 << (w - 1);
        EcGfp5[] all = new EcGfp5[digits * size];
        EcGfp5 base = b;
        for (int i = 0; i < digits; i++) {
            fillMultiples(base, all, i * size, size);
            base = base.mdouble(w);
        }
        long[] flat = toAffine(all);
        long[][] rows = new long[digits][];
        for (int i = 0; i < digits; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * size * ENTRY, (i + 1) * size * ENTRY);
        }
        return rows;
    }

    /** k·G via the comb table: 64 mixed additions, no doublings; constant-time table access. */
    static EcGfp5 mulGenerator(EcGfp5Scalar k) {
        int[] d = k.recodeSigned(WINDOW);
        long[][] rows = GeneratorTable.ROWS;
        long[] buf = new long[ENTRY];
        lookupCt(rows[0], d[0], buf);
        EcGfp5Acc r = new EcGfp5Acc(EcGfp5.NEUTRAL);
        r.setAffine(buf, 0);
        for (int i = 1; i < DIGITS; i++) {
            lookupCt(rows[i], d[i], buf);
            r.addAffine(buf, 0, false);
        }
        return r.toPoint();
    }

    /** k·P, fixed window over a per-call affine table; constant-time table access. */
    static EcGfp5 mul(EcGfp5 p, EcGfp5Scalar k) {
        long[] win = window(p);
        int[] d = k.recodeSigned(WINDOW);
        long[] buf = new long[ENTRY];
        lookupCt(win, d[DIGITS - 1], buf);
        EcGfp5Acc r = new EcGfp5Acc(EcGfp5.NEUTRAL);
        r.setAffine(buf, 0);
        for (int i = DIGITS - 2; i >= 0; i--) {
            lookupCt(win, d[i], buf);
            r.mdouble(WINDOW);
            r.addAffine(buf, 0, false);
        }
        return r.toPoint();
    }

    /**
     * s·G + e·P (Straus: one shared doubling chain, wNAF digits; about 53 additions for P and 29 for G
     * against 64 + 64 with fixed windows). Variable time: only for verification, where inputs are public.
     */
    static EcGfp5 mulAddGenerator(EcGfp5Scalar s, EcGfp5 p, EcGfp5Scalar e) {
        long[] gOdd = GeneratorOddMultiples.TABLE;
        long[] pOdd = oddMultiples(p, WNAF_P);
        int[] ds = s.recodeWnaf(WNAF_G);
        int[] de = e.recodeWnaf(WNAF_P);
        EcGfp5Acc r = new EcGfp5Acc(EcGfp5.NEUTRAL);
        int pending = 0; // doublings owed; batched because mdouble(n) is cheaper per doubling
        for (int i = ds.length - 1; i >= 0; i--) {
            if (ds[i] != 0 || de[i] != 0) {
                r.mdouble(pending);
                pending = 0;
                addOddDigit(r, pOdd, de[i]);
                addOddDigit(r, gOdd, ds[i]);
            }
            pending++;
        }
        r.mdouble(pending - 1);
        return r.toPoint();
    }

    private static void addOddDigit(EcGfp5Acc r, long[] odd, int digit) {
        if (digit != 0) {
            r.addAffine(odd, (Math.abs(digit) >> 1) * ENTRY, digit < 0);
        }
    }

    /** Affine odd multiples 1·P, 3·P, ..., (2^(w-1) - 1)·P for wNAF digits of width w. */
    static long[] oddMultiples(EcGfp5 p, int w) {
        EcGfp5[] m = new EcGfp5[1 << (w - 2)];
        m[0] = p;
        EcGfp5 twice = p.doubled();
        for (int j = 1; j < m.length; j++) {
            m[j] = m[j - 1].add(twice);
        }
        return toAffine(m);
    }

    /** s·G + e·P with a width-5 comb table for P ({@link #combRows}): additions only. Variable time. */
    static EcGfp5 mulAddGeneratorComb(EcGfp5Scalar s, long[][] pRows, EcGfp5Scalar e) {
        long[][] gRows = GeneratorWideTable.ROWS;
        int[] ds = s.recodeSigned(COMB_G);
        int[] de = e.recodeSigned(WINDOW);
        EcGfp5Acc r = new EcGfp5Acc(EcGfp5.NEUTRAL);
        for (int i = 0; i < de.length; i++) {
            addDigitVarTime(r, pRows[i], de[i]);
        }
        for (int i = 0; i < ds.length; i++) {
            addDigitVarTime(r, gRows[i], ds[i]);
        }
        return r.toPoint();
    }

    private static void addDigitVarTime(EcGfp5Acc r, long[] win, int digit) {
        if (digit != 0) {
            r.addAffine(win, (Math.abs(digit) - 1) * ENTRY, digit < 0);
        }
    }

    /** Affine multiples (1..16)·P. */
    private static long[] window(EcGfp5 p) {
        EcGfp5[] m = new EcGfp5[WIN_SIZE];
        fillMultiples(p, m, 0, WIN_SIZE);
        return toAffine(m);
    }

    /** (1..count)·P into out[off..]. */
    private static void fillMultiples(EcGfp5 p, EcGfp5[] out, int off, int count) {
        out[off] = p;
        for (int j = 1; j < count; j++) {
            // (j+1)·P: even multiples by doubling (cheaper), odd ones by adding P.
            int m = j + 1;
            out[off + j] = (m & 1) == 0 ? out[off + m / 2 - 1].doubled() : out[off + j - 1].add(p);
        }
    }

    /**
     * Converts points to affine (x = X/Z, u = U/T) with one inversion (Montgomery's trick). Z and T are
     * never zero for points of the group, including the neutral (0:1, 0:1).
     */
    static long[] toAffine(EcGfp5[] pts) {
        int n = pts.length;
        QuinticExtension[] den = new QuinticExtension[2 * n];
        for (int i = 0; i < n; i++) {
            den[2 * i] = pts[i].z;
            den[2 * i + 1] = pts[i].t;
        }
        QuinticExtension[] prefix = new QuinticExtension[2 * n];
        QuinticExtension acc = QuinticExtension.ONE;
        for (int i = 0; i < den.length; i++) {
            prefix[i] = acc;
            acc = acc.mul(den[i]);
        }
        if (acc.isZero()) {
            throw new IllegalStateException("zero denominator in affine conversion");
        }
        QuinticExtension inv = acc.inverse();
        long[] out = new long[n * ENTRY];
        for (int i = den.length - 1; i >= 0; i--) {
            QuinticExtension invI = inv.mul(prefix[i]); // 1/den[i]
            inv = inv.mul(den[i]);
            EcGfp5 p = pts[i / 2];
            QuinticExtension v = (i & 1) == 0 ? p.x.mul(invI) : p.u.mul(invI);
            put(out, (i / 2) * ENTRY + ((i & 1) == 0 ? 0 : 5), v);
        }
        return out;
    }

    /**
     * Writes digit·B (affine) into buf, reading every table entry; a zero digit yields the affine neutral
     * (0, 0), which the complete formulas accept.
     */
    static void lookupCt(long[] win, int digit, long[] buf) {
        int sign = digit >> 31;                 // -1 if negative
        int abs = (digit ^ sign) - sign;
        int km1 = abs - 1;
        java.util.Arrays.fill(buf, 0L);
        int entries = win.length / ENTRY;
        for (int j = 0; j < entries; j++) {
            int diff = km1 - j;
            long mask = ~((long) ((diff | -diff) >> 31)); // all ones iff diff == 0
            int base = j * ENTRY;
            for (int k = 0; k < ENTRY; k++) {
                buf[k] |= win[base + k] & mask;
            }
        }
        long neg = sign; // all ones iff negative
        for (int k = 5; k < ENTRY; k++) {
            long v = buf[k];
            buf[k] = v ^ ((v ^ Goldilocks.neg(v)) & neg);
        }
    }

    private static void put(long[] a, int off, QuinticExtension v) {
        a[off] = v.c0;
        a[off + 1] = v.c1;
        a[off + 2] = v.c2;
        a[off + 3] = v.c3;
        a[off + 4] = v.c4;
    }
}
