package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The engine's mutable copy of an accepted order; {@link #snapshot()} gives the public record. */
final class WorkingOrder {
    final long orderId;
    final String clientOrderId;
    final long accountId;
    final String symbol;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    BigDecimal price;
    BigDecimal size;
    final boolean reduceOnly;
    final Instant expiry;
    final Instant createdAt;
    BigDecimal filledSize = BigDecimal.ZERO;
    BigDecimal filledQuote = BigDecimal.ZERO;
    BigDecimal fees = Decimals.usd(BigDecimal.ZERO);
    OrderStatus status = OrderStatus.OPEN;
    CancelReason cancelReason;
    Instant updatedAt;

    WorkingOrder(long orderId, long accountId, OrderRequest request, BigDecimal size, Instant now) {
        this.orderId = orderId;
        this.clientOrderId = request.clientOrderId();
        this.accountId = accountId;
        this.symbol = request.symbol();
        this.side = request.side();
        this.type = request.type();
        this.timeInForce = request.timeInForce();
        this.price = request.limitPrice();
        this.size = size;
        this.reduceOnly = request.reduceOnly();
        this.expiry = request.expiry();
        this.createdAt = now;
        this.updatedAt = now;
    }

    BigDecimal remaining() {
        return size.subtract(filledSize);
    }

    void recordFill(BigDecimal qty, BigDecimal fillPrice, BigDecimal fee, Instant now) {
        filledSize = filledSize.add(qty);
        filledQuote = filledQuote.add(qty.multiply(fillPrice));
        fees = fees.add(fee);
        updatedAt = now;
        if (remaining().signum() == 0) {
            status = OrderStatus.FILLED;
        }
    }

    void cancel(CancelReason reason, Instant now) {
        status = OrderStatus.CANCELED;
        cancelReason = reason;
        updatedAt = now;
    }

    Order snapshot() {
        BigDecimal avg = filledSize.signum() == 0 ? null
                : filledQuote.divide(filledSize, Decimals.ENTRY, RoundingMode.HALF_EVEN);
        return new Order(orderId, clientOrderId, accountId, symbol, side, type, timeInForce, price, size, filledSize,
                filledQuote, avg, fees, reduceOnly, expiry, status, cancelReason, createdAt, updatedAt);
    }
}
