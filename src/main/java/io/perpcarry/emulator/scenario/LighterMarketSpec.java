package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;

/**
 * Lighter's parameters for one market. Fractions are plain decimals (0.02 = 2 %); Lighter's wire format
 * expresses margin fractions in 1/10000 — the wire layer converts.
 *
 * @param marketId                  Lighter {@code market_id} (perps 0..254)
 * @param sizeDecimals              decimals of {@code base_amount}; the step is 10^-sizeDecimals
 * @param priceDecimals             decimals of {@code price}; the tick is 10^-priceDecimals
 * @param minBaseAmount             smallest order size (base)
 * @param minQuoteAmount            smallest order notional (USDC)
 * @param takerFee                  fraction of notional charged to takers
 * @param makerFee                  fraction of notional charged to makers (may be negative = rebate)
 * @param initialMarginFraction     default initial margin fraction (1 / default leverage)
 * @param maintenanceMarginFraction liquidation threshold
 * @param maxLeverage               highest leverage {@code setLeverage} accepts
 * @param basisBps                  this venue's mid = index × (1 + basisBps / 10 000)
 * @param funding                   path of the funding estimate, a fraction per 8 h (settled hourly at rate / 8)
 */
public record LighterMarketSpec(
        int marketId,
        int sizeDecimals,
        int priceDecimals,
        BigDecimal minBaseAmount,
        BigDecimal minQuoteAmount,
        BigDecimal takerFee,
        BigDecimal makerFee,
        BigDecimal initialMarginFraction,
        BigDecimal maintenanceMarginFraction,
        int maxLeverage,
        BigDecimal basisBps,
        FundingPath funding) {

    public BigDecimal tickSize() {
        return BigDecimal.ONE.movePointLeft(priceDecimals);
    }

    public BigDecimal stepSize() {
        return BigDecimal.ONE.movePointLeft(sizeDecimals);
    }
}
