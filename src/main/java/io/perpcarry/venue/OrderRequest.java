package io.perpcarry.venue;

import io.perpcarry.domain.HedgeLeg;
import io.perpcarry.domain.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order to a venue. {@code clientOrderId} is ours (numeric, below 2^48, so Lighter accepts it too) and is
 * how an order of unknown outcome is found again.
 */
public record OrderRequest(String symbol, OrderSide side, BigDecimal size, BigDecimal price, OrderType type,
                           boolean reduceOnly, long clientOrderId) {
    public static final long MAX_CLIENT_ORDER_ID = (1L << 48) - 1;

    public OrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (size == null || size.signum() <= 0) {
            throw new IllegalArgumentException("order size must be positive, got " + size);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("order price must be positive (a market order's worst price), got " + price);
        }
        if (clientOrderId < 1 || clientOrderId > MAX_CLIENT_ORDER_ID) {
            throw new IllegalArgumentException("clientOrderId must be in [1, 2^48-1], got " + clientOrderId);
        }
    }

    /** An immediate-or-cancel limit order for a planned hedge leg. */
    public static OrderRequest ioc(HedgeLeg leg) {
        return new OrderRequest(leg.symbol(), leg.side(), leg.size(), leg.limitPrice(), OrderType.LIMIT_IOC,
                leg.reduceOnly(), Long.parseLong(leg.clientOrderId()));
    }
}
