package io.perpcarry.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** Cumulative PnL at one simulated instant, USD: funding, fees (negative), trading (realized + open), their sum. */
public record CurvePoint(Instant at, BigDecimal funding, BigDecimal fees, BigDecimal trading, BigDecimal net) {
}
