package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Snapshot of an accepted order. {@code orderId} is engine-assigned and always ≥ 2^48 so Lighter's wire
 * layer can tell it from a client order index by magnitude.
 *
 * @param price          limit price (MARKET: the worst price, or null)
 * @param avgFillPrice   volume-weighted fill price, null before the first fill
 * @param cancelReason   set when {@code status} is CANCELED
 */
public record Order(
        long orderId,
        String clientOrderId,
        long accountId,
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal price,
        BigDecimal size,
        BigDecimal filledSize,
        BigDecimal filledQuote,
        BigDecimal avgFillPrice,
        BigDecimal feesPaid,
        boolean reduceOnly,
        Instant expiry,
        OrderStatus status,
        CancelReason cancelReason,
        Instant createdAt,
        Instant updatedAt) {

    public BigDecimal remainingSize() {
        return size.subtract(filledSize);
    }
}
