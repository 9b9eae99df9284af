package io.perpcarry.crypto.lighter;

/**
 * What every L2 transaction carries besides its own fields: the chain it is signed for, the
 * sending account and API key, the key's nonce and the deadline {@code expiredAt} (ms epoch).
 * Ranges are checked by each transaction's {@code validate()}, since they differ per type.
 */
public record LighterTxContext(long chainId, long accountIndex, int apiKeyIndex, long nonce, long expiredAt) {
}
