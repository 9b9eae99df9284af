package io.perpcarry.crypto.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What an order needs from metadata about its market: contract id (= {@code assetIdSynthetic}),
 * quote coin id (= {@code assetIdCollateral}), the two v2 resolutions ({@code contract.resolution},
 * {@code quoteCoin.resolution}) and the default fee rates.
 *
 * <p>The SDK falls back to a 0.001 fee rate when metadata has none; we do not: the caller must
 * supply both rates explicitly.
 */
public record EdgexContractSpec(
        long contractId,
        long quoteCoinId,
        BigInteger contractResolution,
        BigInteger quoteResolution,
        BigDecimal takerFeeRate,
        BigDecimal makerFeeRate) {

    public EdgexContractSpec {
        EdgexSigningException.require(contractResolution, "contractResolution");
        EdgexSigningException.require(quoteResolution, "quoteResolution");
        EdgexSigningException.require(takerFeeRate, "takerFeeRate");
        EdgexSigningException.require(makerFeeRate, "makerFeeRate");
        if (contractId < 0 || quoteCoinId < 0) {
            throw EdgexSigningException.invalidArgument("contractId and quoteCoinId must be non-negative (uint64)");
        }
        if (contractResolution.signum() <= 0 || quoteResolution.signum() <= 0) {
            throw EdgexSigningException.invalidArgument("resolutions must be positive");
        }
        if (takerFeeRate.max(makerFeeRate).signum() < 0) {
            // A negative limit fee cannot be encoded as uint256 amountFee.
            throw EdgexSigningException.invalidArgument("max(takerFeeRate, makerFeeRate) must not be negative");
        }
    }

    /** From metadata strings; resolutions may be decimal or {@code 0x} hex. */
    public static EdgexContractSpec of(String contractId, String quoteCoinId, String contractResolution,
                                       String quoteResolution, String takerFeeRate, String makerFeeRate) {
        return new EdgexContractSpec(
                parseId("contractId", contractId),
                parseId("quoteCoinId", quoteCoinId),
                Numbers.parseDecimalOrHex("contractResolution", contractResolution),
                Numbers.parseDecimalOrHex("quoteResolution", quoteResolution),
                parseRate("takerFeeRate", takerFeeRate),
                parseRate("makerFeeRate", makerFeeRate));
    }

    /** The rate the limit fee is reserved at: the larger of taker and maker (maker may be a rebate). */
    public BigDecimal maxFeeRate() {
        return takerFeeRate.max(makerFeeRate);
    }

    private static long parseId(String what, String text) {
        try {
            return Long.parseLong(EdgexSigningException.require(text, what).strip());
        } catch (NumberFormatException e) {
            throw EdgexSigningException.invalidArgument(what + " is not an integer: " + text);
        }
    }

    private static BigDecimal parseRate(String what, String text) {
        try {
            return new BigDecimal(EdgexSigningException.require(text, what).strip());
        } catch (NumberFormatException e) {
            throw EdgexSigningException.invalidArgument(what + " is not a decimal: " + text);
        }
    }
}
