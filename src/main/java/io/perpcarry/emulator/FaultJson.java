package io.perpcarry.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * JSON form of faults, shared by the scenario file ({@code "faults": [...]}) and {@code POST /_emulator/faults}.
 * One fault:
 * <pre>
 * {"venue": "LIGHTER" | "EDGEX" (omit = both), "kind": "REJECT", "count": 2 (omit = 1, -1 = forever),
 *  "match": {"path": "/api/v1/sendTx", "txType": 14, "side": "BUY", "clientOrderId": "42", "symbol": "BTC"},
 *  "errorCode": "21739", "message": "not enough margin to create the order",   (REJECT)
 *  "delayMs": 1500,                                                             (DELAY_MS)
 *  "fraction": "0.4",                                                           (PARTIAL_FILL)
 *  "httpStatus": 503}                                                           (HTTP_5XX, default 500)
 * </pre>
 */
public final class FaultJson {
    private FaultJson() {
    }

    /** Parses an array of faults; problems are added with {@code path} as prefix ("faults[1].kind: ..."). */
    public static List<Fault> parseList(JsonNode array, String path, List<String> problems) {
        throw new UnsupportedOperationException("not yet");
    }

    public static JsonNode toJson(Fault fault) {
        throw new UnsupportedOperationException("not yet");
    }

    public static JsonNode toJson(List<Fault> faults) {
        throw new UnsupportedOperationException("not yet");
    }
}
