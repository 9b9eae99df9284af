package io.perpcarry.crypto.lighter;

/**
 * Arithmetic in the Goldilocks prime field GF(p), p = 2^64 - 2^32 + 1.
 *
 * <p>Elements are held in a {@code long} read as an <em>unsigned</em> 64-bit integer. Every method
 * takes canonical inputs (in [0, p)) and returns canonical outputs, except {@link #canonical(long)},
 * which accepts any 64-bit pattern. Reduction uses 2^64 = 2^32 - 1 (mod p), so no BigInteger is
 * involved: these methods sit on the Poseidon2 / curve hot paths.
 */
public final class Goldilocks {
    /** The field order p = 2^64 - 2^32 + 1 (as an unsigned long). */
    public static final long P = 0xFFFFFFFF00000001L;
    /** 2^64 mod p = 2^32 - 1. */
    static final long EPSILON = 0xFFFFFFFFL;

    /** A 2^32-th primitive root of unity (poseidon_crypto field/goldilocks/goldilocks_plonky2.go, POWER_OF_TWO_GENERATOR). */
    static final long POWER_OF_TWO_GENERATOR = 7277203076849721926L;
    static final int TWO_ADICITY = 32;

    private Goldilocks() {
    }

    /** Reduces any 64-bit pattern (unsigned reading) to its canonical representative. */
    public static long canonical(long x) {
        // x < 2^64 < 2p, so one conditional subtraction suffices.
        return Long.compareUnsigned(x, P) >= 0 ? x - P : x;
    }

    /**
     * The field element equal to the signed integer {@code v}: negative values map to p - |v|.
     * Note: lighter-go hashes int64 fields via a raw uint64 cast, which is {@link #canonical(long)},
     * not this method; the two differ only for negative inputs.
     */
    public static long fromLong(long v) {
        return v >= 0 ? canonical(v) : neg(canonical(-v));
    }

    /** True when {@code x} is a canonical element (unsigned x < p). */
    public static boolean isCanonical(long x) {
        return Long.compareUnsigned(x, P) < 0;
    }

    public static long add(long a, long b) {
        long s = a + b;
        // Wrapped past 2^64: add back 2^64 mod p; then a+b-p < p, so this cannot wrap again.
        s += Long.compareUnsigned(s, a) < 0 ? EPSILON : 0;
        return Long.compareUnsigned(s, P) >= 0 ? s - P : s;
    }

    public static long sub(long a, long b) {
        long d = a - b;
        // Borrowed 2^64: subtract 2^64 mod p, giving a - b + p in [0, p).
        return Long.compareUnsigned(a, b) < 0 ? d - EPSILON : d;
    }

    public static long neg(long a) {
        return a == 0 ? 0 : P - a;
    }

    public static long mul(long a, long b) {
        long lo = a * b;
        // Unsigned high word from the signed one (Math.unsignedMultiplyHigh is Java 18+).
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return reduce128(hi, lo);
    }

