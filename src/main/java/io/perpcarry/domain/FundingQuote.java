package io.perpcarry.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

import static io.perpcarry.domain.Checks.required;
import static io.perpcarry.domain.Checks.text;

/**
 * A funding rate as the venue quotes it, before normalisation.
 *
 * @param rate       signed fraction of notional per {@code interval}; positive = longs pay shorts
 * @param interval   the period the rate refers to. This is the quoting period, which may differ from the
 *                   settlement cadence: Lighter's /funding-rates quotes per 8 h but settles hourly.
 * @param observedAt when the bot read it
 */
public record FundingQuote(Venue venue, String symbol, BigDecimal rate, Duration interval, Instant observedAt) {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** 24 × 365 × 100: hourly fraction → APR in percent. */
    public static final BigDecimal HOURLY_TO_APR_PERCENT = BigDecimal.valueOf(876_000);

    public FundingQuote {
        required(venue, "venue");
        text(symbol, "symbol");
        required(rate, "rate");
        required(interval, "interval");
        required(observedAt, "observedAt");
        if (interval.isNegative() || interval.isZero() || interval.getNano() != 0) {
            throw new IllegalArgumentException("funding interval must be a positive whole number of seconds, got "
                    + interval);
        }
    }

    /** Rate per hour (fraction), DECIMAL64. */
    public BigDecimal hourlyRate() {
        return rate.multiply(SECONDS_PER_HOUR).divide(BigDecimal.valueOf(interval.getSeconds()), MathContext.DECIMAL64);
    }

    /** Simple (non-compounded) annual rate in percent: hourly × 24 × 365 × 100. */
    public BigDecimal aprPercent() {
        return hourlyRate().multiply(HOURLY_TO_APR_PERCENT, MathContext.DECIMAL64);
    }
}
