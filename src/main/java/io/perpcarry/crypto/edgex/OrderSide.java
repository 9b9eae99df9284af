package io.perpcarry.crypto.edgex;

/** Order direction; BUY sets {@code isBuyingSynthetic}. */
public enum OrderSide {
    BUY,
    SELL
}
