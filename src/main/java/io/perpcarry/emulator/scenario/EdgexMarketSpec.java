package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;

/**
 * EdgeX's parameters for one contract.
 *
 * @param contractId             EdgeX {@code contractId} (int64 sent as a string; v2 mainnet "30000001")
 * @param contractName           e.g. "BTCUSDC" (v2: base coin + quote coin USDC)
 * @param tickSize               price increment
 * @param stepSize               size increment
 * @param minOrderSize           smallest order size (base)
 * @param maxOrderSize           largest order size (base)
 * @param resolution             synthetic resolution (v2 publishes it in decimal: "10000000000")
 * @param takerFee               {@code defaultTakerFeeRate}, fraction of notional
 * @param makerFee               {@code defaultMakerFeeRate}, fraction (may be negative = rebate)
 * @param fundingRateIntervalMin funding interval in minutes, a multiple of 60 anchored at 00:00 UTC
 * @param maxLeverage            highest leverage; also the default leverage
 * @param maintenanceMarginRate  liquidation threshold as a fraction of position value
 * @param basisBps               this venue's mid = index × (1 + basisBps / 10 000)
 * @param funding                path of the funding rate, a fraction per {@code fundingRateIntervalMin}
 * @param baseCoinName           {@code coinList[].coinName} of the base coin (the bot's symbol); null = the engine symbol
 * @param maxOrderBuyPriceRatio  a BUY limit may be at most oracle × (1 + this) (published and enforced)
 * @param minOrderSellPriceRatio a SELL limit may be at least oracle × (1 − this)
 * @param enableTrade            published {@code enableTrade}; false refuses every order
 * @param enableDisplay          published {@code enableDisplay} (hidden contracts still trade on the venue)
 * @param enableOpenPosition     published {@code enableOpenPosition}; false refuses orders that are not reduce-only
 */
public record EdgexMarketSpec(
        String contractId,
        String contractName,
        BigDecimal tickSize,
        BigDecimal stepSize,
        BigDecimal minOrderSize,
        BigDecimal maxOrderSize,
        String resolution,
        BigDecimal takerFee,
        BigDecimal makerFee,
        int fundingRateIntervalMin,
        int maxLeverage,
        BigDecimal maintenanceMarginRate,
        BigDecimal basisBps,
        FundingPath funding,
        String baseCoinName,
        BigDecimal maxOrderBuyPriceRatio,
        BigDecimal minOrderSellPriceRatio,
        boolean enableTrade,
        boolean enableDisplay,
        boolean enableOpenPosition) {

    /** The venue's example band (V1 doc "0.05"; per contract on V2, e.g. NVDAUSDC "0.2"). */
    public static final BigDecimal DEFAULT_PRICE_BAND_RATIO = new BigDecimal("0.05");

    /** An open, visible contract with the default band. */
    public EdgexMarketSpec(String contractId, String contractName, BigDecimal tickSize, BigDecimal stepSize,
                           BigDecimal minOrderSize, BigDecimal maxOrderSize, String resolution, BigDecimal takerFee,
                           BigDecimal makerFee, int fundingRateIntervalMin, int maxLeverage,
                           BigDecimal maintenanceMarginRate, BigDecimal basisBps, FundingPath funding) {
        this(contractId, contractName, tickSize, stepSize, minOrderSize, maxOrderSize, resolution, takerFee, makerFee,
                fundingRateIntervalMin, maxLeverage, maintenanceMarginRate, basisBps, funding, null,
                DEFAULT_PRICE_BAND_RATIO, DEFAULT_PRICE_BAND_RATIO, true, true, true);
    }
}
