package io.perpcarry.domain;

/**
 * Direction of a held perp position. Not to be confused with {@link OrderSide}: a LONG is opened
 * with a BUY and closed with a SELL.
 */
public enum PositionSide {
    LONG,
    SHORT;

    public OrderSide openingOrder() {
        return this == LONG ? OrderSide.BUY : OrderSide.SELL;
    }

    public OrderSide closingOrder() {
        return openingOrder().opposite();
    }

    public PositionSide opposite() {
        return this == LONG ? SHORT : LONG;
    }

    /** +1 for LONG, -1 for SHORT: the sign of a signed position size. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
