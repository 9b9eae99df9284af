package io.perpcarry.crypto.edgex;

import static io.perpcarry.crypto.edgex.EdgexOrderSignerTest.expectKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgexRequestSignerTest {
    private static final String SECRET = "0d5c9d8cc5a13cb349a99b89b469a6e3";
    private static final String KEY = "api-key-7f3a91";
    private static final String PASS = "pass-phrase-c0ffee";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1790653421352L), ZoneOffset.UTC);
    private static final EdgexRequestSigner SIGNER =
            new EdgexRequestSigner(new EdgexApiCredentials(KEY, PASS, SECRET), "edgeX", CLOCK);

    @Test
    void headerNamesAreTheSdks() {
        EdgexAuthHeaders h = SIGNER.signGet("/api/v2/private/account/getPositionByAccountId", Map.of("accountId", "1"));
        assertThat(h.asMap().keySet()).containsExactly(
                "X-edgeX-Api-Key", "X-edgeX-Passphrase", "X-edgeX-Signature", "X-edgeX-Timestamp");
        assertThat(h.asMap()).containsEntry("X-edgeX-Api-Key", KEY).containsEntry("X-edgeX-Passphrase", PASS)
                .containsEntry("X-edgeX-Timestamp", "1790653421352");
        EdgexRequestSigner custom = new EdgexRequestSigner(new EdgexApiCredentials(KEY, PASS, SECRET), "acme", CLOCK);
        assertThat(custom.signGet("/p/private/x", Map.of()).asMap()).containsKey("X-acme-Signature");
    }

    @Test
    void postBodyIsRenderedSortedAndSignedLikeTheVector() {
        // Same secret, timestamp and body as the first hmac[] vector, built from a map in another order.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "LIMIT");
        body.put("size", "0.5");
        body.put("side", "BUY");
        body.put("price", "1.2345");
        body.put("contractId", "10000015");
        body.put("clientOrderId", "1700000744725277784");
        body.put("accountId", "500000000911321981");
        EdgexAuthHeaders h = SIGNER.signPost("/api/v2/private/order/createOrder", body);
        assertThat(h.signature()).isEqualTo("fe14f257d844cce1c363398ca710aa2a965c8e234057ca9f26f3dba325b9b136");
    }

    @Test
    void canonicalBodyRendersNestedValuesAsTheSdkDoes() {
        Map<String, Object> tp = new HashMap<>();
        tp.put("side", "SELL");
        tp.put("price", "2");
        Map<String, Object> body = new HashMap<>();
        body.put("reduceOnly", false);
        body.put("openTp", tp);
        body.put("openSl", null);
        body.put("orderIdList", List.of("11", "12"));
        body.put("emptyList", List.of());
        body.put("level", 15);
        body.put("accountId", "5");
        assertThat(EdgexCanonicalPayload.ofJsonBody(body)).isEqualTo(
                "accountId=5&emptyList=&level=15&openSl=&openTp=price=2&side=SELL&orderIdList=11&12&reduceOnly=false");
        assertThat(EdgexCanonicalPayload.ofJsonBody(Map.of())).isEmpty();
        assertThat(EdgexCanonicalPayload.ofQuery(Map.of())).isEmpty();
        assertThat(EdgexCanonicalPayload.ofQuery(Map.of("size", "10", "accountId", "5", "filterTypeList", "A,B")))
                .isEqualTo("accountId=5&filterTypeList=A,B&size=10");
    }

    @Test
    void keysSortByCodePointLikePython() {
        assertThat(EdgexCanonicalPayload.compareCodePoints("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive(); // why compareTo is not used
        assertThat(EdgexCanonicalPayload.compareCodePoints("a", "ab")).isNegative();
        assertThat(EdgexCanonicalPayload.compareCodePoints("Z", "a")).isNegative();
    }

    @Test
    void ambiguousBodyValuesAreRefused() {
        expectKind(() -> EdgexCanonicalPayload.ofJsonBody(Map.of("price", new java.math.BigDecimal("1.5"))),
                EdgexSigningException.Kind.INVALID_ARGUMENT);
        expectKind(() -> EdgexCanonicalPayload.ofJsonBody(Map.of("price", 1.5d)), EdgexSigningException.Kind.INVALID_ARGUMENT);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("a", null);
        expectKind(() -> EdgexCanonicalPayload.ofQuery(nullValue), EdgexSigningException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void verifyAcceptsOwnHeadersInAnyCaseAndNamesTheFailure() {
        String path = "/api/v2/private/account/getPositionByAccountId";
        Map<String, String> query = Map.of("accountId", "500000000193915458");
        Map<String, String> headers = SIGNER.signGet(path, query).asMap();
        String payload = EdgexCanonicalPayload.ofQuery(query);
        assertThat(SIGNER.verify("GET", path, payload, headers)).isEqualTo(EdgexRequestSigner.Verification.VALID);

        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        assertThat(SIGNER.verify("GET", path, payload, lower)).isEqualTo(EdgexRequestSigner.Verification.VALID);

        assertThat(SIGNER.verify("POST", path, payload, headers)).isEqualTo(EdgexRequestSigner.Verification.BAD_SIGNATURE);
        assertThat(SIGNER.verify("GET", path, payload, with(headers, "X-edgeX-Timestamp", "1790653421353")))
                .isEqualTo(EdgexRequestSigner.Verification.BAD_SIGNATURE);
        assertThat(SIGNER.verify("GET", path, payload, with(headers, "X-edgeX-Api-Key", "other")))
                .isEqualTo(EdgexRequestSigner.Verification.WRONG_API_KEY);
        assertThat(SIGNER.verify("GET", path, payload, with(headers, "X-edgeX-Passphrase", "other")))
                .isEqualTo(EdgexRequestSigner.Verification.WRONG_PASSPHRASE);
        Map<String, String> missing = new HashMap<>(headers);
        missing.remove("X-edgeX-Signature");
        assertThat(SIGNER.verify("GET", path, payload, missing)).isEqualTo(EdgexRequestSigner.Verification.MISSING_HEADER);
    }

    @Test
    void signedPathsFollowTheSdkRule() {
        assertThat(EdgexRequestSigner.isSignedPath("/api/v2/private/order/createOrder")).isTrue();
        assertThat(EdgexRequestSigner.isSignedPath("/api/v2/public/vault/list")).isTrue();
        assertThat(EdgexRequestSigner.isSignedPath("/ranking/top")).isTrue();
        assertThat(EdgexRequestSigner.isSignedPath("/api/v2/public/meta/getMetaData")).isFalse();
        assertThat(EdgexRequestSigner.isSignedPath("/api/v2/public/funding/getLatestFundingRate")).isFalse();
        assertThat(SIGNER.sign("GET", "/api/v2/private/x", "").timestamp()).isEqualTo("1790653421352");
    }

    @Test
    void requestArgumentsAreValidated() {
        expectKind(() -> SIGNER.signature("1", "get", "/p", ""), EdgexSigningException.Kind.INVALID_ARGUMENT);
        expectKind(() -> SIGNER.signature("1", "GET", "/p?a=1", ""), EdgexSigningException.Kind.INVALID_ARGUMENT);
        expectKind(() -> SIGNER.signature("", "GET", "/p", ""), EdgexSigningException.Kind.INVALID_ARGUMENT);
        expectKind(() -> SIGNER.sign("GET", "/p", "", 0), EdgexSigningException.Kind.INVALID_ARGUMENT);
        expectKind(() -> new EdgexApiCredentials(KEY, PASS, ""), EdgexSigningException.Kind.INVALID_ARGUMENT);
        expectKind(() -> new EdgexApiCredentials(null, PASS, SECRET), EdgexSigningException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void secretsNeverShowInToStringOrErrors() {
        EdgexApiCredentials creds = new EdgexApiCredentials(KEY, PASS, SECRET);
        EdgexAuthHeaders h = SIGNER.signGet("/api/v2/private/x", Map.of());
        for (String text : Arrays.asList(creds.toString(), SIGNER.toString(), h.toString())) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(PASS).doesNotContain(KEY);
        }
        assertThatThrownBy(() -> SIGNER.signature("1", "get", "/p", ""))
                .message().doesNotContain(SECRET).doesNotContain(PASS).doesNotContain(KEY);
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new HashMap<>(m);
        out.put(k, v);
        return out;
    }
}
