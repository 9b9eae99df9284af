package io.perpcarry.emulator.lighter;

import io.perpcarry.emulator.scenario.LighterAccountSpec;
import java.util.HexFormat;
import java.util.List;

/**
 * An API key the emulator accepts signatures from.
 *
 * @param publicKeyHex 40-byte ECgFp5 public key, 80 hex digits, with or without 0x
 * @param firstNonce   the nonce {@code nextNonce} reports before the first tx (Lighter keys keep their nonce
 *                     across sessions, so tests replaying recorded txs start from the recorded nonce)
 */
public record LighterApiKey(long accountIndex, int apiKeyIndex, String publicKeyHex, long firstNonce) {
    public LighterApiKey {
        if (apiKeyIndex < 0 || apiKeyIndex > 254) {
            throw new IllegalArgumentException("apiKeyIndex must be 0..254, was " + apiKeyIndex);
        }
        String hex = publicKeyHex.startsWith("0x") ? publicKeyHex.substring(2) : publicKeyHex;
        if (hex.length() != 80) {
            throw new IllegalArgumentException("public key must be 80 hex digits, was " + hex.length());
        }
        HexFormat.of().parseHex(hex); // throws on non-hex
        publicKeyHex = hex.toLowerCase(java.util.Locale.ROOT);
        if (firstNonce < 0) {
            throw new IllegalArgumentException("firstNonce must be >= 0");
        }
    }

    public LighterApiKey(long accountIndex, int apiKeyIndex, String publicKeyHex) {
        this(accountIndex, apiKeyIndex, publicKeyHex, 0);
    }

    public byte[] publicKey() {
        return HexFormat.of().parseHex(publicKeyHex);
    }

    /** The keys of the scenario's Lighter accounts, nonces starting at 0. */
    public static List<LighterApiKey> fromScenario(List<LighterAccountSpec> accounts) {
        return accounts.stream()
                .map(a -> new LighterApiKey(a.accountIndex(), a.apiKeyIndex(), a.publicKeyHex(), 0))
                .toList();
    }
}
