package io.perpcarry.emulator.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.crypto.lighter.Schnorr;
import io.perpcarry.testing.VectorFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every official signer vector parses, hashes to the signer's tx hash and verifies. */
class LighterTxInfoParserTest {
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
            LighterTx tx = LighterTxInfoParser.parse(v.get("txType").asInt(), v.get("txInfo").asText());
            LighterTxValidator.validate(tx);
            assertThat(LighterTxHasher.hashHex(tx, v.get("chainId").asLong())).as(v.get("kind").asText())
                    .isEqualTo(v.get("txHash").asText());
            byte[] pk = HexFormat.of().parseHex(v.get("publicKey").asText().substring(2));
            assertThat(LighterTxHasher.verify(tx, v.get("chainId").asLong(), pk)).isTrue();
            long other = v.get("chainId").asLong() == 304 ? 300 : 304;
            assertThat(LighterTxHasher.verify(tx, other, pk)).as("other chain id").isFalse();
        }
    }

    @Test
    void alteredFieldNoLongerVerifies() throws Exception {
        JsonNode v = vectorTxs().get(0);
        ObjectNode info = (ObjectNode) JSON.readTree(v.get("txInfo").asText());
        info.put("BaseAmount", info.get("BaseAmount").asLong() + 1);
        LighterTx tx = LighterTxInfoParser.parse(14, info.toString());
        byte[] pk = HexFormat.of().parseHex(v.get("publicKey").asText().substring(2));
        assertThat(LighterTxHasher.verify(tx, 304, pk)).isFalse();
    }

    @Test
    void attributesChangeTheHashAndOurSignatureVerifies() throws Exception {
        JsonNode v = vectorTxs().get(0);
        ObjectNode info = (ObjectNode) JSON.readTree(v.get("txInfo").asText());
        LighterTx plain = LighterTxInfoParser.parse(14, info.toString());
        info.set("L2TxAttributes", JSON.valueToTree(Map.of("4", 1)));
        LighterTx skip = LighterTxInfoParser.parse(14, info.toString());
        assertThat(skip.header().attributes().skipNonce()).isTrue();
        assertThat(LighterTxHasher.hashHex(skip, 304)).isNotEqualTo(LighterTxHasher.hashHex(plain, 304));

        LighterPrivateKey key = LighterPrivateKey.fromHex(
                JSON.readTree(VectorFiles.matching("lighter-").get(0).toFile()).path("keys").get(0).get("privateKey").asText());
        info.put("Sig", Base64.getEncoder().encodeToString(Schnorr.sign(key, LighterTxHasher.hash(skip, 304))));
        LighterTx signed = LighterTxInfoParser.parse(14, info.toString());
        assertThat(LighterTxHasher.verify(signed, 304, key.publicKey())).isTrue();
    }

    @Test
    void refusesMalformedInfo() {
        assertThatThrownBy(() -> LighterTxInfoParser.parse(14, "{"))
                .isInstanceOfSatisfying(LighterApiException.class, e -> assertThat(e.code()).isEqualTo(21501));
        assertThatThrownBy(() -> LighterTxInfoParser.parse(99, "{}"))
                .isInstanceOfSatisfying(LighterApiException.class, e -> assertThat(e.code()).isEqualTo(21505));
        assertThatThrownBy(() -> LighterTxInfoParser.parse(15,
                "{\"AccountIndex\":\"1\",\"ApiKeyIndex\":3,\"MarketIndex\":0,\"Index\":5,\"ExpiredAt\":1,\"Nonce\":1,"
                        + "\"Sig\":\"" + Base64.getEncoder().encodeToString(new byte[80]) + "\"}"))
                .hasMessageContaining("AccountIndex");
    }
}
