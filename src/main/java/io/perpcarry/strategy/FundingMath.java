package io.perpcarry.strategy;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Funding-rate normalisation. Every venue unit is turned into a signed fraction per hour
 * (positive = longs pay shorts) and, for display, a simple APR in percent = hourly × 24 × 365 × 100.
 */
public final class FundingMath {

    /** Lighter's /api/v1/funding-rates quotes a fraction per 8 hours for every exchange row. */
    public static final Duration LIGHTER_QUOTED_PERIOD = Duration.ofHours(8);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private FundingMath() {
    }

    /** Fraction per {@code interval} → fraction per hour. */
    public static BigDecimal hourlyRate(BigDecimal ratePerInterval, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("funding interval must be positive, got " + interval);
        }
        return ratePerInterval.multiply(SECONDS_PER_HOUR)
                .divide(BigDecimal.valueOf(interval.getSeconds()), MathContext.DECIMAL64);
    }

    /** Hourly fraction → simple APR in percent. */
    public static BigDecimal aprPercent(BigDecimal hourlyRate) {
        return hourlyRate.multiply(FundingQuote.HOURLY_TO_APR_PERCENT, MathContext.DECIMAL64);
    }

    /** A Lighter /api/v1/funding-rates row ({@code exchange == "lighter"}): rate is per 8 h, settled hourly. */
    public static FundingQuote lighterCurrent(String symbol, BigDecimal ratePer8h, Instant observedAt) {
        return new FundingQuote(Venue.LIGHTER, symbol, ratePer8h, LIGHTER_QUOTED_PERIOD, observedAt);
    }

    /** An EdgeX fundingRate: fraction per fundingRateIntervalMin minutes (read from metadata, 240 today). */
    public static FundingQuote edgexCurrent(String symbol, BigDecimal ratePerInterval, long fundingRateIntervalMin,
                                            Instant observedAt) {
        if (fundingRateIntervalMin <= 0) {
            throw new IllegalArgumentException("EdgeX fundingRateIntervalMin must be > 0, got " + fundingRateIntervalMin);
        }
        return new FundingQuote(Venue.EDGEX, symbol, ratePerInterval, Duration.ofMinutes(fundingRateIntervalMin),
                observedAt);
    }

    /**
     * A settled Lighter /api/v1/fundings row → signed hourly fraction. {@code rate} is an unsigned percent for
     * the hour and {@code direction} names the side that paid: "long" → +rate/100, "short" → −rate/100.
     */
    public static BigDecimal lighterSettledHourly(BigDecimal ratePercent, String direction) {
        if (ratePercent.signum() < 0) {
            throw new IllegalArgumentException("Lighter fundings rate is expected unsigned (sign is in direction), got "
                    + ratePercent.toPlainString());
        }
        BigDecimal fraction = ratePercent.divide(HUNDRED);
        String d = direction == null ? "" : direction.trim().toLowerCase(Locale.ROOT);
        return switch (d) {
            case "long" -> fraction;
            case "short" -> fraction.negate();
            default -> throw new IllegalArgumentException("Lighter fundings direction must be long or short, got '"
                    + direction + "'");
        };
    }

    /** Funding a hedge earns over {@code hold}: notional × hourly spread × hours (continuous approximation). */
    public static BigDecimal fundingOver(BigDecimal notional, BigDecimal hourlySpread, Duration hold) {
        return notional.multiply(hourlySpread).multiply(hours(hold), MathContext.DECIMAL64);
    }

    static BigDecimal hours(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).divide(SECONDS_PER_HOUR, MathContext.DECIMAL64);
    }
}
