package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.emulator.lighter.LighterTx.Header;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Parses the signer's {@code tx_info} JSON (Go field names, see docs/reference/lighter.md §5.4) into
 * {@link LighterTx}. Strict: every field of the Go struct must be present as a JSON integer within the Go
 * type's range — a value Go would refuse to unmarshal is refused here — except {@code L2TxAttributes},
 * which older signers omit (absent = null = no attributes). Unknown keys are ignored, as Go does.
 */
public final class LighterTxInfoParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<Integer> SUPPORTED = java.util.Set.of(LighterTx.CREATE_ORDER,
            LighterTx.CANCEL_ORDER, LighterTx.CANCEL_ALL_ORDERS, LighterTx.MODIFY_ORDER, LighterTx.UPDATE_LEVERAGE,
            LighterTx.UPDATE_MARGIN);

    private LighterTxInfoParser() {
    }

    /** Parses {@code txInfo} JSON text for {@code txType}. */
    public static LighterTx parse(int txType, String txInfo) {
        if (!SUPPORTED.contains(txType)) {
            throw LighterApiException.badRequest(LighterErrors.UNSUPPORTED_TX_TYPE, "unsupported tx type " + txType);
        }
        JsonNode node;
        try {
            node = JSON.readTree(txInfo);
        } catch (JsonProcessingException e) {
            throw LighterErrors.invalidTxInfo("tx_info is not JSON");
        }
        return parse(txType, node);
    }

    /** Parses an already decoded tx_info object (the WebSocket {@code jsonapi/sendtx} form). */
    public static LighterTx parse(int txType, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw LighterErrors.invalidTxInfo("tx_info must be a JSON object");
        }
        if (!SUPPORTED.contains(txType)) {
            throw LighterApiException.badRequest(LighterErrors.UNSUPPORTED_TX_TYPE, "unsupported tx type " + txType);
        }
        Header h = header(n);
        return switch (txType) {
            case LighterTx.CREATE_ORDER -> new LighterTx.CreateOrder(h, int16(n, "MarketIndex"),
                    int64(n, "ClientOrderIndex"), int64(n, "BaseAmount"), uint32(n, "Price"), uint8(n, "IsAsk"),
                    uint8(n, "Type"), uint8(n, "TimeInForce"), uint8(n, "ReduceOnly"), uint32(n, "TriggerPrice"),
                    int64(n, "OrderExpiry"));
            case LighterTx.CANCEL_ORDER -> new LighterTx.CancelOrder(h, int16(n, "MarketIndex"), int64(n, "Index"));
            case LighterTx.CANCEL_ALL_ORDERS -> new LighterTx.CancelAllOrders(h, uint8(n, "TimeInForce"),
                    int64(n, "Time"));
            case LighterTx.MODIFY_ORDER -> new LighterTx.ModifyOrder(h, int16(n, "MarketIndex"), int64(n, "Index"),
                    int64(n, "BaseAmount"), uint32(n, "Price"), uint32(n, "TriggerPrice"));
            case LighterTx.UPDATE_LEVERAGE -> new LighterTx.UpdateLeverage(h, int16(n, "MarketIndex"),
                    (int) range(n, "InitialMarginFraction", 0, 0xFFFF), uint8(n, "MarginMode"));
            case LighterTx.UPDATE_MARGIN -> new LighterTx.UpdateMargin(h, int16(n, "MarketIndex"),
                    int64(n, "USDCAmount"), uint8(n, "Direction"));
            default -> throw LighterApiException.badRequest(LighterErrors.UNSUPPORTED_TX_TYPE,
                    "unsupported tx type " + txType);
        };
    }

    private static Header header(JsonNode n) {
        return new Header(int64(n, "AccountIndex"), uint8(n, "ApiKeyIndex"), int64(n, "ExpiredAt"),
                int64(n, "Nonce"), sig(n), attributes(n.get("L2TxAttributes")));
    }

    private static byte[] sig(JsonNode n) {
        JsonNode s = n.get("Sig");
        if (s == null || !s.isTextual()) {
            throw LighterErrors.invalidTxInfo("Sig must be a base64 string");
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(s.asText());
        } catch (IllegalArgumentException e) {
            throw LighterErrors.invalidTxInfo("Sig is not base64");
        }
        if (b.length != 80) {
            throw LighterErrors.invalidTxInfo("Sig must be 80 bytes, got " + b.length);
        }
        return b;
    }

    private static LighterTxAttributes attributes(JsonNode a) {
        if (a == null || a.isNull()) {
            return LighterTxAttributes.NONE;
        }
        if (!a.isObject()) {
            throw LighterErrors.invalidTxInfo("L2TxAttributes must be an object or null");
        }
        Map<Integer, Long> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int key;
            try {
                key = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw LighterErrors.invalidTxInfo("L2TxAttributes key is not a number: " + e.getKey());
            }
            if (key < 0 || key > 255 || !e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
                throw LighterErrors.invalidTxInfo("L2TxAttributes entry " + e.getKey() + " is invalid");
            }
            out.put(key, e.getValue().asLong());
        }
        return new LighterTxAttributes(out);
    }

    private static long int64(JsonNode n, String f) {
        return range(n, f, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static int int16(JsonNode n, String f) {
        return (int) range(n, f, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    private static int uint8(JsonNode n, String f) {
        return (int) range(n, f, 0, 255);
    }

    private static long uint32(JsonNode n, String f) {
        return range(n, f, 0, 0xFFFF_FFFFL);
    }

    private static long range(JsonNode n, String f, long min, long max) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            throw LighterErrors.invalidTxInfo("missing field " + f);
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw LighterErrors.invalidTxInfo("field " + f + " must be an integer");
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw LighterErrors.invalidTxInfo("field " + f + " out of range");
        }
        return x;
    }
}
