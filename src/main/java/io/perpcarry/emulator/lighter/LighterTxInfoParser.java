package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CancelOrderTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.LighterTx;
import io.perpcarry.crypto.lighter.LighterTxContext;
import io.perpcarry.crypto.lighter.LighterTxType;
import io.perpcarry.crypto.lighter.LighterTxValidationException;
import io.perpcarry.crypto.lighter.ModifyOrderTx;
import io.perpcarry.crypto.lighter.Schnorr;
import io.perpcarry.crypto.lighter.UpdateLeverageTx;
import io.perpcarry.crypto.lighter.UpdateMarginTx;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses the signer's {@code tx_info} JSON (Go field names, see docs/reference/lighter.md §5.4) into the
 * signer's own {@link LighterTx} records, for the emulator's chain id. Strict: every field of the Go struct
 * must be present as a JSON integer within the Go type's range — a value Go would refuse to unmarshal is
 * refused here — except {@code L2TxAttributes}, which older signers omit (absent = null = no attributes).
 * Unknown keys are ignored, as Go does. Only parsing happens here; the signer's {@code Validate()} rules are
 * {@link LighterTx#validate()}.
 */
public final class LighterTxInfoParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> SUPPORTED = Set.of(LighterTxType.CREATE_ORDER, LighterTxType.CANCEL_ORDER,
            LighterTxType.CANCEL_ALL_ORDERS, LighterTxType.MODIFY_ORDER, LighterTxType.UPDATE_LEVERAGE,
            LighterTxType.UPDATE_MARGIN);

    /** A parsed tx and the 80-byte Schnorr signature {@code tx_info} carried for it. */
    public record ParsedTx(LighterTx tx, byte[] sig) {
    }

    private LighterTxInfoParser() {
    }

    /** Parses {@code txInfo} JSON text for {@code txType}, signed for {@code chainId}. */
    public static ParsedTx parse(int txType, String txInfo, long chainId) {
        if (!SUPPORTED.contains(txType)) {
            throw LighterApiException.badRequest(LighterErrors.UNSUPPORTED_TX_TYPE, "unsupported tx type " + txType);
        }
        JsonNode node;
        try {
            node = JSON.readTree(txInfo);
        } catch (JsonProcessingException e) {
            throw LighterErrors.invalidTxInfo("tx_info is not JSON");
        }
        return parse(txType, node, chainId);
    }

    /** Parses an already decoded tx_info object (the WebSocket {@code jsonapi/sendtx} form). */
    public static ParsedTx parse(int txType, JsonNode n, long chainId) {
        if (n == null || !n.isObject()) {
            throw LighterErrors.invalidTxInfo("tx_info must be a JSON object");
        }
        if (!SUPPORTED.contains(txType)) {
            throw LighterApiException.badRequest(LighterErrors.UNSUPPORTED_TX_TYPE, "unsupported tx type " + txType);
        }
        long account = int64(n, "AccountIndex");
        int apiKey = uint8(n, "ApiKeyIndex");
        long expiredAt = int64(n, "ExpiredAt");
        LighterTxContext c = new LighterTxContext(chainId, account, apiKey, int64(n, "Nonce"), expiredAt);
        byte[] sig = sig(n);
        L2TxAttributes a = attributes(txType, n.get("L2TxAttributes"));
        LighterTx tx = switch (txType) {
            case LighterTxType.CREATE_ORDER -> new CreateOrderTx(c, int16(n, "MarketIndex"),
                    int64(n, "ClientOrderIndex"), int64(n, "BaseAmount"), uint32(n, "Price"), uint8(n, "IsAsk"),
                    uint8(n, "Type"), uint8(n, "TimeInForce"), uint8(n, "ReduceOnly"), uint32(n, "TriggerPrice"),
                    int64(n, "OrderExpiry"), a);
            case LighterTxType.CANCEL_ORDER -> new CancelOrderTx(c, int16(n, "MarketIndex"), int64(n, "Index"), a);
            case LighterTxType.CANCEL_ALL_ORDERS -> new CancelAllOrdersTx(c, uint8(n, "TimeInForce"),
                    int64(n, "Time"), a);
            case LighterTxType.MODIFY_ORDER -> new ModifyOrderTx(c, int16(n, "MarketIndex"), int64(n, "Index"),
                    int64(n, "BaseAmount"), uint32(n, "Price"), uint32(n, "TriggerPrice"), a);
            case LighterTxType.UPDATE_LEVERAGE -> new UpdateLeverageTx(c, int16(n, "MarketIndex"),
                    (int) range(n, "InitialMarginFraction", 0, 0xFFFF), uint8(n, "MarginMode"), a);
            case LighterTxType.UPDATE_MARGIN -> new UpdateMarginTx(c, int16(n, "MarketIndex"),
                    int64(n, "USDCAmount"), uint8(n, "Direction"), a);
            default -> throw LighterApiException.badRequest(LighterErrors.UNSUPPORTED_TX_TYPE,
                    "unsupported tx type " + txType);
        };
        return new ParsedTx(tx, sig);
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
        if (b.length != Schnorr.SIGNATURE_BYTES) {
            throw LighterErrors.invalidTxInfo("Sig must be " + Schnorr.SIGNATURE_BYTES + " bytes, got " + b.length);
        }
        return b;
    }

    /** Go's {@code map[uint8]int64}; an attribute type the signer does not know is a validation error. */
    private static L2TxAttributes attributes(int txType, JsonNode a) {
        if (a == null || a.isNull()) {
            return L2TxAttributes.none();
        }
        if (!a.isObject()) {
            throw LighterErrors.invalidTxInfo("L2TxAttributes must be an object or null");
        }
        Map<Integer, Long> entries = new TreeMap<>();
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
            entries.put(key, e.getValue().asLong());
        }
        L2TxAttributes out = L2TxAttributes.none();
        try {
            for (Map.Entry<Integer, Long> e : entries.entrySet()) {
                out = out.with(e.getKey(), e.getValue());
            }
        } catch (LighterTxValidationException e) {
            throw LighterErrors.invalidTx(txType, e);
        }
        return out;
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
