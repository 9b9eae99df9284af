package io.perpcarry.domain;

import java.math.BigDecimal;
import java.time.Duration;

import static io.perpcarry.domain.Checks.nonNegative;
import static io.perpcarry.domain.Checks.positive;
import static io.perpcarry.domain.Checks.required;
import static io.perpcarry.domain.Checks.text;

/**
 * Static trading rules of one perp market on one venue.
 *
 * @param venue            where the market lives
 * @param symbol           canonical base symbol shared by both venues, e.g. "BTC" (EdgeX "BTCUSDC" is
 *                         mapped to "BTC" by the adapter, from its base coin)
 * @param venueMarketId    venue's own id: Lighter {@code market_id} ("1"), EdgeX {@code contractId} ("30000001")
 * @param priceTick        price increment (Lighter 10^-price_decimals, EdgeX tickSize)
 * @param sizeStep         base size increment (Lighter 10^-size_decimals, EdgeX stepSize)
 * @param minBaseSize      minimum order size in base units; 0 = none (Lighter min_base_amount, EdgeX minOrderSize)
 * @param minQuoteNotional minimum order notional in USD; 0 = none (Lighter min_quote_amount; EdgeX has none)
 * @param takerFeeRate     taker fee as a fraction of notional (0.00038 = 0.038 %); adapters convert
 *                         Lighter's percent strings
 * @param makerFeeRate     maker fee fraction; may be negative (rebate)
 * @param fundingInterval  settlement cadence (Lighter 1 h; EdgeX fundingRateIntervalMin)
 * @param openable         the venue accepts new positions in this market (EdgeX {@code enableOpenPosition});
 *                         false = reduce-only for us: never ranked, never opened
 */
public record MarketSpec(
        Venue venue,
        String symbol,
        String venueMarketId,
        BigDecimal priceTick,
        BigDecimal sizeStep,
        BigDecimal minBaseSize,
        BigDecimal minQuoteNotional,
        BigDecimal takerFeeRate,
        BigDecimal makerFeeRate,
        Duration fundingInterval,
        boolean openable) {

    /** Sanity bound: a fee of 1 % or more per fill is surely a unit mistake (percent passed as fraction). */
    private static final BigDecimal MAX_FEE_RATE = new BigDecimal("0.01");

    public MarketSpec {
        required(venue, "venue");
        text(symbol, "symbol");
        text(venueMarketId, "venueMarketId");
        positive(priceTick, "priceTick");
        positive(sizeStep, "sizeStep");
        nonNegative(minBaseSize, "minBaseSize");
        nonNegative(minQuoteNotional, "minQuoteNotional");
        nonNegative(takerFeeRate, "takerFeeRate");
        required(makerFeeRate, "makerFeeRate");
        if (takerFeeRate.compareTo(MAX_FEE_RATE) >= 0 || makerFeeRate.abs().compareTo(MAX_FEE_RATE) >= 0) {
            throw new IllegalArgumentException(venue + " " + symbol + ": fee rates must be fractions below 0.01, got taker "
                    + takerFeeRate.toPlainString() + " maker " + makerFeeRate.toPlainString());
        }
        required(fundingInterval, "fundingInterval");
        if (fundingInterval.isNegative() || fundingInterval.isZero()) {
            throw new IllegalArgumentException("fundingInterval must be positive, got " + fundingInterval);
        }
    }

    /** A market open to new positions. */
    public MarketSpec(Venue venue, String symbol, String venueMarketId, BigDecimal priceTick, BigDecimal sizeStep,
                      BigDecimal minBaseSize, BigDecimal minQuoteNotional, BigDecimal takerFeeRate,
                      BigDecimal makerFeeRate, Duration fundingInterval) {
        this(venue, symbol, venueMarketId, priceTick, sizeStep, minBaseSize, minQuoteNotional, takerFeeRate,
                makerFeeRate, fundingInterval, true);
    }

    /** The same market, open or closed to new positions. */
    public MarketSpec withOpenable(boolean open) {
        return new MarketSpec(venue, symbol, venueMarketId, priceTick, sizeStep, minBaseSize, minQuoteNotional,
                takerFeeRate, makerFeeRate, fundingInterval, open);
    }

    /** Lighter market from orderBookDetails: ticks come from the integer decimals, funding settles hourly. */
    public static MarketSpec lighter(String symbol, int marketId, int sizeDecimals, int priceDecimals,
                                     BigDecimal minBaseAmount, BigDecimal minQuoteAmount,
                                     BigDecimal takerFeeRate, BigDecimal makerFeeRate) {
        if (sizeDecimals < 0 || priceDecimals < 0) {
            throw new IllegalArgumentException("Lighter decimals must be >= 0, got size " + sizeDecimals
                    + " price " + priceDecimals);
        }
        return new MarketSpec(Venue.LIGHTER, symbol, Integer.toString(marketId),
                BigDecimal.ONE.movePointLeft(priceDecimals), BigDecimal.ONE.movePointLeft(sizeDecimals),
                minBaseAmount, minQuoteAmount, takerFeeRate, makerFeeRate, Duration.ofHours(1));
    }

    /** EdgeX contract from getMetaData; the interval is read from fundingRateIntervalMin, never assumed. */
    public static MarketSpec edgex(String symbol, String contractId, BigDecimal tickSize, BigDecimal stepSize,
                                   BigDecimal minOrderSize, BigDecimal takerFeeRate, BigDecimal makerFeeRate,
                                   long fundingRateIntervalMin) {
        return edgex(symbol, contractId, tickSize, stepSize, minOrderSize, takerFeeRate, makerFeeRate,
                fundingRateIntervalMin, false);
    }

    /** The venue refuses new positions here (EdgeX {@code enableOpenPosition:false}); held ones stay closable. */
    public boolean closedToOpening() {
        return !openable;
    }

    /** As {@link #edgex(String, String, BigDecimal, BigDecimal, BigDecimal, BigDecimal, BigDecimal, long)}, with the
     *  contract's {@code enableOpenPosition} flag inverted into {@code closedToOpening}. */
    public static MarketSpec edgex(String symbol, String contractId, BigDecimal tickSize, BigDecimal stepSize,
                                   BigDecimal minOrderSize, BigDecimal takerFeeRate, BigDecimal makerFeeRate,
                                   long fundingRateIntervalMin, boolean closedToOpening) {
        return new MarketSpec(Venue.EDGEX, symbol, contractId, tickSize, stepSize, minOrderSize, BigDecimal.ZERO,
                takerFeeRate, makerFeeRate, Duration.ofMinutes(fundingRateIntervalMin), !closedToOpening);
    }

    /** "EdgeX BTC" — for operator messages. */
    public String label() {
        return venue.displayName() + " " + symbol;
    }
}
