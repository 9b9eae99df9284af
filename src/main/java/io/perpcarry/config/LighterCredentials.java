package io.perpcarry.config;

/** What signs Lighter transactions: the API key's private key, its account and key index. */
public record LighterCredentials(Secret apiKeyPrivateKey, long accountIndex, int apiKeyIndex) {
    @Override
    public String toString() {
        return "LighterCredentials[apiKeyPrivateKey=" + Secret.MASK + ", accountIndex=" + Secret.MASK
                + ", apiKeyIndex=" + Secret.MASK + "]";
    }
}
