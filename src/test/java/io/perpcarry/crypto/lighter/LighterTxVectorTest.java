package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.testing.VectorFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds every {@code txs[]} entry of every {@code lighter-*.json} vector file (bundled and in
 * $PERPCARRY_VECTORS_DIR) from its params, context and the ExpiredAt inside txInfo, then checks
 * (Check 1) the tx hash and (Check 3) the exact tx_info string, Sig excepted. Any failing entry,
 * unreadable file or unknown kind fails the test.
 */
class LighterTxVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTxVectorMatchesHashAndTxInfo() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : VectorFiles.matching("lighter-")) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (java.io.IOException e) {
                failures.add(file + ": unreadable: " + e.getMessage());
                continue;
            }
            JsonNode txs = root.get("txs");
            if (txs == null) {
                continue; // a file with keys / auth tokens only
            }
            if (!txs.isArray() || txs.isEmpty()) {
                failures.add(file + ": txs is not a non-empty array");
                continue;
            }
            for (int i = 0; i < txs.size(); i++) {
                String where = file.getFileName() + " txs[" + i + "]";
                try {
                    checkEntry(txs.get(i), where, failures);
                    checked++;
                } catch (Exception e) {
                    failures.add(where + ": " + e);
                }
            }
        }
        assertThat(failures).as("failing tx vectors").isEmpty();
        assertThat(checked).as("tx vectors checked").isPositive();
    }

    private static void checkEntry(JsonNode v, String where, List<String> failures) throws Exception {
        String txInfo = text(v, "txInfo");
        JsonNode info = JSON.readTree(txInfo);
        LighterTx tx = build(v, info);

        int expectedType = Math.toIntExact(num(v, "txType"));
        if (tx.txType() != expectedType) {
            failures.add(where + ": txType " + tx.txType() + " != " + expectedType);
        }
        String hash = HexFormat.of().formatHex(tx.hash());
        String expectedHash = text(v, "txHash").toLowerCase().replaceFirst("^0x", "");
        if (!hash.equals(expectedHash)) {
            failures.add(where + " (" + v.get("kind").asText() + "): hash " + hash + " != " + expectedHash);
        }

        byte[] sig = Base64.getDecoder().decode(text(info, "Sig"));
        String ours = tx.txInfoJson(sig);
        // Signer builds that predate attributes end at Sig; today's lighter-go appends the attributes.
        String expected = info.has("L2TxAttributes") ? txInfo
                : txInfo.substring(0, txInfo.length() - 1) + ",\"L2TxAttributes\":null}";
        if (!ours.equals(expected)) {
            failures.add(where + ": tx_info\n  ours:     " + ours + "\n  expected: " + expected);
        }
    }

    private static LighterTx build(JsonNode v, JsonNode info) {
        JsonNode p = req(v, "params");
        LighterTxContext ctx = new LighterTxContext(num(v, "chainId"), num(v, "accountIndex"),
                Math.toIntExact(num(v, "apiKeyIndex")), num(p, "nonce"), num(info, "ExpiredAt"));
        L2TxAttributes attrs = attributes(info.get("L2TxAttributes"));
        String kind = text(v, "kind");
        return switch (kind) {
            case "createOrder" -> new CreateOrderTx(ctx, Math.toIntExact(num(p, "marketIndex")),
                    num(p, "clientOrderIndex"), num(p, "baseAmount"), num(p, "price"),
                    Math.toIntExact(num(p, "isAsk")), Math.toIntExact(num(p, "orderType")), Math.toIntExact(num(p, "timeInForce")),
                    Math.toIntExact(num(p, "reduceOnly")), num(p, "triggerPrice"), num(p, "orderExpiry"),
                    attrs);
            case "cancelOrder" -> new CancelOrderTx(ctx, Math.toIntExact(num(p, "marketIndex")), num(p, "orderIndex"),
                    attrs);
            case "cancelAllOrders" -> new CancelAllOrdersTx(ctx, Math.toIntExact(num(p, "timeInForce")), num(p, "time"),
                    attrs);
            case "modifyOrder" -> new ModifyOrderTx(ctx, Math.toIntExact(num(p, "marketIndex")),
                    num(p, p.has("index") ? "index" : "orderIndex"), num(p, "baseAmount"),
                    num(p, "price"), num(p, "triggerPrice"), attrs);
            case "updateLeverage" -> new UpdateLeverageTx(ctx, Math.toIntExact(num(p, "marketIndex")),
                    Math.toIntExact(num(p, "initialMarginFraction")), Math.toIntExact(num(p, "marginMode")), attrs);
            case "updateMargin" -> new UpdateMarginTx(ctx, Math.toIntExact(num(p, "marketIndex")), num(p, "usdcAmount"),
                    Math.toIntExact(num(p, "direction")), attrs);
            default -> throw new IllegalStateException("unknown tx kind: " + kind);
        };
    }

    private static L2TxAttributes attributes(JsonNode node) {
        L2TxAttributes attrs = L2TxAttributes.none();
        if (node == null || node.isNull()) {
            return attrs;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
                throw new IllegalStateException("attribute " + e.getKey() + " is not an integer");
            }
            attrs = attrs.with(Integer.parseInt(e.getKey()), e.getValue().longValue());
        }
        return attrs;
    }

    private static JsonNode req(JsonNode node, String field) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            throw new IllegalStateException("missing field '" + field + "'");
        }
        return f;
    }

    private static long num(JsonNode node, String field) {
        JsonNode f = req(node, field);
        if (!f.isIntegralNumber() || !f.canConvertToLong()) {
            throw new IllegalStateException("field '" + field + "' is not a 64-bit integer: " + f);
        }
        return f.longValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode f = req(node, field);
        if (!f.isTextual()) {
            throw new IllegalStateException("field '" + field + "' is not a string: " + f);
        }
        return f.asText();
    }
}
