package io.perpcarry.emulator.engine;

/**
 * Why the engine refused something. Venue-neutral; each wire layer maps these to its venue's codes
 * (Lighter: see {@code lighterCode()} hints in docs/reference/lighter.md §2).
 */
public enum RejectReason {
    UNKNOWN_MARKET,
    UNKNOWN_ACCOUNT,
    /** Size not positive or not a multiple of the venue's step. */
    INVALID_SIZE,
    /** Price not positive or not a multiple of the venue's tick; LIMIT without a price. */
    INVALID_PRICE,
    /** Size below the venue's minimum base amount / minOrderSize or above maxOrderSize. */
    SIZE_OUT_OF_RANGE,
    /** Notional below Lighter's min quote amount. */
    NOTIONAL_TOO_SMALL,
    INVALID_EXPIRY,
    /** A POST_ONLY order would have crossed the book. */
    POST_ONLY_WOULD_CROSS,
    /** A reduce-only order on a flat position or in the direction of the position. */
    REDUCE_ONLY_WOULD_INCREASE,
    /** Not enough available balance for the initial margin of the new exposure. */
    INSUFFICIENT_MARGIN,
    /** FOK could not fill completely, or MARKET found nothing within its worst price. */
    NOT_ENOUGH_LIQUIDITY,
    DUPLICATE_CLIENT_ORDER_ID,
    ORDER_NOT_FOUND,
    /** Leverage outside 1..maxLeverage. */
    INVALID_LEVERAGE
}
