package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;

/**
 * Synthetic depth on each side: {@code levels} levels, the best {@code spreadBps / 2} away from the venue mid,
 * each further level {@code levelSpacingBps} apart, each holding {@code sizePerLevel} base units
 * (rounded to the venue's step). Consumed liquidity is replenished at the next simulation step.
 */
public record BookShape(int levels, BigDecimal spreadBps, BigDecimal levelSpacingBps, BigDecimal sizePerLevel) {
}
