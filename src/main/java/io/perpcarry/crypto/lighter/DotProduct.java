package io.perpcarry.crypto.lighter;

/**
 * Sums of Goldilocks products with a single reduction (lazy reduction), the kernel of GF(p^5)
 * multiplication: the 128-bit products are accumulated in 32-bit columns and reduced once, instead of
 * reducing every product. Inputs must be canonical. (Measured faster than carrying three 64-bit words.)
 */
final class DotProduct {
    private static final long M32 = 0xFFFFFFFFL;
    private static final long EPS = Goldilocks.EPSILON; // 2^64 mod p

    private DotProduct() {
    }

    static long dot3(long x0, long y0, long x1, long y1, long x2, long y2) {
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long lo = x0 * y0, hi = umulh(x0, y0);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x1 * y1; hi = umulh(x1, y1);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x2 * y2; hi = umulh(x2, y2);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        return fold(s0, s1, s2, s3);
    }

    static long dot5(long x0, long y0, long x1, long y1, long x2, long y2, long x3, long y3, long x4, long y4) {
        // Column sums of 32-bit halves: each stays below 5 * 2^32, so nothing overflows.
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        long lo = x0 * y0, hi = umulh(x0, y0);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x1 * y1; hi = umulh(x1, y1);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x2 * y2; hi = umulh(x2, y2);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x3 * y3; hi = umulh(x3, y3);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        lo = x4 * y4; hi = umulh(x4, y4);
        s0 += lo & M32; s1 += lo >>> 32; s2 += hi & M32; s3 += hi >>> 32;
        return fold(s0, s1, s2, s3);
    }

    /** Reduces s0 + s1*2^32 + s2*2^64 + s3*2^96 (each column below 2^35) mod p. */
    private static long fold(long s0, long s1, long s2, long s3) {
        // With 2^64 = 2^32 - 1 and 2^96 = -1 (mod p): V = (s0 - s2 - s3) + (s1 + s2)*2^32, and writing
        // s1 + s2 = ah*2^32 + al gives V = al*2^32 + (s0 - s2 - s3 + ah*(2^32 - 1)).
        long a = s1 + s2;
        long x = (a & M32) << 32;
        long y = s0 - s2 - s3 + (a >>> 32) * EPS; // |y| < 2^38, signed
        long t = x + y;
        // Exact value is t + c*2^64 with c in {-1, 0, 1}; 2^64 = EPS (mod p), and t +- EPS cannot wrap.
        long c = (Long.compareUnsigned(t, x) < 0 ? 1L : 0L) + (y >> 63);
        t += c * EPS;
        return Long.compareUnsigned(t, Goldilocks.P) >= 0 ? t - Goldilocks.P : t;
    }

    private static long umulh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
