package io.perpcarry.emulator.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CancelOrderTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.LighterConstants;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.crypto.lighter.LighterTx;
import io.perpcarry.crypto.lighter.LighterTxContext;
import io.perpcarry.crypto.lighter.LighterTxValidationException;
import io.perpcarry.crypto.lighter.ModifyOrderTx;
import io.perpcarry.crypto.lighter.Schnorr;
import io.perpcarry.crypto.lighter.UpdateLeverageTx;
import io.perpcarry.crypto.lighter.UpdateMarginTx;
import io.perpcarry.emulator.lighter.LighterTxInfoParser.ParsedTx;
import io.perpcarry.testing.VectorFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every official signer vector parses into the signer's records, hashes to the signer's tx hash and verifies;
 * the signer's validation errors map onto Lighter's error codes.
 */
class LighterTxInfoParserTest {
    private static final L2TxAttributes NONE = L2TxAttributes.none();
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> vectorTxs() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Path p : VectorFiles.matching("lighter-")) {
            JSON.readTree(p.toFile()).path("txs").forEach(out::add);
        }
        return out;
    }

    @Test
    void officialVectorsHashAndVerify() throws Exception {
        List<JsonNode> txs = vectorTxs();
        assertThat(txs).isNotEmpty();
        for (JsonNode v : txs) {
            int type = v.get("txType").asInt();
            long chainId = v.get("chainId").asLong();
            ParsedTx p = LighterTxInfoParser.parse(type, v.get("txInfo").asText(), chainId);
            p.tx().validate();
            assertThat(p.tx().txType()).isEqualTo(type);
            assertThat(HexFormat.of().formatHex(p.tx().hash())).as(v.get("kind").asText())
                    .isEqualTo(v.get("txHash").asText());
            // parsing then re-serialising gives back the signer's tx_info (older signers omit null attributes)
            ObjectNode sent = (ObjectNode) JSON.readTree(v.get("txInfo").asText());
            if (!sent.has("L2TxAttributes")) {
                sent.putNull("L2TxAttributes");
            }
            assertThat(JSON.readTree(p.tx().txInfoJson(p.sig()))).isEqualTo(sent);
            byte[] pk = HexFormat.of().parseHex(v.get("publicKey").asText().substring(2));
            assertThat(Schnorr.verify(pk, p.tx().hash(), p.sig())).isTrue();
            long other = chainId == 304 ? 300 : 304;
            ParsedTx elsewhere = LighterTxInfoParser.parse(type, v.get("txInfo").asText(), other);
            assertThat(Schnorr.verify(pk, elsewhere.tx().hash(), elsewhere.sig())).as("other chain id").isFalse();
        }
    }

    @Test
    void alteredFieldNoLongerVerifies() throws Exception {
        JsonNode v = vectorTxs().get(0);
        ObjectNode info = (ObjectNode) JSON.readTree(v.get("txInfo").asText());
        info.put("BaseAmount", info.get("BaseAmount").asLong() + 1);
        ParsedTx p = LighterTxInfoParser.parse(14, info.toString(), 304);
        byte[] pk = HexFormat.of().parseHex(v.get("publicKey").asText().substring(2));
        assertThat(Schnorr.verify(pk, p.tx().hash(), p.sig())).isFalse();
    }

    @Test
    void attributesChangeTheHashAndOurSignatureVerifies() throws Exception {
        JsonNode v = vectorTxs().get(0);
        ObjectNode info = (ObjectNode) JSON.readTree(v.get("txInfo").asText());
        LighterTx plain = LighterTxInfoParser.parse(14, info.toString(), 304).tx();
        assertThat(plain.attributes().skipNonce()).isFalse();
        info.set("L2TxAttributes", JSON.valueToTree(Map.of("4", 1)));
        LighterTx skip = LighterTxInfoParser.parse(14, info.toString(), 304).tx();
        assertThat(skip.attributes().skipNonce()).isTrue();
        assertThat(skip.hash()).isNotEqualTo(plain.hash());

        LighterPrivateKey key = LighterPrivateKey.fromHex(
                JSON.readTree(VectorFiles.matching("lighter-").get(0).toFile()).path("keys").get(0).get("privateKey").asText());
        info.put("Sig", Base64.getEncoder().encodeToString(Schnorr.sign(key, skip.hash())));
        ParsedTx signed = LighterTxInfoParser.parse(14, info.toString(), 304);
        assertThat(Schnorr.verify(key.publicKey(), signed.tx().hash(), signed.sig())).isTrue();
    }

    @Test
    void refusesMalformedInfo() {
        assertThatThrownBy(() -> LighterTxInfoParser.parse(14, "{", 304))
                .isInstanceOfSatisfying(LighterApiException.class, e -> assertThat(e.code()).isEqualTo(21501));
        assertThatThrownBy(() -> LighterTxInfoParser.parse(99, "{}", 304))
                .isInstanceOfSatisfying(LighterApiException.class, e -> assertThat(e.code()).isEqualTo(21505));
        assertThatThrownBy(() -> LighterTxInfoParser.parse(15,
                "{\"AccountIndex\":\"1\",\"ApiKeyIndex\":3,\"MarketIndex\":0,\"Index\":5,\"ExpiredAt\":1,\"Nonce\":1,"
                        + "\"Sig\":\"" + Base64.getEncoder().encodeToString(new byte[80]) + "\"}", 304))
                .hasMessageContaining("AccountIndex");
    }

    @Test
    void refusesOutOfRangeFieldsAndAttributes() throws Exception {
        ObjectNode info = (ObjectNode) JSON.readTree(vectorTxs().get(0).get("txInfo").asText());
        ObjectNode wide = info.deepCopy().put("Price", 1L << 32);
        assertThatThrownBy(() -> LighterTxInfoParser.parse(14, wide.toString(), 304))
                .isInstanceOfSatisfying(LighterApiException.class, e -> assertThat(e.code()).isEqualTo(21501))
                .hasMessageContaining("Price");
        ObjectNode missing = info.deepCopy();
        missing.remove("Nonce");
        assertThatThrownBy(() -> LighterTxInfoParser.parse(14, missing.toString(), 304))
                .hasMessageContaining("missing field Nonce");
        ObjectNode shortSig = info.deepCopy().put("Sig", Base64.getEncoder().encodeToString(new byte[79]));
        assertThatThrownBy(() -> LighterTxInfoParser.parse(14, shortSig.toString(), 304))
                .hasMessageContaining("80 bytes");
        ObjectNode unknownAttribute = info.deepCopy();
        unknownAttribute.set("L2TxAttributes", JSON.valueToTree(Map.of("9", 1)));
        assertThatThrownBy(() -> LighterTxInfoParser.parse(14, unknownAttribute.toString(), 304))
                .isInstanceOfSatisfying(LighterApiException.class, e -> assertThat(e.code()).isEqualTo(21501));
        ObjectNode noAttributes = info.deepCopy();
        noAttributes.remove("L2TxAttributes");
        assertThat(LighterTxInfoParser.parse(14, noAttributes.toString(), 304).tx().attributes().isAbsent()).isTrue();
    }

    @Test
    void validationErrorsMapToLighterCodes() {
        LighterTxContext c = new LighterTxContext(304, 281, 3, 0, 1_000);
        int limit = LighterConstants.ORDER_TYPE_LIMIT;
        int ioc = LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
        int market = LighterErrors.INVALID_MARKET_INDEX;
        assertCode(new CreateOrderTx(c, 300, 0, 10, 10, 0, limit, ioc, 0, 0, 0, NONE), market);
        assertCode(new CreateOrderTx(c, 1, 1L << 48, 10, 10, 0, limit, ioc, 0, 0, 0, NONE),
                LighterErrors.INVALID_CLIENT_ORDER_INDEX);
        assertCode(new CreateOrderTx(c, 1, 0, 0, 10, 0, limit, ioc, 0, 0, 0, NONE), LighterErrors.INVALID_BASE_AMOUNT);
        assertCode(new CreateOrderTx(c, 1, 0, 10, 0, 0, limit, ioc, 0, 0, 0, NONE), LighterErrors.INVALID_PRICE);
        assertCode(new CreateOrderTx(c, 1, 0, 10, 10, 0, limit, 3, 0, 0, 0, NONE), LighterErrors.INVALID_TIME_IN_FORCE);
        assertCode(new CreateOrderTx(c, 1, 0, 10, 10, 0, 9, ioc, 0, 0, 0, NONE), LighterErrors.INVALID_ORDER_TYPE);
        assertCode(new CreateOrderTx(c, 1, 0, 10, 10, 0, limit, ioc, 0, 0, 5, NONE), LighterErrors.INVALID_EXPIRY);
        assertCode(new CreateOrderTx(c, 1, 0, 10, 10, 2, limit, ioc, 0, 0, 0, NONE), LighterErrors.INVALID_TX_INFO);
        assertCode(new CreateOrderTx(c, 1, 0, 10, 10, 0, limit, ioc, 0, 7, 0, NONE), LighterErrors.INVALID_TX_INFO);
        assertCode(new CancelOrderTx(c, 1, 0, NONE), LighterErrors.INVALID_ORDER_INDEX);
        assertCode(new ModifyOrderTx(c, 1, 1L << 60, 10, 10, 0, NONE), LighterErrors.INVALID_ORDER_INDEX);
        // a cancel-all's time in force is not an order's
        assertCode(new CancelAllOrdersTx(c, 3, 0, NONE), LighterErrors.INVALID_TX_INFO);
        assertCode(new CancelAllOrdersTx(c, 1, 5, NONE.withCancelAllMarketIndex(1)), LighterErrors.INVALID_TX_INFO);
        assertCode(new UpdateLeverageTx(c, 255, 1000, 0, NONE), LighterErrors.INVALID_MARKET_INDEX);
        assertCode(new UpdateLeverageTx(c, 1, 10_001, 0, NONE), LighterErrors.INVALID_TX_INFO);
        assertCode(new UpdateMarginTx(c, 2048, 10, 1, NONE), LighterErrors.INVALID_MARKET_INDEX);
        assertCode(new UpdateMarginTx(c, 1, 0, 1, NONE), LighterErrors.INVALID_TX_INFO);
        assertCode(new CancelAllOrdersTx(new LighterTxContext(304, 281, 3, -1, 1_000), 0, 0, NONE),
                LighterErrors.INVALID_TX_INFO);
    }

    private static void assertCode(LighterTx tx, int code) {
        assertThatThrownBy(tx::validate).isInstanceOfSatisfying(LighterTxValidationException.class, e -> {
            LighterApiException mapped = LighterErrors.invalidTx(tx.txType(), e);
            assertThat(mapped.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(mapped.httpStatus()).isEqualTo(400);
            assertThat(mapped.getMessage()).isEqualTo(e.getMessage());
        });
    }
}
