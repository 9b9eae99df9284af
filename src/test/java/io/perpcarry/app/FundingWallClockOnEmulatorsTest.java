package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.OrderRequest;
import io.perpcarry.emulator.engine.Side;
import io.perpcarry.venue.FundingPayment;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: at the demo's time scale every funding instant on the wire (settlements, payments, the running period and
 * the next funding) is the wall instant at which the fast market clock showed it: within seconds of the wall clock,
 * the next funding within one scaled interval. At x600 a Lighter hour is 6 wall seconds, an EdgeX 4 h interval 24.
 */
class FundingWallClockOnEmulatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final Duration LIGHTER_HOUR = Duration.ofSeconds(6);
    private static final Duration EDGEX_INTERVAL = Duration.ofSeconds(24);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyFundingInstantOnTheWireIsWallClockTime() throws Exception {
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600)) {
            Instant started = Instant.now();
            ex.engine().venue(VenueId.LIGHTER).submit(ex.demoCredentials().lighterAccountIndex(),
                    OrderRequest.market("HYPE", Side.SELL, new BigDecimal("10")));
            ex.engine().venue(VenueId.EDGEX).submit(ex.demoCredentials().edgexAccountId(),
                    OrderRequest.market("HYPE", Side.BUY, new BigDecimal("10")));
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "live");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            try (VenueSession session = VenueSession.open(BotConfigLoader.parse("{\"symbols_to_monitor\": [\"HYPE\"]}", "t"), env)) {
                // both positions paid at a settlement: /api/v1/positionFunding, getPositionTransactionPage
                EmulatedDaemon.awaitTrue(Duration.ofSeconds(90), "a settlement paid on both venues",
                        () -> !session.lighter().fundingPayments(Instant.EPOCH).isEmpty()
                                && !session.edgex().fundingPayments(Instant.EPOCH).isEmpty());
                Instant now = Instant.now();
                List<FundingPayment> paid = new ArrayList<>(session.lighter().fundingPayments(Instant.EPOCH));
                paid.addAll(session.edgex().fundingPayments(Instant.EPOCH));
                assertThat(paid).allSatisfy(p -> assertThat(p.settledAt()).as(p.venue() + " payment")
                        .isBetween(started.minus(SLACK), now.plus(SLACK)));
            }

            String lighter = vars.get("LIGHTER_BASE_URL");
            String edgex = vars.get("EDGEX_BASE_URL");
            Instant now = Instant.now();
            // Lighter settled history: seconds, ascending; the newest is the last scaled hour
            JsonNode fundings = get(lighter + "/api/v1/fundings?market_id=24&resolution=1h&start_timestamp="
                    + now.minus(Duration.ofDays(1)).getEpochSecond() + "&end_timestamp="
                    + now.plus(Duration.ofDays(1)).getEpochSecond() + "&count_back=500").get("fundings");
            List<Instant> settled = new ArrayList<>();
            fundings.forEach(f -> settled.add(Instant.ofEpochSecond(f.get("timestamp").asLong())));
            assertThat(settled).as("Lighter fundings").isNotEmpty()
                    .allSatisfy(t -> assertThat(t).isBefore(now.plus(SLACK)));
            assertThat(settled.get(settled.size() - 1)).isAfter(now.minus(LIGHTER_HOUR).minus(SLACK));

            // EdgeX settled history (ms), newest within one scaled interval
            JsonNode page = get(edgex + "/api/v1/public/funding/getFundingRatePage?contractId=30000004&size=100"
                    + "&filterSettlementFundingRate=true").get("data").get("dataList");
            List<Instant> edgexSettled = millis(page, "fundingTime");
            assertThat(edgexSettled).as("EdgeX getFundingRatePage").isNotEmpty()
                    .allSatisfy(t -> assertThat(t).isBefore(now.plus(SLACK)));
            assertThat(edgexSettled.stream().max(Instant::compareTo).orElseThrow())
                    .isAfter(now.minus(EDGEX_INTERVAL).minus(SLACK));

            // EdgeX running period and next funding: REST latest rate and ticker
            for (String path : List.of("/api/v1/public/funding/getLatestFundingRate?contractId=30000004",
                    "/api/v1/public/quote/getTicker?contractId=30000004")) {
                JsonNode row = get(edgex + path).get("data").get(0);
                assertRunningPeriod(path, row, now, EDGEX_INTERVAL);
            }

            // streams: Lighter market_stats funding_timestamp, EdgeX ticker and fundingRate channels
            JsonNode stats = firstFrame(vars.get("LIGHTER_WS_URL"), "{\"type\":\"subscribe\",\"channel\":\"market_stats/all\"}",
                    f -> f.path("type").asText().equals("subscribed/market_stats"));
            List<Instant> periodStarts = new ArrayList<>();
            stats.findValues("funding_timestamp").forEach(t -> periodStarts.add(Instant.ofEpochMilli(t.asLong())));
            assertThat(periodStarts).as("Lighter market_stats funding_timestamp").isNotEmpty().allSatisfy(t ->
                    assertThat(t).isBetween(Instant.now().minus(LIGHTER_HOUR).minus(SLACK), Instant.now().plus(SLACK)));
            String edgexWs = vars.get("EDGEX_WS_URL") + "/api/v1/public/ws?timestamp=" + System.currentTimeMillis();
            for (String channel : List.of("ticker.30000004", "fundingRate.30000004")) {
                JsonNode frame = firstFrame(edgexWs, "{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}",
                        f -> f.path("type").asText().equals("quote-event"));
                assertRunningPeriod(channel, frame.at("/content/data/0"), Instant.now(), EDGEX_INTERVAL);
            }
        }
    }

    /** {@code fundingTime} opened the running period in the last scaled interval; {@code nextFundingTime} ends it. */
    private static void assertRunningPeriod(String where, JsonNode row, Instant now, Duration interval) {
        Instant start = Instant.ofEpochMilli(row.get("fundingTime").asLong());
        assertThat(start).as(where + " fundingTime").isBetween(now.minus(interval).minus(SLACK), now.plus(SLACK));
        if (row.hasNonNull("nextFundingTime")) {
            Instant next = Instant.ofEpochMilli(row.get("nextFundingTime").asLong());
            assertThat(next).as(where + " nextFundingTime").isBetween(now.minus(SLACK), now.plus(interval).plus(SLACK));
        }
    }

    private static List<Instant> millis(JsonNode rows, String field) {
        List<Instant> out = new ArrayList<>();
        rows.forEach(r -> out.add(Instant.ofEpochMilli(r.get(field).asLong())));
        return out;
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The first frame after subscribing that {@code wanted} accepts. */
    private JsonNode firstFrame(String url, String subscribe, Predicate<JsonNode> wanted) throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(URI.create(url),
                new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).join();
        try {
            ws.sendText(subscribe, true).join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String text = frames.poll(1, TimeUnit.SECONDS);
                if (text != null) {
                    JsonNode f = JSON.readTree(text);
                    if (wanted.test(f)) {
                        return f;
                    }
                }
            }
            throw new AssertionError("no wanted frame from " + url + " after " + subscribe);
        } finally {
            ws.abort();
        }
    }
}
