package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;

/**
 * EdgeX's parameters for one contract.
 *
 * @param contractId             EdgeX {@code contractId} (int64 sent as a string, e.g. "10000001")
 * @param contractName           e.g. "BTCUSD"
 * @param tickSize               price increment
 * @param stepSize               size increment
 * @param minOrderSize           smallest order size (base)
 * @param maxOrderSize           largest order size (base)
 * @param resolution             synthetic resolution as published ("0x2540be400" or "10000000000")
 * @param takerFee               {@code defaultTakerFeeRate}, fraction of notional
 * @param makerFee               {@code defaultMakerFeeRate}, fraction (may be negative = rebate)
 * @param fundingRateIntervalMin funding interval in minutes, a multiple of 60 anchored at 00:00 UTC
 * @param maxLeverage            highest leverage; also the default leverage
 * @param maintenanceMarginRate  liquidation threshold as a fraction of position value
 * @param basisBps               this venue's mid = index × (1 + basisBps / 10 000)
 * @param funding                path of the funding rate, a fraction per {@code fundingRateIntervalMin}
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
        FundingPath funding) {
}
