package io.perpcarry.domain;

/** Side of an order sent to a venue. BUY takes liquidity from the asks, SELL from the bids. */
public enum OrderSide {
    BUY,
    SELL;

    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }
}
