package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import io.perpcarry.crypto.edgex.EdgexContractSpec;

/**
 * The EdgeX face of one market: the ids, steps, fees and resolutions {@code getMetaData} publishes
 * and {@code createOrder} is checked against. {@code engineSymbol} names the same market in the
 * shared engine.
 *
 * @param priceBandRatio how far a limit price may be from the oracle price, as a fraction
 *                       (published as {@code maxOrderBuyPriceRatio} / {@code minOrderSellPriceRatio})
 */
public record EdgexContract(
        long contractId,
        String contractName,
        String engineSymbol,
        long baseCoinId,
        String baseCoinName,
        BigDecimal tickSize,
        BigDecimal stepSize,
        BigDecimal minOrderSize,
        BigDecimal maxOrderSize,
        BigDecimal takerFeeRate,
        BigDecimal makerFeeRate,
        int fundingRateIntervalMin,
        BigInteger resolution,
        int maxLeverage,
        int defaultLeverage,
        BigDecimal priceBandRatio) {

    /** USDT, the quote coin of every contract (edgex.md §1). */
    public static final long QUOTE_COIN_ID = 1000;
    public static final String QUOTE_COIN_NAME = "USDT";
    /** Quote coin resolution (10^6), published as {@code coinList[].resolution}. */
    public static final BigInteger QUOTE_RESOLUTION = BigInteger.TEN.pow(6);

    public EdgexContract {
        Objects.requireNonNull(contractName, "contractName");
        Objects.requireNonNull(engineSymbol, "engineSymbol");
        if (tickSize.signum() <= 0 || stepSize.signum() <= 0 || minOrderSize.signum() <= 0
                || maxOrderSize.compareTo(minOrderSize) < 0) {
            throw new IllegalArgumentException("tick, step and order size bounds must be positive: " + contractName);
        }
        if (fundingRateIntervalMin <= 0 || fundingRateIntervalMin % 60 != 0) {
            throw new IllegalArgumentException("fundingRateIntervalMin must be a positive multiple of 60");
        }
        if (maxLeverage < 1 || defaultLeverage < 1 || defaultLeverage > maxLeverage) {
            throw new IllegalArgumentException("leverage bounds are inconsistent: " + contractName);
        }
    }

    public String id() {
        return Long.toString(contractId);
    }

    /** The signing view of this contract (the EIP-712 asset ids, resolutions and fee rates). */
    public EdgexContractSpec signingSpec() {
        return new EdgexContractSpec(contractId, QUOTE_COIN_ID, resolution, QUOTE_RESOLUTION, takerFeeRate, makerFeeRate);
    }
}
