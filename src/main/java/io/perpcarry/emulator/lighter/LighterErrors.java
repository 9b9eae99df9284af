package io.perpcarry.emulator.lighter;

import io.perpcarry.crypto.lighter.LighterTx;
import io.perpcarry.crypto.lighter.LighterTxType;
import io.perpcarry.crypto.lighter.LighterTxValidationException;

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
    /** Unverified (no capture or doc names it): an unknown tx in {@code /api/v1/tx}. */
    public static final int TX_NOT_FOUND = 21500;

    static LighterApiException invalidTxInfo(String why) {
        return LighterApiException.badRequest(INVALID_TX_INFO, "invalid tx info: " + why);
    }

    /**
     * A tx that breaks the signer's {@code Validate()} rules ({@link LighterTx#validate()}): the closest
     * documented code for the offending field, 21501 "invalid tx info" otherwise; the message is the
     * signer's {@code "Field: reason"}.
     */
    static LighterApiException invalidTx(int txType, LighterTxValidationException e) {
        int code = switch (e.field()) {
            case "MarketIndex" -> INVALID_MARKET_INDEX;
            case "Index" -> INVALID_ORDER_INDEX;
            case "ClientOrderIndex" -> INVALID_CLIENT_ORDER_INDEX;
            case "BaseAmount" -> INVALID_BASE_AMOUNT;
            case "Price" -> INVALID_PRICE;
            case "Type" -> INVALID_ORDER_TYPE;
            case "OrderExpiry" -> INVALID_EXPIRY;
            // an order's time in force; a cancel-all's is just invalid tx info
            case "TimeInForce" -> txType == LighterTxType.CREATE_ORDER ? INVALID_TIME_IN_FORCE : INVALID_TX_INFO;
            default -> INVALID_TX_INFO;
        };
        return LighterApiException.badRequest(code, e.getMessage());
    }

    static LighterApiException invalidParam(String why) {
        return LighterApiException.badRequest(INVALID_PARAM, "invalid param: " + why);
    }
}
