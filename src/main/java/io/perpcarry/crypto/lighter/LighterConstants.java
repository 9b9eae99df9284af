package io.perpcarry.crypto.lighter;

/**
 * Enumerations and limits used by Lighter transaction validation, as defined in lighter-go
 * types/txtypes/constants.go (and checked there by each tx's Validate()).
 */
public final class LighterConstants {
    // Order type.
    public static final int ORDER_TYPE_LIMIT = 0;
    public static final int ORDER_TYPE_MARKET = 1;
    public static final int ORDER_TYPE_STOP_LOSS = 2;
    public static final int ORDER_TYPE_STOP_LOSS_LIMIT = 3;
    public static final int ORDER_TYPE_TAKE_PROFIT = 4;
    public static final int ORDER_TYPE_TAKE_PROFIT_LIMIT = 5;
    public static final int ORDER_TYPE_TWAP = 6;

    // Order time in force.
    public static final int TIF_IMMEDIATE_OR_CANCEL = 0;
    public static final int TIF_GOOD_TILL_TIME = 1;
    public static final int TIF_POST_ONLY = 2;

    // Cancel-all time in force.
    public static final int CANCEL_ALL_IMMEDIATE = 0;
    public static final int CANCEL_ALL_SCHEDULED = 1;
    public static final int CANCEL_ALL_ABORT_SCHEDULED = 2;

    // Position margin mode and isolated-margin update direction.
    public static final int MARGIN_MODE_CROSS = 0;
    public static final int MARGIN_MODE_ISOLATED = 1;
    public static final int MARGIN_DIRECTION_REMOVE = 0;
    public static final int MARGIN_DIRECTION_ADD = 1;

    // Self-trade handling (attribute values).
    public static final int SELF_TRADE_EXPIRE_MAKER = 0;
    public static final int SELF_TRADE_EXPIRE_TAKER = 1;
    public static final int SELF_TRADE_CANCEL_BOTH = 2;
    public static final int SELF_TRADE_REDUCE = 3;
    public static final int SELF_TRADE_EQUALITY_ACCOUNT = 0;
    public static final int SELF_TRADE_EQUALITY_MASTER_ACCOUNT = 1;

    // Limits.
    public static final long MIN_ACCOUNT_INDEX = -1; // lighter-go allows -1 (its "nil" account)
    public static final long MAX_ACCOUNT_INDEX = (1L << 48) - 2;
    public static final int MAX_API_KEY_INDEX = 254;
    public static final int NIL_API_KEY_INDEX = 255;
    public static final int MIN_PERPS_MARKET_INDEX = 0;
    public static final int MAX_PERPS_MARKET_INDEX = 254;
    public static final int NIL_MARKET_INDEX = 255;
    public static final int MIN_SPOT_MARKET_INDEX = 2048;
    public static final int MAX_SPOT_MARKET_INDEX = 4094;
    public static final long MAX_CLIENT_ORDER_INDEX = (1L << 48) - 1;
    public static final long MAX_ORDER_INDEX = (1L << 60) - 1;
    public static final long MAX_ORDER_BASE_AMOUNT = (1L << 48) - 1;
    public static final long MAX_UINT32 = 0xFFFFFFFFL;
    public static final long MAX_TIMESTAMP = (1L << 48) - 1;
    public static final int MARGIN_FRACTION_TICK = 10_000;
    public static final long FEE_TICK = 1_000_000;
    public static final long MAX_TRANSFER_AMOUNT = (1L << 60) - 1;
    public static final int NB_ATTRIBUTES_PER_TX = 4;

    private LighterConstants() {
    }
}
