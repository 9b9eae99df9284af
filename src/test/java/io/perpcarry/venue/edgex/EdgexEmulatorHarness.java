package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.EdgexCredentials;
import io.perpcarry.config.Secret;
import io.perpcarry.config.VenueEndpoints;
import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.edgex.EdgexEmulator;
import io.perpcarry.emulator.edgex.EdgexEmulatorOptions;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.http.HttpTimeouts;
import io.perpcarry.venue.http.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A real EdgeX emulator on loopback (HTTP + WebSocket, HMAC and EIP-712 checked) with {@value #MARKETS} markets, and
 * a connector pointed at it. The engine runs on a {@link MutableClock}: tests move simulated time explicitly.
 */
final class EdgexEmulatorHarness implements AutoCloseable {
    static final int MARKETS = 16;
    static final String TRADING_KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    static final long ACCOUNT_ID = 10;
    static final String API_KEY = "edgex-test-api-key";
    static final String PASSPHRASE = "edgex-test-passphrase";
    static final String SECRET = "edgex-test-api-secret";
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final String[] SYMBOLS = {"BTC", "ETH", "SOL", "XRP", "DOGE", "ADA", "AVAX", "LINK", "DOT", "LTC", "BCH",
        "NEAR", "APT", "ARB", "OP", "SUI"};
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock engineClock = new MutableClock(START);
    final MarketEngine engine;
    final FaultPlan faults = new FaultPlan();
    final RequestLog requests = new RequestLog();
    final EdgexEmulator emulator;
    final CamelContext camel;
    final HttpClient admin = HttpClient.newHttpClient();
    final List<EdgexConnector> connectors = new ArrayList<>();

    EdgexEmulatorHarness(double volatility) {
        this(volatility, "PT1S");
    }

    /** {@code step}: the engine's simulation step; long steps make hours of simulated time cheap. */
    EdgexEmulatorHarness(double volatility, String step) {
        engine = new MarketEngine(ScenarioLoader.parse(scenario(volatility, step), "harness"), engineClock);
        emulator = EdgexEmulator.forScenario(engine, Clock.systemUTC(), faults, requests,
                EdgexEmulatorOptions.defaults().withPingInterval(Duration.ofMillis(500)).withTick(Duration.ofMillis(50)))
                .start();
        camel = new DefaultCamelContext();
        HttpTimeouts.apply(camel, Duration.ofSeconds(1), Duration.ofMillis(800));
        camel.start();
    }

    static EdgexSettings testSettings() {
        return EdgexSettings.DEFAULT
                .withStreamTimings(Duration.ofMillis(250), Duration.ofMillis(1200), Duration.ofMillis(1200),
                        Duration.ofMillis(100))
                .withTickerMaxAge(Duration.ofSeconds(2))
                .withHttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(800))
                .withReadRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200)));
    }

    EdgexConnector connector(boolean withCredentials) {
        Optional<EdgexCredentials> creds = withCredentials
                ? Optional.of(new EdgexCredentials(ACCOUNT_ID, Secret.of(API_KEY), Secret.of(PASSPHRASE),
                Secret.of(SECRET), Secret.of(TRADING_KEY)))
                : Optional.empty();
        EdgexConnector c = new EdgexConnector(camel, new VenueEndpoints<>(URI.create(emulator.baseUrl()),
                URI.create(emulator.wsUrl()), creds), Clock.systemUTC(), testSettings());
        connectors.add(c);
        return c;
    }

    EdgexConnector streaming(List<String> symbols, MarketDataListener listener) {
        EdgexConnector c = connector(true);
        c.addListener(listener);
        c.startStreams(symbols);
        return c;
    }

    /** Moves simulated time; the emulator's ticker syncs the engine and pushes the resulting frames. */
    void advance(Duration d) {
        engineClock.advance(d);
        engine.sync();
    }

    JsonNode adminGet(String path) throws Exception {
        return JSON.readTree(admin.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonNode adminPost(String path, String body) throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    void adminDelete(String path) throws Exception {
        admin.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One fault for EdgeX, in the emulator's JSON form. */
    void fault(String json) throws Exception {
        adminPost("/_emulator/faults", "{\"faults\":[" + json + "]}");
    }

    /** EdgeX REST requests the emulator logged (WebSocket upgrades excluded). */
    List<String> restRequests() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : adminGet("/_emulator/requests").path("requests")) {
            String path = r.path("path").asText();
            if (r.path("venue").asText().equals("EDGEX") && path.startsWith("/api/v2/")) {
                out.add(r.path("method").asText() + " " + path);
            }
        }
        return out;
    }

    static String tradingAddress() {
        return EdgexOrderSigner.fromHex(TRADING_KEY).address().toString();
    }

    private static String scenario(double volatility, String step) {
        StringBuilder markets = new StringBuilder();
        for (int i = 0; i < MARKETS; i++) {
            String s = SYMBOLS[i];
            String price = i == 0 ? "100000" : Integer.toString(1000 + 37 * i);
            String rate = i % 2 == 0 ? "-0.0002" : "0.0001";
            if (i > 0) {
                markets.append(',');
            }
            markets.append("""
                    {"symbol": "%s", "startPrice": "%s", "volatility": "%s", "shocks": [],
                     "book": {"levels": 5, "spreadBps": "2", "levelSpacingBps": "1", "sizePerLevel": "0.5"},
                     "volume24h": "%d", "openInterest": "1000",
                     "lighter": {"marketId": %d, "sizeDecimals": 4, "priceDecimals": 1, "minBaseAmount": "0.001",
                       "minQuoteAmount": "10", "takerFee": "0.0005", "makerFee": "0.0001",
                       "initialMarginFraction": "0.1", "maintenanceMarginFraction": "0.05", "maxLeverage": 10,
                       "basisBps": "0", "funding": {"kind": "CONSTANT", "rate": "0.0008"}},
                     "edgex": {"contractId": "%d", "contractName": "%sUSDC", "tickSize": "0.1", "stepSize": "0.001",
                       "minOrderSize": "0.001", "maxOrderSize": "10", "resolution": "10000000000",
                       "takerFee": "0.0005", "makerFee": "0.0002", "fundingRateIntervalMin": 240, "maxLeverage": 10,
                       "maintenanceMarginRate": "0.05", "basisBps": "0", "funding": {"kind": "CONSTANT", "rate": "%s"}}}
                    """.formatted(s, price, volatility, 1_000_000_000L + i, i + 1, 30000001 + i, s, rate));
        }
        return """
                {"seed": 7, "timeScale": 1, "step": "%s", "fundingTick": "PT60S", "fundingHistory": "PT4H",
                 "markets": [%s],
                 "accounts": {"lighter": [], "edgex": [{"accountId": %d, "tradingAddress": "%s", "apiKey": "%s",
                   "passphrase": "%s", "secret": "%s", "collateral": "100000"}]}}
                """.formatted(step, markets, ACCOUNT_ID, tradingAddress(), API_KEY, PASSPHRASE, SECRET);
    }

    @Override
    public void close() {
        connectors.forEach(EdgexConnector::close);
        camel.stop();
        emulator.stop();
    }
}
