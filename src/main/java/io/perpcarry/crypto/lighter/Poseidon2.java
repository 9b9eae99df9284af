package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.Poseidon2Constants.EXTERNAL;
import static io.perpcarry.crypto.lighter.Poseidon2Constants.INTERNAL;
import static io.perpcarry.crypto.lighter.Poseidon2Constants.MATRIX_DIAG;
import static io.perpcarry.crypto.lighter.Poseidon2Constants.RATE;
import static io.perpcarry.crypto.lighter.Poseidon2Constants.ROUNDS_F_HALF;
import static io.perpcarry.crypto.lighter.Poseidon2Constants.ROUNDS_P;

/**
 * The Poseidon2 permutation (width 12, x^7 S-box, 8 full + 22 partial rounds) over Goldilocks and
 * the plonky2-style no-padding sponge (rate 8, absorb by overwriting) built on it, as in
 * poseidon_crypto v0.0.15 hash/poseidon2_goldilocks_plonky2. Lighter hashes every L2 transaction
 * with {@link #hashToQuinticExtension(long[])}.
 *
 * <p>Inputs may be any 64-bit patterns; they are reduced mod p first (poseidon_crypto accepts
 * non-canonical elements too, and the permutation only depends on their residues).
 */
public final class Poseidon2 {
    /** State width of the permutation. */
    public static final int WIDTH = Poseidon2Constants.WIDTH;

    private Poseidon2() {
    }

    /** Applies the permutation in place to a 12-element state. */
    public static void permute(long[] state) {
        if (state == null || state.length != WIDTH) {
            throw new IllegalArgumentException("Poseidon2 state must have " + WIDTH + " elements");
        }
        for (int i = 0; i < WIDTH; i++) {
            state[i] = Goldilocks.canonical(state[i]);
        }
        permuteCanonical(state);
    }

    static void permuteCanonical(long[] s) {
        externalLinearLayer(s);
        for (int r = 0; r < ROUNDS_F_HALF; r++) {
            fullRound(s, r);
        }
        for (int r = 0; r < ROUNDS_P; r++) {
            s[0] = sbox(Goldilocks.add(s[0], INTERNAL[r]));
            internalLinearLayer(s);
        }
        for (int r = ROUNDS_F_HALF; r < 2 * ROUNDS_F_HALF; r++) {
            fullRound(s, r);
        }
    }

    private static void fullRound(long[] s, int round) {
        int base = round * WIDTH;
        for (int i = 0; i < WIDTH; i++) {
            s[i] = sbox(Goldilocks.add(s[i], EXTERNAL[base + i]));
        }
        externalLinearLayer(s);
    }

    private static long sbox(long x) {
        long x2 = Goldilocks.square(x);
        long x3 = Goldilocks.mul(x2, x);
        return Goldilocks.mul(Goldilocks.square(x3), x);
    }

    /** circ(2·M4, M4, M4) with M4 the Poseidon2 4x4 MDS block (poseidon2.go externalLinearLayer). */
    private static void externalLinearLayer(long[] s) {
        for (int i = 0; i < WIDTH; i += 4) {
            long x0 = s[i];
            long x1 = s[i + 1];
            long x2 = s[i + 2];
            long x3 = s[i + 3];
            long t01 = Goldilocks.add(x0, x1);
            long t23 = Goldilocks.add(x2, x3);
            long t0123 = Goldilocks.add(t01, t23);
            s[i] = Goldilocks.add(Goldilocks.add(t0123, t01), x1);
            s[i + 1] = Goldilocks.add(Goldilocks.add(t0123, x1), Goldilocks.add(x2, x2));
            s[i + 2] = Goldilocks.add(Goldilocks.add(t0123, t23), x3);
            s[i + 3] = Goldilocks.add(Goldilocks.add(t0123, x3), Goldilocks.add(x0, x0));
        }
        for (int i = 0; i < 4; i++) {
            long sum = Goldilocks.add(Goldilocks.add(s[i], s[i + 4]), s[i + 8]);
            s[i] = Goldilocks.add(s[i], sum);
            s[i + 4] = Goldilocks.add(s[i + 4], sum);
            s[i + 8] = Goldilocks.add(s[i + 8], sum);
        }
    }

    /** state[i] = sum(state) + state[i]·diag[i]. */
    private static void internalLinearLayer(long[] s) {
        // Lazy 128-bit sum of 12 canonical values, then one reduction.
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < WIDTH; i++) {
            long n = lo + s[i];
            if (Long.compareUnsigned(n, lo) < 0) {
                hi++;
            }
            lo = n;
        }
        long sum = Goldilocks.reduce128(hi, lo);
        for (int i = 0; i < WIDTH; i++) {
            s[i] = Goldilocks.mulAdd(s[i], MATRIX_DIAG[i], sum);
        }
    }

    /**
     * Sponge without padding: absorbs {@code input} RATE elements at a time by overwriting the rate
     * part of the state (a short last chunk overwrites only its own lanes), permuting after each
     * chunk, then squeezes {@code numOutputs} elements. An empty input squeezes the zero state.
     */
    public static long[] hashNToMNoPad(long[] input, int numOutputs) {
        if (numOutputs < 0) {
            throw new IllegalArgumentException("numOutputs must be >= 0");
        }
        long[] state = new long[WIDTH];
        for (int i = 0; i < input.length; i += RATE) {
            int n = Math.min(RATE, input.length - i);
            for (int j = 0; j < n; j++) {
                state[j] = Goldilocks.canonical(input[i + j]);
            }
            permuteCanonical(state);
        }
        long[] out = new long[numOutputs];
        int k = 0;
        while (true) {
            for (int i = 0; i < RATE; i++) {
                if (k == numOutputs) {
                    return out;
                }
                out[k++] = state[i];
            }
            permuteCanonical(state);
        }
    }

    /** The 4-element plonky2 digest (poseidon_crypto HashNoPad). */
    public static long[] hashNoPad(long[] input) {
        return hashNToMNoPad(input, 4);
    }

    /** The first 5 squeezed elements as a GF(p^5) element: Lighter's tx hash and message hash. */
    public static QuinticExtension hashToQuinticExtension(long[] input) {
        long[] h = hashNToMNoPad(input, 5);
        return QuinticExtension.fromCanonicalLimbs(h);
    }

    /**
     * Hashes the concatenated limbs (c0..c4 of each element, in order) of GF(p^5) elements to a
     * GF(p^5) element. poseidon_crypto's Schnorr challenge is
     * {@code e = hashQuinticElements(r, hashedMessage)}, i.e. H(r || H(m)), and Lighter's attribute
     * aggregation is {@code hashQuinticElements(txHash, attributesHash)}.
     */
    public static QuinticExtension hashQuinticElements(QuinticExtension... elements) {
        long[] in = new long[elements.length * 5];
        for (int i = 0; i < elements.length; i++) {
            QuinticExtension e = elements[i];
            in[5 * i] = e.c0;
            in[5 * i + 1] = e.c1;
            in[5 * i + 2] = e.c2;
            in[5 * i + 3] = e.c3;
            in[5 * i + 4] = e.c4;
        }
        return hashToQuinticExtension(in);
    }
}
