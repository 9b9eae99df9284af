package io.perpcarry.crypto.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.testing.VectorFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of every {@code edgex-*.json} vector file (bundled and in {@code $PERPCARRY_VECTORS_DIR}).
 * A file that cannot be read, has no entries, or lacks a field fails the factory itself.
 */
class EdgexSigningVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> everyVector() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : VectorFiles.matching("edgex-")) {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new AssertionError(file + ": not a JSON object");
            }
            List<JsonNode> orders = entries(file, root, "orders");
            List<JsonNode> hmacs = entries(file, root, "hmac");
            if (orders.isEmpty() && hmacs.isEmpty()) {
                throw new AssertionError(file + ": no orders[] or hmac[] entries");
            }
            for (int i = 0; i < orders.size(); i++) {
                JsonNode e = orders.get(i);
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " orders[" + i + "]", () -> checkOrder(e)));
            }
            for (int i = 0; i < hmacs.size(); i++) {
                JsonNode e = hmacs.get(i);
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " hmac[" + i + "]", () -> checkHmac(e)));
            }
        }
        return tests;
    }

    private static void checkOrder(JsonNode entry) {
        JsonNode in = obj(entry, "input");
        JsonNode ex = obj(entry, "expected");
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(text(in, "tradingPrivateKey"));
        EdgexOrderRequest request = new EdgexOrderRequest(
                EdgexDomain.of(text(in, "chainId"), text(in, "verifyingContract")),
                EdgexContractSpec.of(text(in, "contractId"), text(in, "quoteCoinId"),
                        text(in, "contractResolution"), text(in, "quoteResolution"),
                        text(in, "defaultTakerFeeRate"), text(in, "defaultMakerFeeRate")),
                Long.parseLong(text(in, "accountId")),
                OrderSide.valueOf(text(in, "side")),
                new BigDecimal(text(in, "size")),
                new BigDecimal(text(in, "l2Price")),
                text(in, "clientOrderId"),
                Long.parseLong(text(in, "expireTime")));

        assertThat(signer.address().toString()).isEqualTo(text(ex, "signerAddress"));

        SignedEdgexOrder signed = signer.sign(request);
        L2OrderFields f = signed.fields();
        assertThat(f.l2Nonce()).isEqualTo(Long.parseLong(text(ex, "l2Nonce")));
        assertThat(f.l2Value()).isEqualByComparingTo(new BigDecimal(text(ex, "l2Value")));
        assertThat(f.l2LimitFee()).isEqualTo(new BigInteger(text(ex, "l2LimitFee")));
        assertThat(f.l2ExpireTime()).isEqualTo(Long.parseLong(text(ex, "l2ExpireTime")));
        assertThat(f.amountSynthetic()).isEqualTo(new BigInteger(text(ex, "amountSynthetic")));
        assertThat(f.amountCollateral()).isEqualTo(new BigInteger(text(ex, "amountCollateral")));
        assertThat(f.amountFee()).isEqualTo(new BigInteger(text(ex, "amountFee")));
        assertThat(signed.eip712Digest0x()).isEqualTo(text(ex, "eip712Digest"));
        assertThat(HexFormat.of().formatHex(signer.eip712Digest(f))).isEqualTo(signed.eip712DigestHex());
        assertThat(signed.l2Signature()).isEqualTo(text(ex, "l2Signature"));

        // The emulator's path: the digest rebuilt from the wire values the vector states.
        L2OrderFields wire = L2OrderFieldDerivation.fromWire(request.domain(), request.contract(),
                EthAddress.parse(text(ex, "signerAddress")), request.accountId(), request.side(),
                request.clientOrderId(), Long.parseLong(text(ex, "l2Nonce")), request.size(),
                new BigDecimal(text(ex, "l2Value")), new BigDecimal(text(ex, "l2LimitFee")),
                request.expireTimeMillis(), Long.parseLong(text(ex, "l2ExpireTime")));
        assertThat("0x" + HexFormat.of().formatHex(EdgexOrderTypedData.digest(wire))).isEqualTo(text(ex, "eip712Digest"));

        // Recovery from the *reference* digest and signature, independent of our signing path.
        byte[] refDigest = HexFormat.of().parseHex(text(ex, "eip712Digest").substring(2));
        assertThat(EdgexOrderSigner.recoverSigner(refDigest, text(ex, "l2Signature")).toString())
                .isEqualTo(text(ex, "signerAddress"));
    }

    private static void checkHmac(JsonNode entry) {
        JsonNode in = obj(entry, "input");
        String expected = text(obj(entry, "expected"), "signature");
        EdgexRequestSigner signer = new EdgexRequestSigner(new EdgexApiCredentials("key", "pass", text(in, "apiSecret")));
        String ts = text(in, "timestamp");
        String method = text(in, "method");
        String uri = text(in, "requestUri");
        String body = text(in, "body");

        assertThat(signer.signature(ts, method, uri, body)).isEqualTo(expected);
        EdgexAuthHeaders headers = signer.sign(method, uri, body, Long.parseLong(ts));
        assertThat(headers.signature()).isEqualTo(expected);
        assertThat(headers.timestamp()).isEqualTo(ts);
        assertThat(signer.verify(method, uri, body, headers.asMap())).isEqualTo(EdgexRequestSigner.Verification.VALID);
        assertThat(signer.verify(method, uri, body + "x", headers.asMap()))
                .isEqualTo(EdgexRequestSigner.Verification.BAD_SIGNATURE);
    }

    private static List<JsonNode> entries(Path file, JsonNode root, String field) {
        JsonNode arr = root.get(field);
        if (arr == null) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw new AssertionError(file + ": " + field + " is not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    private static JsonNode obj(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new AssertionError("missing object field " + field);
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new AssertionError("missing string field " + field);
        }
        return v.asText();
    }

}
