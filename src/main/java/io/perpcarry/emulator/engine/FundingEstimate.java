package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The current funding estimate of one market on one venue.
 *
 * @param rate                 in the venue's native unit (Lighter: fraction per 8 h; EdgeX: fraction per interval)
 * @param ratePeriodMinutes    the period {@code rate} refers to (Lighter 480, EdgeX fundingRateIntervalMin)
 * @param settlementMinutes    how often it is settled (Lighter 60, EdgeX fundingRateIntervalMin)
 * @param ratePerSettlement    the fraction one settlement will charge: Lighter rate / 8, EdgeX rate
 * @param currentPeriodStart   start of the running settlement period
 * @param nextFundingTime      end of it, when the next settlement happens
 * @param lastSettledRate      the native rate of the last settlement (null if none yet)
 * @param updatedAt            when the estimate last changed (funding ticks)
 */
public record FundingEstimate(String symbol, BigDecimal rate, int ratePeriodMinutes, int settlementMinutes,
                              BigDecimal ratePerSettlement, Instant currentPeriodStart, Instant nextFundingTime,
                              BigDecimal lastSettledRate, Instant updatedAt) {
}
