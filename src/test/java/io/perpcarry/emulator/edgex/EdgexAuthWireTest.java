package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.VEC_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.VEC_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.testing.VectorFiles;

/** The v2 HMAC headers over loopback: accepted as the SDK builds them, refused otherwise (edgex.md §2.2). */
class EdgexAuthWireTest {
    private static final String ASSET = "/api/v2/private/account/getAccountAsset";
    private static EdgexTestVenue venue;

    @BeforeAll
    static void start() {
        venue = new EdgexTestVenue();
    }

    @AfterAll
    static void stop() {
        venue.close();
    }

    @Test
    void signedGetIsAccepted() {
        EdgexTestVenue.Reply r = venue.privateGet(OWN_CREDS, ASSET, q("accountId", "20"));
        EdgexPublicWireTest.assertEnvelope(r);
        assertThat(r.data().at("/account/id").asText()).isEqualTo("20");
    }

    @Test
    void wrongSecretIsRefused() {
        EdgexApiCredentials forged = new EdgexApiCredentials("own-key", "own-pass", "not-the-secret");
        EdgexTestVenue.Reply r = venue.privateGet(forged, ASSET, q("accountId", "20"));
        EdgexPublicWireTest.assertEnvelope(r);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("INVALID_SIGNATURE");
        assertThat(r.json().get("data").isNull()).isTrue();
    }

    @Test
    void signatureCoversTheQuery() {
        // Signed for account 20, sent with another query: the payload differs, so the HMAC does.
        EdgexAuthHeaders h = new io.perpcarry.crypto.edgex.EdgexRequestSigner(OWN_CREDS)
                .sign("GET", ASSET, "accountId=20", EdgexTestVenue.WALL_MS);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl() + ASSET + "?accountId=21")).GET();
        h.asMap().forEach(b::header);
        assertThat(venue.send(b).code()).isEqualTo("INVALID_SIGNATURE");
    }

    @Test
    void staleTimestampIsRefused() {
        EdgexTestVenue.Reply r = venue.privateGet(OWN_CREDS, ASSET, q("accountId", "20"), EdgexTestVenue.WALL_MS - 60_000);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("INVALID_TIMESTAMP");
    }

    @Test
    void unknownKeyWrongPassphraseAndMissingHeadersAreRefused() {
        assertThat(venue.privateGet(new EdgexApiCredentials("nobody", "own-pass", "own-secret-6b1f0c"), ASSET,
                q("accountId", "20")).code()).isEqualTo("INVALID_API_KEY");
        assertThat(venue.privateGet(new EdgexApiCredentials("own-key", "wrong", "own-secret-6b1f0c"), ASSET,
                q("accountId", "20")).code()).isEqualTo("INVALID_PASSPHRASE");
        EdgexTestVenue.Reply bare = venue.get(ASSET + "?accountId=20");
        assertThat(bare.status()).isEqualTo(401);
        assertThat(bare.code()).isEqualTo("AUTH_HEADER_MISSING");
    }

    @Test
    void aKeyActsOnlyOnItsOwnAccount() {
        EdgexTestVenue.Reply r = venue.privateGet(OWN_CREDS, ASSET, q("accountId", Long.toString(VEC_ACCOUNT)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isEqualTo("INVALID_ACCOUNT_ID");
    }

    /** hmac[0] of the vectors: its exact headers pass authentication (the body is then refused as incomplete). */
    @Test
    void vectorHmacIsAccepted() throws Exception {
        JsonNode v = EdgexJson.MAPPER.readTree(VectorFiles.matching("edgex-").get(0).toFile()).get("hmac").get(0);
        JsonNode in = v.get("input");
        assertThat(in.get("timestamp").asLong()).isEqualTo(EdgexTestVenue.WALL_MS);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String kv : in.get("body").asText().split("&")) {
            body.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        EdgexAuthHeaders h = new EdgexAuthHeaders("edgeX", VEC_CREDS.apiKey(), VEC_CREDS.passphrase(),
                v.at("/expected/signature").asText(), in.get("timestamp").asText());
        EdgexTestVenue.Reply r = venue.privatePost(VEC_CREDS, in.get("requestUri").asText(), body, h);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(r.json().get("msg").asText()).isEqualTo("expireTime is required");
    }
}
