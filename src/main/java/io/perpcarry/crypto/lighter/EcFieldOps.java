package io.perpcarry.crypto.lighter;

/**
 * GF(p^5) multiplication and squaring for the curve's inner loops, with lazy reduction: each output limb
 * is a sum of up to five 128-bit products accumulated in 32-bit columns and reduced once, instead of
 * reducing each of the 25 products. Results are identical to {@link QuinticExtension#mul} and
 * {@link QuinticExtension#square} (checked by property tests); roughly 2-3x faster, which matters because
 * a signature verification performs a few thousand of them.
 */
final class EcFieldOps {
    private static final long M32 = 0xFFFFFFFFL;
    private static final long EPS = 0xFFFFFFFFL; // 2^64 mod p

    private EcFieldOps() {
    }

    static QuinticExtension mul(QuinticExtension a, QuinticExtension b) {
        long a0 = a.c0, a1 = a.c1, a2 = a.c2, a3 = a.c3, a4 = a.c4;
        long b0 = b.c0, b1 = b.c1, b2 = b.c2, b3 = b.c3, b4 = b.c4;
        // x^5 = 3: terms of degree >= 5 use 3*b_j, precomputed mod p.
        long w1 = times3(b1), w2 = times3(b2), w3 = times3(b3), w4 = times3(b4);
        return QuinticExtension.of(
                dot5(a0, b0, a1, w4, a2, w3, a3, w2, a4, w1),
                dot5(a0, b1, a1, b0, a2, w4, a3, w3, a4, w2),
                dot5(a0, b2, a1, b1, a2, b0, a3, w4, a4, w3),
                dot5(a0, b3, a1, b2, a2, b1, a3, b0, a4, w4),
                dot5(a0, b4, a1, b3, a2, b2, a3, b1, a4, b0));
    }

    static QuinticExtension square(QuinticExtension a) {
        long a0 = a.c0, a1 = a.c1, a2 = a.c2, a3 = a.c3, a4 = a.c4;
        long d0 = Goldilocks.add(a0, a0), d1 = Goldilocks.add(a1, a1);
        long t3 = times3(a3), t4 = times3(a4);
        long s3 = Goldilocks.add(t3, t3), s4 = Goldilocks.add(t4, t4); // 6*a3, 6*a4
        return QuinticExtension.of(
                dot3(a0, a0, a1, s4, a2, s3),
                dot3(d0, a1, a2, s4, a3, t3),
                dot3(d0, a2, a1, a1, a3, s4),
                dot3(d0, a3, d1, a2, a4, t4),
                dot3(d0, a4, d1, a3, a2, a2));
    }

    /** a + b, written with conditional moves in mind (random data makes branches unpredictable). */
    static QuinticExtension add(QuinticExtension a, QuinticExtension b) {
        return QuinticExtension.of(addL(a.c0, b.c0), addL(a.c1, b.c1), addL(a.c2, b.c2), addL(a.c3, b.c3),
                addL(a.c4, b.c4));
    }

    static QuinticExtension sub(QuinticExtension a, QuinticExtension b) {
        return QuinticExtension.of(subL(a.c0, b.c0), subL(a.c1, b.c1), subL(a.c2, b.c2), subL(a.c3, b.c3),
                subL(a.c4, b.c4));
    }

    private static long addL(long a, long b) {
        long s = a + b;
        s += Long.compareUnsigned(s, a) < 0 ? EPS : 0; // wrapped: 2^64 = EPS (mod p), cannot wrap again
        return Long.compareUnsigned(s, Goldilocks.P) >= 0 ? s - Goldilocks.P : s;
    }

    private static long subL(long a, long b) {
        long d = a - b;
        return Long.compareUnsigned(a, b) < 0 ? d - EPS : d; // borrowed 2^64: d - EPS = a - b + p
    }

    private static long times3(long x) {
        return Goldilocks.add(Goldilocks.add(x, x), x);
    }

    /** sum of three x_i*y_i mod p for canonical inputs (squaring needs only three products per limb). */
    private static long dot3(long x0, long y0, long x1, long y1, long x2, long y2) {
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long lo = x0 * y0, hi = mulHighUnsigned(x0, y0);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x1 * y1; hi = mulHighUnsigned(x1, y1);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x2 * y2; hi = mulHighUnsigned(x2, y2);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        return fold(s0, s1, s2, s3);
    }

    /** sum of x_i*y_i mod p for canonical inputs. */
    private static long dot5(long x0, long y0, long x1, long y1, long x2, long y2, long x3, long y3,
                             long x4, long y4) {
        // Column sums of 32-bit halves: each stays below 5 * 2^32, so nothing overflows.
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long lo = x0 * y0, hi = mulHighUnsigned(x0, y0);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x1 * y1; hi = mulHighUnsigned(x1, y1);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x2 * y2; hi = mulHighUnsigned(x2, y2);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x3 * y3; hi = mulHighUnsigned(x3, y3);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x4 * y4; hi = mulHighUnsigned(x4, y4);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        return fold(s0, s1, s2, s3);
    }

    /** Reduces s0 + s1*2^32 + s2*2^64 + s3*2^96 (each column below 2^35) mod p. */
    private static long fold(long s0, long s1, long s2, long s3) {
        // V = s0 + s1*2^32 + s2*2^64 + s3*2^96, with 2^64 = 2^32 - 1 and 2^96 = -1 (mod p):
        // V = (s0 - s2 - s3) + (s1 + s2)*2^32, and (s1 + s2) = ah*2^32 + al gives
        // V = al*2^32 + (s0 - s2 - s3 + ah*(2^32 - 1)).
        long a = s1 + s2;
        long x = (a & M32) << 32;
        long y = s0 - s2 - s3 + (a >>> 32) * EPS; // |y| < 2^38, signed
        long t = x + y;
        // Exact value is t + c*2^64 with c in {-1, 0, 1}; 2^64 = EPS (mod p), and t +- EPS cannot wrap.
        long c = (Long.compareUnsigned(t, x) < 0 ? 1L : 0L) + (y >> 63);
        t += c * EPS;
        return Long.compareUnsigned(t, Goldilocks.P) >= 0 ? t - Goldilocks.P : t;
    }

    private static long mulHighUnsigned(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
