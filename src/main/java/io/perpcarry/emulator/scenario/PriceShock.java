package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;
import java.time.Duration;

/** A scripted jump of the index price by {@code pct} percent (-5 = down 5 %) at {@code at} after the start. */
public record PriceShock(Duration at, BigDecimal pct) {
}
