package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.testing.VectorFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end through {@link LighterSigner}: for every tx vector (without attributes) the signer, given the
 * vector's key and context, yields the official hash, the official tx_info apart from Sig (plus today's
 * trailing L2TxAttributes) and a Sig that verifies.
 */
class LighterSignerVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signerReproducesEveryTxButTheRandomSignature() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : VectorFiles.matching("lighter-")) {
            JsonNode root = JSON.readTree(file.toFile());
            List<JsonNode> keys = new ArrayList<>();
            root.path("keys").forEach(keys::add);
            int i = 0;
            for (JsonNode v : root.path("txs")) {
                String where = file.getFileName() + " txs[" + i++ + "] " + v.get("kind").asText();
                JsonNode info = JSON.readTree(v.get("txInfo").asText());
                if (info.has("L2TxAttributes") && !info.get("L2TxAttributes").isNull()) {
                    continue; // attribute maps are covered by LighterTxVectorTest
                }
                LighterSigner signer = new LighterSigner(
                        LighterSignatureVectorTest.keyFor(keys, v.get("publicKey").asText()),
                        v.get("chainId").asLong(), v.get("accountIndex").asLong(), v.get("apiKeyIndex").asInt());
                LighterTx tx = build(signer, v.get("kind").asText(), v.get("params"), info.get("ExpiredAt").asLong());
                LighterSigner.SignedTx st = signer.sign(tx);
                JsonNode ours = JSON.readTree(st.txInfoJson());
                byte[] sig = Base64.getDecoder().decode(ours.get("Sig").asText());
                String expected = v.get("txInfo").asText().replace(info.get("Sig").asText(), ours.get("Sig").asText());
                if (!info.has("L2TxAttributes")) { // builds that predate attributes end at Sig
                    expected = expected.substring(0, expected.length() - 1) + ",\"L2TxAttributes\":null}";
                }
                if (st.txType() != v.get("txType").asInt()) {
                    failures.add(where + ": txType " + st.txType());
                }
                if (!st.txHashHex().equals(v.get("txHash").asText())) {
                    failures.add(where + ": hash " + st.txHashHex());
                }
                if (!st.txInfoJson().equals(expected)) {
                    failures.add(where + ": tx_info " + st.txInfoJson());
                }
                if (!Schnorr.verify(signer.publicKey(), LighterSignatureVectorTest.hex(st.txHashHex()), sig)) {
                    failures.add(where + ": our Sig does not verify");
                }
                checked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isPositive();
    }

    private static LighterTx build(LighterSigner s, String kind, JsonNode p, long expiredAt) {
        LighterTxContext ctx = s.context(p.get("nonce").asLong(), expiredAt);
        L2TxAttributes none = L2TxAttributes.none();
        return switch (kind) {
            case "createOrder" -> new CreateOrderTx(ctx, p.get("marketIndex").asInt(), p.get("clientOrderIndex").asLong(),
                    p.get("baseAmount").asLong(), p.get("price").asLong(), p.get("isAsk").asInt(),
                    p.get("orderType").asInt(), p.get("timeInForce").asInt(), p.get("reduceOnly").asInt(),
                    p.get("triggerPrice").asLong(), p.get("orderExpiry").asLong(), none);
            case "cancelOrder" -> new CancelOrderTx(ctx, p.get("marketIndex").asInt(), p.get("orderIndex").asLong(), none);
            case "cancelAllOrders" -> new CancelAllOrdersTx(ctx, p.get("timeInForce").asInt(), p.get("time").asLong(), none);
            case "updateLeverage" -> new UpdateLeverageTx(ctx, p.get("marketIndex").asInt(),
                    p.get("initialMarginFraction").asInt(), p.get("marginMode").asInt(), none);
            default -> throw new IllegalStateException("unhandled tx kind " + kind);
        };
    }
}