    /** a * b + c in one reduction (the 128-bit sum cannot overflow for canonical inputs). */
    static long mulAdd(long a, long b, long c) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        long lo2 = lo + c;
        if (Long.compareUnsigned(lo2, lo) < 0) {
            hi++;
        }
        return reduce128(hi, lo2);
    }

    public static long square(long a) {
        return mul(a, a);
    }

    /** Reduces the unsigned 128-bit value hi * 2^64 + lo to a canonical element. */
    static long reduce128(long hi, long lo) {
        long hiHi = hi >>> 32;
        long hiLo = hi & EPSILON;
        // 2^96 = -1 (mod p): subtract the top 32 bits.
        long t0 = lo - hiHi;
        if (Long.compareUnsigned(lo, hiHi) < 0) {
            t0 -= EPSILON;
        }
        // 2^64 = 2^32 - 1 (mod p): hiLo * EPSILON < 2^64.
        long t1 = hiLo * EPSILON;
        long s = t0 + t1;
        long carry = ((t0 & t1) | ((t0 | t1) & ~s)) >>> 63; // branch-free: carries are frequent
        s += EPSILON & -carry;
        return canonical(s);
    }

    /** base^exp with {@code exp} read as an unsigned 64-bit integer; pow(0, 0) = 1. */
    public static long pow(long base, long exp) {
        long result = 1;
        long cur = base;
        long e = exp;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = mul(result, cur);
            }
            cur = square(cur);
            e >>>= 1;
        }
        return result;
    }

    /** x^(2^n). */
    static long expPowerOf2(long x, int n) {
        long z = x;
        for (int i = 0; i < n; i++) {
            z = square(z);
        }
        return z;
    }

    /** Multiplicative inverse; throws ArithmeticException for zero. */
    public static long inverse(long a) {
        if (a == 0) {
            throw new ArithmeticException("inverse of zero in GF(p)");
        }
        return powPMinus2(a);
    }

    /** Inverse, or zero for zero (the convention poseidon_crypto's InverseOrZero uses). */
    public static long inverseOrZero(long a) {
        return a == 0 ? 0 : powPMinus2(a);
    }

    /**
     * a^(p-2) by an addition chain (71 multiplications instead of ~126 for square-and-multiply):
     * p - 2 = 2^64 - 2^32 - 1 = ((2^31 - 1)·2^32 + 2^31 - 1)·2 + 1. Each t_k below is a^(2^k - 1).
     */
    private static long powPMinus2(long a) {
        long t2 = mul(square(a), a);
        long t3 = mul(square(t2), a);
        long t6 = mul(expPowerOf2(t3, 3), t3);
        long t12 = mul(expPowerOf2(t6, 6), t6);
        long t24 = mul(expPowerOf2(t12, 12), t12);
        long t30 = mul(expPowerOf2(t24, 6), t6);
        long t31 = mul(square(t30), a);
        long t63 = mul(expPowerOf2(t31, 32), t31); // a^((2^31 - 1)(2^32 + 1))
        return mul(square(t63), a);
    }

    /** Euler's criterion; zero counts as a residue (as in poseidon_crypto IsQuadraticResidueF). */
    public static boolean isQuadraticResidue(long a) {
        if (a == 0) {
            return true;
        }
        long r = pow(a, (P - 1) >>> 1);
        if (r == 1) {
            return true;
        }
        if (r == P - 1) {
            return false;
        }
        throw new IllegalStateException("Euler criterion gave neither 1 nor -1: " + Long.toUnsignedString(r));
    }

    /**
     * Square root by Tonelli-Shanks, returning the same root as poseidon_crypto's SqrtF (the curve's
     * point decoding depends on which root is picked). Returns null when {@code a} is not a square.
     */
    public static Long sqrt(long a) {
        if (a == 0) {
            return 0L;
        }
        if (!isQuadraticResidue(a)) {
            return null;
        }
        long t = (P - 1) >>> TWO_ADICITY; // odd part of p-1
        long z = POWER_OF_TWO_GENERATOR;
        long w = pow(a, (t - 1) >>> 1);
        long x = mul(a, w);
        long b = mul(x, w);
        int v = TWO_ADICITY;
        while (b != 1) {
            int k = 0;
            long b2k = b;
            while (b2k != 1) {
                b2k = square(b2k);
                k++;
            }
            w = expPowerOf2(z, v - k - 1);
            z = square(w);
            b = mul(b, z);
            x = mul(x, w);
            v = k;
        }
        return x;
    }

    /** Writes the canonical value as 8 little-endian bytes at {@code out[off..off+8)}. */
    public static void toLittleEndian(long a, byte[] out, int off) {
        for (int i = 0; i < 8; i++) {
            out[off + i] = (byte) (a >>> (8 * i));
        }
    }

    /** Reads 8 little-endian bytes; throws IllegalArgumentException if the value is not canonical. */
    public static long fromLittleEndian(byte[] in, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (in[off + i] & 0xFFL);
        }
        if (!isCanonical(v)) {
            throw new IllegalArgumentException("non-canonical Goldilocks element: " + Long.toUnsignedString(v));
        }
        return v;
    }

    /**
     * Splits bytes into 8-byte little-endian limbs, zero-padding the last one (as poseidon_crypto's
     * ArrayFromCanonicalLittleEndianBytes does; lighter-go hashes auth-token messages this way).
     * Throws IllegalArgumentException if a limb is not canonical.
     */
    public static long[] arrayFromLittleEndianBytes(byte[] in) {
        long[] out = new long[(in.length + 7) / 8];
        byte[] chunk = new byte[8];
        for (int i = 0; i < out.length; i++) {
            java.util.Arrays.fill(chunk, (byte) 0);
            System.arraycopy(in, i * 8, chunk, 0, Math.min(8, in.length - i * 8));
            out[i] = fromLittleEndian(chunk, 0);
        }
        return out;
    }
}
