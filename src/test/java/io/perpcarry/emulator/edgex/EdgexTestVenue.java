package io.perpcarry.emulator.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.crypto.edgex.EdgexCanonicalPayload;
import io.perpcarry.crypto.edgex.EdgexContractSpec;
import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.crypto.edgex.EdgexOrderRequest;
import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.crypto.edgex.OrderSide;
import io.perpcarry.crypto.edgex.SignedEdgexOrder;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.scenario.Scenario;
import io.perpcarry.emulator.scenario.ScenarioLoader;

/**
 * An EdgeX emulator on loopback over the wire-test scenario, and a client that talks to it the way
 * the SDK does. The wall clock (HMAC timestamps) is fixed at the time of the hmac[0] vector; the
 * market clock only moves when a test moves it, unless a test passes its own clock.
 */
final class EdgexTestVenue implements AutoCloseable {
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    /** hmac[0]'s timestamp in edgex-v2-signing.json. */
    static final long WALL_MS = 1790653421352L;
    /** orders[0]'s domain in edgex-v2-signing.json: every order in these tests is bound to it. */
    static final EdgexDomain DOMAIN = EdgexDomain.of("1", "0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6");
    static final String OWN_KEY = "0x6f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
    static final String OTHER_KEY = "0x1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a";
    static final long OWN_ACCOUNT = 20;
    static final EdgexApiCredentials OWN_CREDS = new EdgexApiCredentials("own-key", "own-pass", "own-secret-6b1f0c");
    static final long VEC_ACCOUNT = 500000000911321981L;
    static final EdgexApiCredentials VEC_CREDS =
            new EdgexApiCredentials("vec-key", "vec-pass", "0d5c9d8cc5a13cb349a99b89b469a6e3");
    static final EdgexContractSpec BTC = EdgexContractSpec.of("30000001", "1000", "0x2540be400", "1000000", "0.0005", "0.0002");

    final Clock wallClock = Clock.fixed(Instant.ofEpochMilli(WALL_MS), ZoneOffset.UTC);
    final Clock marketClock;
    final MarketEngine engine;
    final FaultPlan faults = new FaultPlan();
    final RequestLog requests = new RequestLog();
    final EdgexEmulator emulator;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    EdgexTestVenue() {
        this(new MutableClock(START), EdgexEmulatorOptions.defaults().withTick(Duration.ofMillis(50)));
    }

    EdgexTestVenue(Clock marketClock, EdgexEmulatorOptions base) {
        this.marketClock = marketClock;
        this.engine = new MarketEngine(scenario(), marketClock);
        EdgexEmulatorOptions options = new EdgexEmulatorOptions(base.host(), base.port(), DOMAIN, base.authWindow(),
                base.tick(), base.pingInterval());
        this.emulator = EdgexEmulator.forScenario(engine, wallClock, faults, requests, options).start();
    }

    static Scenario scenario() {
        try (InputStream in = EdgexTestVenue.class.getResourceAsStream("/emulator/edgex/edgex-wire-scenario.json")) {
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "edgex-wire-scenario.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MutableClock mutableClock() {
        return (MutableClock) marketClock;
    }

    @Override
    public void close() {
        emulator.stop();
    }

    // ---- REST ----

    record Reply(int status, String text, JsonNode json) {
        JsonNode data() {
            assertThat(json.path("code").asText()).as(text).isEqualTo("SUCCESS");
            return json.get("data");
        }

        String code() {
            return json.path("code").asText();
        }
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery)).GET());
    }

    Reply privateGet(EdgexApiCredentials creds, String path, Map<String, String> query) {
        return privateGet(creds, path, query, wallClock.millis());
    }

    Reply privateGet(EdgexApiCredentials creds, String path, Map<String, String> query, long timestampMs) {
        EdgexAuthHeaders h = new EdgexRequestSigner(creds).sign("GET", path, EdgexCanonicalPayload.ofQuery(query), timestampMs);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path + queryString(query))).GET();
        h.asMap().forEach(b::header);
        return send(b);
    }

    Reply privatePost(EdgexApiCredentials creds, String path, Map<String, Object> body) {
        return privatePost(creds, path, body, new EdgexRequestSigner(creds).sign("POST", path,
                EdgexCanonicalPayload.ofJsonBody(body), wallClock.millis()));
    }

    Reply privatePost(EdgexApiCredentials creds, String path, Map<String, Object> body, EdgexAuthHeaders h) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EdgexJson.write(EdgexJson.MAPPER.valueToTree(body))));
        h.asMap().forEach(b::header);
        return send(b);
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = EdgexJson.MAPPER.readTree(r.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Reply(r.statusCode(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    static Map<String, String> q(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- orders ----

    long expireTimeMs() {
        return marketClock.millis() + Duration.ofDays(22).toMillis();
    }

    /** A LIMIT order body exactly as the v2 SDK builds it, signed by {@code key}. */
    Map<String, Object> limitOrder(String key, long accountId, EdgexContractSpec c, OrderSide side, String size,
                                   String price, String clientOrderId) {
        SignedEdgexOrder s = EdgexOrderSigner.fromHex(key).sign(new EdgexOrderRequest(DOMAIN, c, accountId, side,
                new BigDecimal(size), new BigDecimal(price), clientOrderId, expireTimeMs()));
        return sdkBody(s, c, "LIMIT", price, "GOOD_TIL_CANCEL");
    }

    static Map<String, Object> sdkBody(SignedEdgexOrder s, EdgexContractSpec c, String type, String price, String tif) {
        var f = s.fields();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("accountId", Long.toString(f.accountId()));
        b.put("contractId", Long.toString(c.contractId()));
        b.put("price", price);
        b.put("size", f.l2Size().toPlainString());
        b.put("type", type);
        b.put("timeInForce", tif);
        b.put("side", f.side().name());
        b.put("reduceOnly", false);
        b.put("clientOrderId", f.clientOrderId());
        b.put("expireTime", Long.toString(f.expireTime()));
        b.put("l2Nonce", Long.toString(f.l2Nonce()));
        b.put("l2Value", f.l2ValueText());
        b.put("l2Size", f.l2Size().toPlainString());
        b.put("l2LimitFee", f.l2LimitFee().toString());
        b.put("l2ExpireTime", Long.toString(f.l2ExpireTime()));
        b.put("l2Signature", s.l2Signature());
        b.put("triggerPrice", "");
        b.put("triggerPriceType", "");
        b.put("sourceKey", "");
        b.put("openTpslParentOrderId", "");
        b.put("extraType", "");
        b.put("extraDataJson", "");
        b.put("isPositionTpsl", false);
        b.put("isSetOpenTp", false);
        b.put("isSetOpenSl", false);
        b.put("openTp", null);
        b.put("openSl", null);
        return b;
    }

    Reply createOrder(EdgexApiCredentials creds, Map<String, Object> body) {
        return privatePost(creds, "/api/v2/private/order/createOrder", body);
    }

    JsonNode accountAsset(long accountId, EdgexApiCredentials creds) {
        return privateGet(creds, "/api/v2/private/account/getAccountAsset", q("accountId", Long.toString(accountId))).data();
    }
}
