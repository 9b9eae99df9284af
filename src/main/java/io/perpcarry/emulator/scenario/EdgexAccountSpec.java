package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;

/**
 * An EdgeX account the emulator knows, with the v2 HMAC credentials the wire layer checks. Demo
 * credentials only, generated for the demo.
 */
public record EdgexAccountSpec(long accountId, String tradingAddress, String apiKey, String passphrase,
                               String secret, BigDecimal collateral) {
    @Override
    public String toString() {
        return "EdgexAccountSpec[accountId=" + accountId + ", tradingAddress=" + tradingAddress + "]";
    }
}
