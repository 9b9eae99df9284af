package io.perpcarry.crypto.lighter;

/**
 * Sums of Goldilocks products with a single reduction (lazy reduction), the kernel of GF(p^5)
 * multiplication: the 128-bit products are accumulated in three 64-bit words and reduced once,
 * instead of reducing every product and every partial sum. Inputs must be canonical.
 */
final class DotProduct {
    private DotProduct() {
    }

    static long dot3(long a0, long b0, long a1, long b1, long a2, long b2) {
        long lo = a0 * b0;
        long hi = umulh(a0, b0);
        long top = 0;

        long plo = a1 * b1;
        long phi = umulh(a1, b1);
        long s = lo + plo;
        phi += carry(lo, plo, s); // cannot wrap: phi < 2^64 - 2^33 for canonical inputs
        lo = s;
        s = hi + phi;
        top += carry(hi, phi, s);
        hi = s;

        plo = a2 * b2;
        phi = umulh(a2, b2);
        s = lo + plo;
        phi += carry(lo, plo, s);
        lo = s;
        s = hi + phi;
        top += carry(hi, phi, s);
        hi = s;

        return finish(top, hi, lo);
    }

    static long dot5(long a0, long b0, long a1, long b1, long a2, long b2, long a3, long b3, long a4, long b4) {
        long lo = a0 * b0;
        long hi = umulh(a0, b0);
        long top = 0;

        long plo = a1 * b1;
        long phi = umulh(a1, b1);
        long s = lo + plo;
        phi += carry(lo, plo, s);
        lo = s;
        s = hi + phi;
        top += carry(hi, phi, s);
        hi = s;

        plo = a2 * b2;
        phi = umulh(a2, b2);
        s = lo + plo;
        phi += carry(lo, plo, s);
        lo = s;
        s = hi + phi;
        top += carry(hi, phi, s);
        hi = s;

        plo = a3 * b3;
        phi = umulh(a3, b3);
        s = lo + plo;
        phi += carry(lo, plo, s);
        lo = s;
        s = hi + phi;
        top += carry(hi, phi, s);
        hi = s;

        plo = a4 * b4;
        phi = umulh(a4, b4);
        s = lo + plo;
        phi += carry(lo, plo, s);
        lo = s;
        s = hi + phi;
        top += carry(hi, phi, s);
        hi = s;

        return finish(top, hi, lo);
    }

    /** top·2^128 + hi·2^64 + lo mod p, using 2^128 = -2^32 (mod p); top < 8. */
    private static long finish(long top, long hi, long lo) {
        return Goldilocks.sub(Goldilocks.reduce128(hi, lo), top << 32);
    }

    private static long umulh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** Carry out of x + y = s (mod 2^64), as 0 or 1, without a branch. */
    private static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }
}
