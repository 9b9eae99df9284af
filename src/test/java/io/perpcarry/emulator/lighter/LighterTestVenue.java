package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.crypto.lighter.LighterAuthToken;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.crypto.lighter.LighterTx;
import io.perpcarry.crypto.lighter.LighterTxContext;
import io.perpcarry.crypto.lighter.Schnorr;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.scenario.BookShape;
import io.perpcarry.emulator.scenario.EdgexMarketSpec;
import io.perpcarry.emulator.scenario.FundingPath;
import io.perpcarry.emulator.scenario.LighterAccountSpec;
import io.perpcarry.emulator.scenario.LighterMarketSpec;
import io.perpcarry.emulator.scenario.MarketSpec;
import io.perpcarry.emulator.scenario.Scenario;
import io.perpcarry.testing.VectorFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A running emulator over a small two-market scenario, for tests. Market 1 "BTC" for order flow; market 72
 * "VEC" matches the official signer vectors (account 66241, API key 118). The clock is a test clock set just
 * before the vectors' ExpiredAt. The HTTP helpers validate every JSON answer against the OpenAPI definition
 * of its path and status.
 */
final class LighterTestVenue implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long ACCOUNT = 281;
    static final int KEY = 3;
    static final long VECTOR_ACCOUNT = 66241;
    static final int VECTOR_KEY = 118;
    /** Before every vector's ExpiredAt (2026-11-24T02:04:55Z) and on a whole hour minus 10 minutes. */
    static final Instant START = Instant.parse("2026-11-24T01:50:00Z");

    final MutableClock clock = new MutableClock(START);
    final FaultPlan faults = new FaultPlan();
    final RequestLog log = new RequestLog();
    final MarketEngine engine;
    final LighterEmulator emulator;
    final LighterPrivateKey key;
    final LighterPrivateKey vectorKey;
    final HttpClient http = HttpClient.newHttpClient();

    LighterTestVenue(long vectorFirstNonce) throws IOException {
        JsonNode vectors = JSON.readTree(VectorFiles.matching("lighter-").get(0).toFile());
        vectorKey = LighterPrivateKey.fromHex(vectors.path("keys").get(0).get("privateKey").asText());
        key = LighterPrivateKey.fromHex(vectors.path("keys").get(1).get("privateKey").asText());
        engine = new MarketEngine(scenario(), clock);
        emulator = new LighterEmulator(engine, clock, faults, log, List.of(
                new LighterApiKey(ACCOUNT, KEY, key.publicKeyHex()),
                new LighterApiKey(VECTOR_ACCOUNT, VECTOR_KEY,
                        vectors.path("txs").get(0).get("publicKey").asText(), vectorFirstNonce))).start(0);
    }

    private Scenario scenario() {
        BookShape book = new BookShape(10, new BigDecimal("2"), new BigDecimal("1"), new BigDecimal("0.5"));
        MarketSpec btc = new MarketSpec("BTC", new BigDecimal("95000"), new BigDecimal("0.0001"), List.of(), book,
                new BigDecimal("1000000000"), new BigDecimal("4000"),
                new LighterMarketSpec(1, 5, 1, new BigDecimal("0.0002"), new BigDecimal("10"), BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("0.02"), new BigDecimal("0.012"), 50, BigDecimal.ZERO,
                        FundingPath.constant(new BigDecimal("0.0008"))),
                edgex("10000001", "BTCUSD"));
        MarketSpec vec = new MarketSpec("VEC", new BigDecimal("14"), new BigDecimal("0.0001"), List.of(),
                new BookShape(10, new BigDecimal("2"), new BigDecimal("1"), new BigDecimal("200")),
                new BigDecimal("1000000"), new BigDecimal("1000"),
                new LighterMarketSpec(72, 8, 8, new BigDecimal("0.01"), new BigDecimal("1"), BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("0.1"), new BigDecimal("0.05"), 10, BigDecimal.ZERO,
                        FundingPath.constant(new BigDecimal("0.0001"))),
                edgex("10000072", "VECUSD"));
        return new Scenario(7, 1, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(4),
                List.of(btc, vec),
                List.of(new LighterAccountSpec(ACCOUNT, "0x00000000000000000000000000000000000000a1", KEY,
                                key.publicKeyHex(), new BigDecimal("100000")),
                        new LighterAccountSpec(VECTOR_ACCOUNT, "0x00000000000000000000000000000000000000a2",
                                VECTOR_KEY, vectorKey.publicKeyHex(), new BigDecimal("1000000"))),
                List.of(), List.of());
    }

    private static EdgexMarketSpec edgex(String id, String name) {
        return new EdgexMarketSpec(id, name, new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("100000"), "0x2540be400", BigDecimal.ZERO, BigDecimal.ZERO, 240, 20,
                new BigDecimal("0.005"), BigDecimal.ZERO, FundingPath.constant(BigDecimal.ZERO));
    }

    /** A status + parsed body; JSON bodies of API paths are checked against the spec. */
    record Answer(int status, String raw, JsonNode body) {
    }

    Answer get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery)).GET().build());
    }

    Answer post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer send(HttpRequest req) throws Exception {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        String path = req.uri().getPath();
        JsonNode body = null;
        if (r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            try {
                body = JSON.readTree(r.body());
            } catch (IOException e) {
                body = null; // a MALFORMED_BODY fault: the test checks raw
            }
        }
        if (body != null && !path.startsWith("/_emulator") && (r.statusCode() == 200 || r.statusCode() == 400)) {
            OpenApiResponseValidator.assertValid(
                    OpenApiResponseValidator.definitionFor(req.method(), path, r.statusCode()), body);
        }
        return new Answer(r.statusCode(), r.body(), body);
    }

    Answer sendTx(LighterTx tx, LighterPrivateKey signer) throws Exception {
        return post("/api/v1/sendTx", Map.of("tx_type", Integer.toString(tx.txType()), "tx_info",
                txInfo(tx, signer)));
    }

    /** The tx_info the signer sends for {@code tx}, signed with {@code signer} (any API key index). */
    static String txInfo(LighterTx tx, LighterPrivateKey signer) {
        return tx.txInfoJson(Schnorr.sign(signer, tx.hash()));
    }

    long nextNonce(long account, int key) throws Exception {
        return get("/api/v1/nextNonce?account_index=" + account + "&api_key_index=" + key).body().get("nonce").asLong();
    }

    String authToken() {
        return LighterAuthToken.create(key, clock.instant().getEpochSecond() + 600, ACCOUNT, KEY);
    }

    /** Account {@link #ACCOUNT}, key {@link #KEY}, the emulator's chain, expiring in ten minutes. */
    LighterTxContext context(long nonce) {
        return new LighterTxContext(emulator.chainId(), ACCOUNT, KEY, nonce, clock.millis() + 600_000);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public void close() {
        emulator.stop();
    }
}
