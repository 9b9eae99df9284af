package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed scales and rounding of the engine's money, prices, sizes and rates. */
final class Decimals {
    /** USDC amounts: collateral, fees, PnL, funding payments. */
    static final int USD = 6;
    /** The index price the walk produces, before venue rounding. */
    static final int INDEX = 8;
    /** Funding rates (Lighter rate / 8 needs more digits than the rate itself). */
    static final int RATE = 10;
    /** Average entry prices (volume-weighted, so finer than any tick). */
    static final int ENTRY = 10;
    static final BigDecimal BPS = new BigDecimal("10000");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Decimals() {
    }

    static BigDecimal usd(BigDecimal amount) {
        return amount.setScale(USD, RoundingMode.HALF_EVEN);
    }

    /** Rounds to a multiple of {@code increment} (tick or step) and gives it the increment's scale. */
    static BigDecimal toIncrement(BigDecimal value, BigDecimal increment, RoundingMode mode) {
        BigDecimal units = value.divide(increment, 0, mode);
        return units.multiply(increment).setScale(Math.max(0, increment.stripTrailingZeros().scale()),
                RoundingMode.UNNECESSARY);
    }

    static boolean isMultiple(BigDecimal value, BigDecimal increment) {
        return value.remainder(increment).signum() == 0;
    }

    /** value × (1 + bps / 10 000) */
    static BigDecimal withBps(BigDecimal value, BigDecimal bps) {
        return value.multiply(BigDecimal.ONE.add(bps.divide(BPS, 12, RoundingMode.HALF_EVEN)));
    }
}
