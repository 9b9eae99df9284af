package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;

/**
 * A Lighter account the emulator knows. Demo credentials only: the public key belongs to a key generated for
 * the demo, never a real one.
 *
 * @param accountIndex  Lighter account index
 * @param l1Address     the account's L1 (Ethereum) address
 * @param apiKeyIndex   index of the API key the bot signs with (3..254)
 * @param publicKeyHex  that key's public key, 80 hex chars without 0x
 * @param collateral    starting USDC collateral
 */
public record LighterAccountSpec(long accountIndex, String l1Address, int apiKeyIndex, String publicKeyHex,
                                 BigDecimal collateral) {
    @Override
    public String toString() {
        return "LighterAccountSpec[accountIndex=" + accountIndex + ", apiKeyIndex=" + apiKeyIndex + "]";
    }
}
