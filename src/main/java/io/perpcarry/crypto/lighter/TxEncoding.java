package io.perpcarry.crypto.lighter;

import java.util.Base64;

/** Hash input and tx_info layout shared by all L2 transactions (lighter-go types/txtypes). */
final class TxEncoding {
    static final int SIGNATURE_LENGTH = 80;

    private TxEncoding() {
    }

    /**
     * Hash(chainId): Poseidon2 over [chainId, txType, nonce, expiredAt, accountIndex, apiKeyIndex,
     * fields...], each int64 read as uint64 (Go's GoldilocksField cast), then the attribute
     * aggregation.
     */
    static QuinticExtension hash(LighterTxContext ctx, int txType, L2TxAttributes attrs, long... fields) {
        long[] in = new long[6 + fields.length];
        in[0] = ctx.chainId();
        in[1] = txType;
        in[2] = ctx.nonce();
        in[3] = ctx.expiredAt();
        in[4] = ctx.accountIndex();
        in[5] = ctx.apiKeyIndex();
        System.arraycopy(fields, 0, in, 6, fields.length);
        // Poseidon2 reduces each element mod p, which is what the uint64 cast means in the field.
        return attrs.aggregate(Poseidon2.hashToQuinticExtension(in));
    }

    /** Starts {"AccountIndex":..,"ApiKeyIndex":.. */
    static StringBuilder begin(LighterTxContext ctx) {
        StringBuilder sb = new StringBuilder(320);
        sb.append("{\"AccountIndex\":").append(ctx.accountIndex());
        sb.append(",\"ApiKeyIndex\":").append(ctx.apiKeyIndex());
        return sb;
    }

    static void field(StringBuilder sb, String name, long value) {
        sb.append(",\"").append(name).append("\":").append(value);
    }

    /** Appends ExpiredAt, Nonce, Sig, L2TxAttributes and closes the object. */
    static String end(StringBuilder sb, LighterTxContext ctx, byte[] signature, L2TxAttributes attrs) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be " + SIGNATURE_LENGTH + " bytes, got "
                    + (signature == null ? "null" : signature.length));
        }
        field(sb, "ExpiredAt", ctx.expiredAt());
        field(sb, "Nonce", ctx.nonce());
        sb.append(",\"Sig\":\"").append(Base64.getEncoder().encodeToString(signature)).append('"');
        sb.append(",\"L2TxAttributes\":");
        attrs.appendJson(sb);
        return sb.append('}').toString();
    }
}
