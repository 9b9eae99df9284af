package io.perpcarry.config;

/** EdgeX v2: HMAC API credentials for private REST, and the trading key that signs orders (EIP-712). */
public record EdgexCredentials(long accountId, Secret apiKey, Secret apiPassphrase, Secret apiSecret,
                               Secret tradingPrivateKey) {
    @Override
    public String toString() {
        return "EdgexCredentials[accountId=" + Secret.MASK + ", apiKey=" + Secret.MASK + ", apiPassphrase="
                + Secret.MASK + ", apiSecret=" + Secret.MASK + ", tradingPrivateKey=" + Secret.MASK + "]";
    }
}
