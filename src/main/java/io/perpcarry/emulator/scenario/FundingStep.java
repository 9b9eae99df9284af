package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;
import java.time.Duration;

/** From {@code at} after the start, the funding estimate is {@code rate} (in the venue's native unit). */
public record FundingStep(Duration at, BigDecimal rate) {
}
