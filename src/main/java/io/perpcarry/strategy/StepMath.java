package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Grid arithmetic on decimal steps and ticks. All results are exact. */
final class StepMath {
    private StepMath() {
    }

    /** Least common multiple of two positive decimal steps: lcm(0.001, 0.0001) = 0.001, lcm(0.003, 0.002) = 0.006. */
    static BigDecimal lcm(BigDecimal a, BigDecimal b) {
        int scale = Math.max(a.stripTrailingZeros().scale(), b.stripTrailingZeros().scale());
        BigInteger x = a.movePointRight(scale).toBigIntegerExact();
        BigInteger y = b.movePointRight(scale).toBigIntegerExact();
        BigInteger lcm = x.divide(x.gcd(y)).multiply(y);
        return new BigDecimal(lcm, scale).stripTrailingZeros();
    }

    /** Largest multiple of {@code step} that is <= value. */
    static BigDecimal floorTo(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }

    /** Smallest multiple of {@code step} that is >= value. */
    static BigDecimal ceilTo(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    static boolean isOnGrid(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }
}
