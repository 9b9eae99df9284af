package io.perpcarry.crypto.edgex;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 ECDSA as Ethereum uses it: RFC 6979 deterministic nonces (HMAC-SHA256), low-s
 * normalisation, and 65-byte {@code r ‖ s ‖ v} signatures with {@code v = 27 + recoveryId}.
 */
final class Secp256k1 {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1() {
    }

    static boolean isValidPrivateKey(BigInteger d) {
        return d.signum() > 0 && d.compareTo(N) < 0;
    }

    /** Uncompressed public key X‖Y (64 bytes, no 0x04 prefix). */
    static byte[] publicKeyXY(BigInteger d) {
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
        byte[] enc = q.getEncoded(false);
        return Arrays.copyOfRange(enc, 1, 65);
    }

    static byte[] sign(byte[] digest32, BigInteger d, byte[] publicKeyXY) {
        requireDigest(digest32);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest32);
        BigInteger r = rs[0];
        // (r, s) and (r, n−s) are both valid; Ethereum (EIP-2) and ethers keep the low one.
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        // The recovery id is whichever candidate point gives back our own key.
        for (int recId = 0; recId < 2; recId++) {
            ECPoint q = recover(digest32, r, s, recId);
            if (q != null && Arrays.equals(xy(q), publicKeyXY)) {
                byte[] out = new byte[65];
                System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
                System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
                out[64] = (byte) (27 + recId);
                return out;
            }
        }
        // Only x-coordinates ≥ n (probability ~2^-128) need recovery ids 2/3, which Ethereum's v cannot express.
        throw new EdgexSigningException(EdgexSigningException.Kind.INVALID_SIGNATURE,
                "signature has no Ethereum recovery id (r ≥ n case)");
    }

    /**
     * The public key X‖Y that produced {@code signature65} over {@code digest32}. Strict: v must be
     * 27 or 28, r and s in [1, n−1], and s low (as every Ethereum signer emits since EIP-2).
     */
    static byte[] recoverPublicKey(byte[] digest32, byte[] signature65) {
        requireDigest(digest32);
        if (signature65 == null || signature65.length != 65) {
            throw invalidSignature("signature must be 65 bytes r||s||v");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature65, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature65, 32, 64));
        int v = signature65[64] & 0xff;
        if (v != 27 && v != 28) {
            throw invalidSignature("v must be 27 or 28, got " + v);
        }
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
            throw invalidSignature("r and s must be in [1, n-1]");
        }
        if (s.compareTo(HALF_N) > 0) {
            throw invalidSignature("s is not low (s > n/2); malleated signatures are rejected");
        }
        ECPoint q = recover(digest32, r, s, v - 27);
        if (q == null) {
            throw invalidSignature("signature does not recover to a public key");
        }
        return xy(q);
    }

    /** SEC 1 v2 §4.1.6 for recovery ids 0 and 1 (R.x = r); null when no valid key results. */
    private static ECPoint recover(byte[] digest32, BigInteger r, BigInteger s, int recId) {
        BigInteger p = CURVE.getCurve().getField().getCharacteristic();
        if (r.compareTo(p) >= 0) {
            return null;
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (recId == 1 ? 0x03 : 0x02);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, compressed, 1, 32);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
        BigInteger e = new BigInteger(1, digest32); // 256-bit digest, 256-bit n: no truncation
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = e.negate().mod(N).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q;
    }

    private static byte[] xy(ECPoint q) {
        return Arrays.copyOfRange(q.getEncoded(false), 1, 65);
    }

    private static void requireDigest(byte[] digest32) {
        if (digest32 == null || digest32.length != 32) {
            throw EdgexSigningException.invalidArgument("digest must be 32 bytes");
        }
    }

    private static EdgexSigningException invalidSignature(String message) {
        return new EdgexSigningException(EdgexSigningException.Kind.INVALID_SIGNATURE, message);
    }
}
