package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as a wire layer decoded it, in plain decimal units.
 *
 * @param symbol          the market symbol ("BTC"); wire layers map market_id / contractId with {@link Exchange#marketByVenueId}
 * @param limitPrice      LIMIT: the limit; MARKET: the worst acceptable price or null for none
 * @param clientOrderId   the client's id as text (Lighter client_order_index, EdgeX clientOrderId); null = none
 * @param expiry          GTT / POST_ONLY expiry; null = good till cancel
 * @param maxFillFraction share of {@code size} that may fill immediately (a PARTIAL_FILL fault); null = all
 */
public record OrderRequest(
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal size,
        BigDecimal limitPrice,
        boolean reduceOnly,
        String clientOrderId,
        Instant expiry,
        BigDecimal maxFillFraction) {

    public OrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(size, "size");
    }

    public static OrderRequest limit(String symbol, Side side, BigDecimal size, BigDecimal price, TimeInForce tif) {
        return new OrderRequest(symbol, side, OrderType.LIMIT, tif, size, price, false, null, null, null);
    }

    public static OrderRequest market(String symbol, Side side, BigDecimal size) {
        return new OrderRequest(symbol, side, OrderType.MARKET, TimeInForce.IOC, size, null, false, null, null, null);
    }

    public OrderRequest withReduceOnly(boolean value) {
        return new OrderRequest(symbol, side, type, timeInForce, size, limitPrice, value, clientOrderId, expiry,
                maxFillFraction);
    }

    public OrderRequest withClientOrderId(String value) {
        return new OrderRequest(symbol, side, type, timeInForce, size, limitPrice, reduceOnly, value, expiry,
                maxFillFraction);
    }

    public OrderRequest withExpiry(Instant value) {
        return new OrderRequest(symbol, side, type, timeInForce, size, limitPrice, reduceOnly, clientOrderId, value,
                maxFillFraction);
    }

    public OrderRequest withMaxFillFraction(BigDecimal value) {
        return new OrderRequest(symbol, side, type, timeInForce, size, limitPrice, reduceOnly, clientOrderId, expiry,
                value);
    }
}
