package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Lighter signs orders with integers: price × 10^price_decimals (uint32, 1 .. 2^32−1) and
 * base amount × 10^size_decimals (1 .. 2^48−1). Conversions are exact: a value off the grid is rejected,
 * never rounded — silently rounding here would send a different order than the one we priced.
 */
public record LighterScaling(int priceDecimals, int sizeDecimals) {

    static final long MAX_PRICE = (1L << 32) - 1;
    static final long MAX_BASE_AMOUNT = (1L << 48) - 1;

    public LighterScaling {
        if (priceDecimals < 0 || sizeDecimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got price " + priceDecimals + " size " + sizeDecimals);
        }
    }

    public long priceToInt(BigDecimal price) {
        return scale(price, priceDecimals, MAX_PRICE, "price");
    }

    public long baseAmountToInt(BigDecimal size) {
        return scale(size, sizeDecimals, MAX_BASE_AMOUNT, "base amount");
    }

    public BigDecimal priceFromInt(long scaled) {
        return BigDecimal.valueOf(scaled, priceDecimals);
    }

    public BigDecimal baseAmountFromInt(long scaled) {
        return BigDecimal.valueOf(scaled, sizeDecimals);
    }

    private static long scale(BigDecimal value, int decimals, long max, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        BigInteger scaled;
        try {
            scaled = value.movePointRight(decimals).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " is not on the 10^-" + decimals
                    + " grid", e);
        }
        if (scaled.signum() <= 0 || scaled.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " scales to " + scaled
                    + ", outside 1.." + max);
        }
        return scaled.longValueExact();
    }
}
