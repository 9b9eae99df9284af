package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.lighter.LighterEmulator;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's Lighter emulator on loopback over a 15-market scenario, with our test API key registered for
 * account {@link #ACCOUNT}. Faults and the request log are driven through the emulator's admin HTTP API, as an
 * operator would.
 */
final class LighterEmulatorHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long ACCOUNT = 281;
    static final int API_KEY = 3;
    static final List<String> SYMBOLS = symbols();

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(600));
    final MarketEngine engine;
    final LighterEmulator emulator;
    final RequestLog requests = new RequestLog();
    private final HttpClient http = HttpClient.newHttpClient();

    LighterEmulatorHarness(String keyHex) {
        String publicKey = LighterPrivateKey.fromHex(keyHex).publicKeyHex();
        engine = new MarketEngine(ScenarioLoader.parse(scenarioJson(publicKey), "connector-test"), clock);
        emulator = new LighterEmulator(engine, clock, new FaultPlan(), requests,
                LighterEmulator.scenarioKeys(engine)).start(0);
    }

    private static List<String> symbols() {
        List<String> s = new ArrayList<>(List.of("BTC", "ETH"));
        for (int i = 2; i < 15; i++) {
            s.add("S" + i);
        }
        return List.copyOf(s);
    }

    private static String scenarioJson(String publicKey) {
        StringBuilder markets = new StringBuilder();
        for (int i = 0; i < SYMBOLS.size(); i++) {
            String symbol = SYMBOLS.get(i);
            int id = symbol.equals("BTC") ? 1 : symbol.equals("ETH") ? 0 : i;
            String price = symbol.equals("BTC") ? "100000" : symbol.equals("ETH") ? "3000" : "10";
            int size = symbol.equals("BTC") ? 5 : symbol.equals("ETH") ? 4 : 2;
            int px = symbol.equals("BTC") ? 1 : symbol.equals("ETH") ? 2 : 3;
            markets.append(i == 0 ? "" : ",").append("""
                    {"symbol": "%s", "startPrice": "%s", "volatility": "0", "shocks": [],
                     "book": {"levels": 5, "spreadBps": "2", "levelSpacingBps": "1", "sizePerLevel": "0.5"},
                     "volume24h": "1000000000", "openInterest": "1000",
                     "lighter": {"marketId": %d, "sizeDecimals": %d, "priceDecimals": %d, "minBaseAmount": "0.01",
                       "minQuoteAmount": "10", "takerFee": "0.0005", "makerFee": "0.0001", "initialMarginFraction": "0.1",
                       "maintenanceMarginFraction": "0.03", "maxLeverage": 20, "basisBps": "0",
                       "funding": {"kind": "CONSTANT", "rate": "0.0008"}},
                     "edgex": {"contractId": "%d", "contractName": "%sUSD", "tickSize": "0.1", "stepSize": "0.001",
                       "minOrderSize": "0.001", "maxOrderSize": "10", "resolution": "0x2540be400", "takerFee": "0.0005",
                       "makerFee": "0.0002", "fundingRateIntervalMin": 240, "maxLeverage": 10,
                       "maintenanceMarginRate": "0.05", "basisBps": "0", "funding": {"kind": "CONSTANT", "rate": "-0.0002"}}}
                    """.formatted(symbol, price, id, size, px, 10000001 + i, symbol));
        }
        return """
                {"seed": 7, "timeScale": 1, "step": "PT1S", "fundingTick": "PT60S", "fundingHistory": "PT4H",
                 "markets": [%s],
                 "accounts": {
                   "lighter": [{"accountIndex": %d, "l1Address": "0x00000000000000000000000000000000000000a1",
                     "apiKeyIndex": %d, "publicKeyHex": "%s", "collateral": "100000"}],
                   "edgex": [{"accountId": 10, "tradingAddress": "0x00000000000000000000000000000000000000b1",
                     "apiKey": "k", "passphrase": "p", "secret": "s", "collateral": "10000"}]},
                 "faults": []}
                """.formatted(markets, ACCOUNT, API_KEY, publicKey);
    }

    URI baseUrl() {
        return URI.create(emulator.baseUrl());
    }

    URI wsUrl() {
        return URI.create(emulator.wsUrl());
    }

    /** POST /_emulator/faults with one fault in the emulator's JSON form. */
    void fault(String faultJson) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/faults"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + faultJson + "]")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("fault refused: " + r.body());
        }
    }

    void clearRequests() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/requests")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Lighter REST requests in the emulator's log (admin calls and WebSocket upgrades left out). */
    List<String> restRequests() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/requests"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.body()).path("requests")) {
            String path = n.path("path").asText();
            if ("LIGHTER".equals(n.path("venue").asText()) && path.startsWith("/api/")) {
                out.add(n.path("method").asText() + " " + path);
            }
        }
        return out;
    }

    long count(String path) throws Exception {
        return restRequests().stream().filter(r -> r.endsWith(" " + path)).count();
    }

    @Override
    public void close() {
        emulator.stop();
    }
}
