package io.perpcarry.emulator.edgex;

import java.util.Objects;

import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.crypto.edgex.EthAddress;

/**
 * An account the emulator knows: its id, the trading address orders must be signed by (EIP-712),
 * and the API key / passphrase / secret its HMAC headers must match.
 */
public record EdgexAccount(long accountId, EthAddress tradingAddress, EdgexApiCredentials credentials) {

    public EdgexAccount {
        Objects.requireNonNull(tradingAddress, "tradingAddress");
        Objects.requireNonNull(credentials, "credentials");
        if (accountId <= 0) {
            throw new IllegalArgumentException("accountId must be positive: " + accountId);
        }
    }

    public static EdgexAccount of(long accountId, String tradingAddress, String apiKey, String passphrase,
                                  String apiSecret) {
        return new EdgexAccount(accountId, EthAddress.parse(tradingAddress),
                new EdgexApiCredentials(apiKey, passphrase, apiSecret));
    }

    public String id() {
        return Long.toString(accountId);
    }

    /** A verifier for this account's headers; the clock is unused by verification. */
    EdgexRequestSigner verifier() {
        return new EdgexRequestSigner(credentials);
    }

    @Override
    public String toString() {
        return "EdgexAccount[" + accountId + ", " + tradingAddress + "]";
    }
}
