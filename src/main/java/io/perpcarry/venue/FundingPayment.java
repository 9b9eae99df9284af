package io.perpcarry.venue;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;

/** One settled funding payment. {@code amount} is signed for the account: positive received, negative paid. */
public record FundingPayment(Venue venue, String symbol, Instant settledAt, BigDecimal rate, BigDecimal positionSize,
                             BigDecimal amount) {
}
