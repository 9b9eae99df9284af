package io.perpcarry.crypto.lighter;

import java.util.Objects;

/**
 * Signs Lighter L2 transactions and auth tokens for one API key of one account on one chain
 * (the role of lighter-go's TxClient). Immutable and thread-safe: signing shares nothing mutable
 * except the thread-safe SecureRandom behind {@link Schnorr}.
 */
public final class LighterSigner {

    /**
     * A signed transaction, ready for {@code sendTx}.
     *
     * @param txType     the {@code tx_type} number
     * @param txInfoJson the exact {@code tx_info} string (includes {@code Sig})
     * @param txHashHex  the 40-byte tx hash, lower-case hex without prefix (what Lighter reports as tx hash)
     */
    public record SignedTx(int txType, String txInfoJson, String txHashHex) {
    }

    private final LighterPrivateKey key;
    private final long chainId;
    private final long accountIndex;
    private final int apiKeyIndex;

    public LighterSigner(LighterPrivateKey key, long chainId, long accountIndex, int apiKeyIndex) {
        this.key = Objects.requireNonNull(key, "key");
        if (apiKeyIndex < 0 || apiKeyIndex > 255) {
            throw new IllegalArgumentException("apiKeyIndex out of range 0..255: " + apiKeyIndex);
        }
        if (accountIndex < 0) {
            throw new IllegalArgumentException("accountIndex must not be negative: " + accountIndex);
        }
        this.chainId = chainId;
        this.accountIndex = accountIndex;
        this.apiKeyIndex = apiKeyIndex;
    }

    /** A tx context for this signer's chain, account and key. */
    public LighterTxContext context(long nonce, long expiredAtMillis) {
        return new LighterTxContext(chainId, accountIndex, apiKeyIndex, nonce, expiredAtMillis);
    }

    /**
     * Validates, hashes and signs {@code tx}.
     *
     * @throws LighterTxValidationException if the tx breaks a lighter-go rule, or was built for another
     *                                      chain, account or API key than this signer's
     */
    public SignedTx sign(LighterTx tx) {
        Objects.requireNonNull(tx, "tx");
        LighterTxContext ctx = tx.context();
        if (ctx.chainId() != chainId) {
            throw new LighterTxValidationException("ChainId", "tx is for chain " + ctx.chainId() + ", signer for " + chainId);
        }
        if (ctx.accountIndex() != accountIndex) {
            throw new LighterTxValidationException("AccountIndex",
                    "tx is for account " + ctx.accountIndex() + ", signer for " + accountIndex);
        }
        if (ctx.apiKeyIndex() != apiKeyIndex) {
            throw new LighterTxValidationException("ApiKeyIndex",
                    "tx is for API key " + ctx.apiKeyIndex() + ", signer for " + apiKeyIndex);
        }
        tx.validate();
        byte[] hash = tx.hash();
        byte[] sig = Schnorr.sign(key, hash);
        return new SignedTx(tx.txType(), tx.txInfoJson(sig), EcBytes.toHex(hash));
    }

    /** An auth token valid until {@code deadlineEpochSeconds} (the SDK's default lifetime is 10 minutes). */
    public String authToken(long deadlineEpochSeconds) {
        return LighterAuthToken.create(key, deadlineEpochSeconds, accountIndex, apiKeyIndex);
    }

    /** This key's 40-byte public key. */
    public byte[] publicKey() {
        return key.publicKey();
    }

    public long chainId() {
        return chainId;
    }

    public long accountIndex() {
        return accountIndex;
    }

    public int apiKeyIndex() {
        return apiKeyIndex;
    }

    @Override
    public String toString() {
        return "LighterSigner[chainId=" + chainId + ", account=" + accountIndex + ", apiKey=" + apiKeyIndex
                + ", key=" + key + "]";
    }
}
