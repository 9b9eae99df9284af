package io.perpcarry.emulator.edgex;

import java.util.Map;

/**
 * A refusal the emulator answers with the venue's error envelope ({@code code} ≠ {@code SUCCESS},
 * {@code msg}, {@code errorParam}). EdgeX publishes no error-code list (edgex.md §11.5), so the
 * codes here are the emulator's own, apart from {@code INVALID_CONTRACT_ID} which the venue's docs
 * show. The HTTP status follows one rule: business refusals are HTTP 200 (edgex.md §1), malformed
 * requests 400 (the OpenAPI file declares 400 with the same envelope), failed authentication 401.
 */
public final class EdgexError extends RuntimeException {
    private final String code;
    private final String msg;
    private final int httpStatus;
    private final Map<String, String> errorParam;

    public EdgexError(String code, int httpStatus, String msg, Map<String, String> errorParam) {
        super(code + ": " + msg);
        this.code = code;
        this.msg = msg;
        this.httpStatus = httpStatus;
        this.errorParam = Map.copyOf(errorParam);
    }

    public static EdgexError business(String code, String msg) {
        return new EdgexError(code, 200, msg, Map.of());
    }

    public static EdgexError business(String code, String msg, Map<String, String> param) {
        return new EdgexError(code, 200, msg, param);
    }

    public static EdgexError badRequest(String msg) {
        return new EdgexError(Codes.INVALID_PARAMETER, 400, msg, Map.of());
    }

    public static EdgexError unauthorized(String code, String msg) {
        return new EdgexError(code, 401, msg, Map.of());
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Map<String, String> errorParam() {
        return errorParam;
    }

    public String msg() {
        return msg;
    }

    /** The error codes this emulator answers with. */
    public static final class Codes {
        public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
        public static final String INVALID_CONTRACT_ID = "INVALID_CONTRACT_ID";
        public static final String INVALID_ACCOUNT_ID = "INVALID_ACCOUNT_ID";
        public static final String AUTH_HEADER_MISSING = "AUTH_HEADER_MISSING";
        public static final String INVALID_API_KEY = "INVALID_API_KEY";
        public static final String INVALID_PASSPHRASE = "INVALID_PASSPHRASE";
        public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
        public static final String INVALID_TIMESTAMP = "INVALID_TIMESTAMP";
        public static final String INVALID_L2_SIGNATURE = "INVALID_L2_SIGNATURE";
        public static final String INVALID_L2_FIELD = "INVALID_L2_FIELD";
        public static final String INVALID_ORDER_SIZE = "INVALID_ORDER_SIZE";
        public static final String INVALID_ORDER_PRICE = "INVALID_ORDER_PRICE";
        public static final String ORDER_PRICE_OUT_OF_RANGE = "ORDER_PRICE_OUT_OF_RANGE";
        public static final String ORDER_EXPIRED = "ORDER_EXPIRED";
        public static final String ORDER_REJECTED = "ORDER_REJECTED";
        public static final String INVALID_LEVERAGE = "INVALID_LEVERAGE";
        public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
        public static final String SERVER_ERROR = "SERVER_ERROR";
        public static final String NOT_FOUND = "NOT_FOUND";
        /** Recorded (errors.json): getDepth with a level other than 15 or 200, answered on HTTP 200. */
        public static final String INVALID_DEPTH_LEVEL = "INVALID_DEPTH_LEVEL";
        /** Recorded (ws_control_frames.json): a WS subscription to an unknown contract. */
        public static final String GATEWAY_INVALID_CONTRACT_ID = "GATEWAY_INVALID_CONTRACT_ID";
        public static final String CONTRACT_TRADE_DISABLED = "CONTRACT_TRADE_DISABLED";
        public static final String CONTRACT_OPEN_POSITION_DISABLED = "CONTRACT_OPEN_POSITION_DISABLED";

        private Codes() {
        }
    }
}
