package io.perpcarry.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.lighter.LighterConnector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** CLOCK_SKEW over loopback: set through the admin API at runtime, the venue's wire clock moves, the market's does not. */
class ClockSkewFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSkewMovesTheVenuesServerTimeButNotTheMarketClock() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T12:00:00Z");
        MutableClock wall = new MutableClock(t0);
        try (LocalExchanges ex = LocalExchanges.start(new LocalExchanges.Options(
                io.perpcarry.emulator.scenario.ScenarioLoader.DEMO_PATH, 0, 0, 7L, 600.0, List.of(), List.of()), wall)) {
            String lighter = ex.lighter().baseUrl();
            String edgex = ex.edgex().baseUrl();
            JsonNode before = get(lighter + "/_emulator/state");

            JsonNode faults = post(lighter + "/_emulator/faults",
                    "{\"faults\": [{\"venue\": \"EDGEX\", \"kind\": \"CLOCK_SKEW\", \"skewMs\": 660000}]}");
            assertThat(faults.get("faults")).as("applied, not stored").isEmpty();
            assertThat(faults.at("/clockSkewMs/EDGEX").asLong()).isEqualTo(660_000);
            assertThat(faults.at("/clockSkewMs/LIGHTER").asLong()).isZero();

            assertThat(get(edgex + "/api/v2/public/meta/getServerTime").at("/data/serverTime").asLong())
                    .isEqualTo(t0.toEpochMilli() + 660_000);
            assertThat(get(lighter + "/").get("timestamp").asLong()).as("Lighter not skewed").isEqualTo(t0.getEpochSecond());
            JsonNode after = get(edgex + "/_emulator/state");
            assertThat(after.get("startTime")).isEqualTo(before.get("startTime"));
            assertThat(after.get("marketTime")).as("the market clock does not move").isEqualTo(before.get("marketTime"));
            assertThat(ex.scenarioClock().instant()).isEqualTo(Instant.parse(before.get("marketTime").asText()));

            delete(edgex + "/_emulator/faults");
            assertThat(get(edgex + "/api/v2/public/meta/getServerTime").at("/data/serverTime").asLong())
                    .as("clearing the faults sets the clock right").isEqualTo(t0.toEpochMilli());
        }
    }

    @Test
    void aLighterClockAheadOfTheTxDeadlineRefusesTheOrderAsExpired() throws Exception {
        try (LocalExchanges ex = LocalExchanges.start(LocalExchanges.Options.demo(), Clock.systemUTC());
             DefaultCamelContext camel = new DefaultCamelContext()) {
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "live");
            camel.start();
            LighterConnector lighter = LighterConnector.fromEnvironment(camel,
                    RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env"))), Clock.systemUTC());
            try {
                BigDecimal ask = lighter.orderBook("BTC", 5).bestAsk();
                // 11 min ahead: past the signer's 10 min tx deadline
                ex.faults().add(Fault.clockSkew(VenueId.LIGHTER, 660_000));
                OrderRequest buy = new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.01"),
                        ask.multiply(new BigDecimal("1.01")).setScale(1, RoundingMode.UP), OrderType.LIMIT_IOC, false, 7);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> lighter.placeOrder(buy))
                        .isInstanceOf(VenueException.class).hasMessageContaining("expired");
                assertThat(ex.engine().venue(VenueId.LIGHTER).account(ex.demoCredentials().lighterAccountIndex())
                        .positions()).as("nothing executed").allSatisfy(p -> assertThat(p.size()).isZero());
            } finally {
                lighter.close();
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static JsonNode post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode delete(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE().build());
    }

    private static JsonNode send(HttpRequest r) throws Exception {
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as(r.uri() + ": " + resp.body()).isEqualTo(200);
        return JSON.readTree(resp.body());
    }
}
