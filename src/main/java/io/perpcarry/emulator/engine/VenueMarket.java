package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.scenario.MarketSpec;
import java.math.BigDecimal;

/**
 * One market as one venue lists it, in venue-neutral terms the engine trades by. The raw scenario entry
 * ({@link #spec()}) holds the venue-specific fields the wire layers publish ({@code spec().lighter()},
 * {@code spec().edgex()}); null for a live-fed market ({@link MarketEngine#listLiveMarket}).
 *
 * @param venueMarketId           Lighter market_id or EdgeX contractId, as text
 * @param minSize                 smallest order size (base)
 * @param maxSize                 largest order size (base), null if unbounded
 * @param minNotional             smallest order notional (USD), 0 if none
 * @param defaultLeverage         leverage of an account that never called setLeverage
 * @param ratePeriodMinutes       period of the native funding rate (Lighter 480, EdgeX interval)
 * @param settlementMinutes       how often funding settles (Lighter 60, EdgeX interval)
 */
public record VenueMarket(VenueId venue, String symbol, String venueMarketId, BigDecimal tickSize, BigDecimal stepSize,
                          BigDecimal minSize, BigDecimal maxSize, BigDecimal minNotional, BigDecimal takerFee,
                          BigDecimal makerFee, int maxLeverage, int defaultLeverage,
                          BigDecimal maintenanceMarginFraction, BigDecimal basisBps, int ratePeriodMinutes,
                          int settlementMinutes, MarketSpec spec) {

    /** Price decimals implied by the tick (Lighter price_decimals). */
    public int priceDecimals() {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }

    /** Size decimals implied by the step (Lighter size_decimals). */
    public int sizeDecimals() {
        return Math.max(0, stepSize.stripTrailingZeros().scale());
    }
}
