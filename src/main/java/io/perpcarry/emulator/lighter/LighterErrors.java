package io.perpcarry.emulator.lighter;

/**
 * Error codes and texts the emulator answers with. Codes marked "documented" come from Lighter's
 * "Data Structures, Constants and Errors" page (docs/reference/lighter.md §2); the others are the
 * emulator's choice because Lighter does not publish them — clients must match on the text, as the
 * official SDK does for {@code invalid nonce}.
 */
public final class LighterErrors {
    private LighterErrors() {
    }

    // documented
    public static final int INVALID_TX_INFO = 21501;
    public static final int UNSUPPORTED_TX_TYPE = 21505;
    public static final int BELOW_INITIAL_MARGIN = 21508;
    public static final int NOT_ACTIVE_LIMIT_ORDER = 21600;
    public static final int INVALID_MARKET_INDEX = 21602;
    public static final int INVALID_ORDER_INDEX = 21700;
    public static final int INVALID_BASE_AMOUNT = 21701;
    public static final int INVALID_PRICE = 21702;
    public static final int INVALID_ORDER_TYPE = 21704;
    public static final int INVALID_TIME_IN_FORCE = 21705;
    public static final int INVALID_EXPIRY = 21711;
    public static final int INVALID_CLIENT_ORDER_INDEX = 21727;
    public static final int CLIENT_ORDER_INDEX_EXISTS = 21728;
    public static final int REDUCE_ONLY_INCREASES = 21732;
    public static final int NOT_ENOUGH_MARGIN = 21739;
    public static final int TOO_MANY_REQUESTS = 23000;

    // emulator's choice (undocumented on Lighter's side)
    public static final int INVALID_PARAM = 20001;
    public static final int INVALID_NONCE = 21104;
    public static final int INVALID_SIGNATURE = 21120;
    public static final int API_KEY_NOT_FOUND = 21109;
    public static final int TX_EXPIRED = 21116;
    public static final int INVALID_AUTH = 20013;
    public static final int ACCOUNT_NOT_FOUND = 21100;
    public static final int INTERNAL = 29500;

    static LighterApiException invalidTxInfo(String why) {
        return LighterApiException.badRequest(INVALID_TX_INFO, "invalid tx info: " + why);
    }

    static LighterApiException invalidParam(String why) {
        return LighterApiException.badRequest(INVALID_PARAM, "invalid param: " + why);
    }
}
