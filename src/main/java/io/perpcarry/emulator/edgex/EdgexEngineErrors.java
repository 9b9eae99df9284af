package io.perpcarry.emulator.edgex;

import java.util.Map;

import io.perpcarry.emulator.edgex.EdgexError.Codes;
import io.perpcarry.emulator.engine.RejectReason;

/** Engine refusals as the venue's error codes. */
final class EdgexEngineErrors {
    private EdgexEngineErrors() {
    }

    static EdgexError of(RejectReason reason, String message) {
        String code = switch (reason) {
            case UNKNOWN_MARKET -> Codes.INVALID_CONTRACT_ID;
            case UNKNOWN_ACCOUNT -> Codes.INVALID_ACCOUNT_ID;
            case INVALID_SIZE, SIZE_OUT_OF_RANGE, NOTIONAL_TOO_SMALL -> Codes.INVALID_ORDER_SIZE;
            case INVALID_PRICE -> Codes.INVALID_ORDER_PRICE;
            case INVALID_EXPIRY -> Codes.ORDER_EXPIRED;
            case POST_ONLY_WOULD_CROSS -> "POST_ONLY_WOULD_TRADE";
            case REDUCE_ONLY_WOULD_INCREASE -> "REDUCE_ONLY_WOULD_INCREASE_POSITION";
            case INSUFFICIENT_MARGIN -> "MARGIN_NOT_ENOUGH";
            case NOT_ENOUGH_LIQUIDITY -> "COULD_NOT_FILL";
            case DUPLICATE_CLIENT_ORDER_ID -> "DUPLICATE_CLIENT_ORDER_ID";
            case ORDER_NOT_FOUND -> "ORDER_NOT_FOUND";
            case INVALID_LEVERAGE -> Codes.INVALID_LEVERAGE;
        };
        return EdgexError.business(code, message == null ? reason.name() : message, Map.of("reason", reason.name()));
    }
}
