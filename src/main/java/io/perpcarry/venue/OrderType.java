package io.perpcarry.venue;

/** How an order executes: a limit price with a time in force, or a market order with a worst price. */
public enum OrderType {
    /** Fill what crosses now, cancel the rest. */
    LIMIT_IOC,
    /** Rest on the book until filled, cancelled or expired. */
    LIMIT_GTT,
    /** Rest only; refused if it would take liquidity. */
    LIMIT_POST_ONLY,
    /** Take liquidity up to the worst acceptable price given as the limit price. */
    MARKET
}
