package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexTestVenue.BTC;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.crypto.edgex.OrderSide;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.VenueId;

/** Public and private WebSockets over loopback (edgex.md §2.3, §7, §8). */
class EdgexStreamsTest {
    private EdgexTestVenue venue;

    @BeforeEach
    void start() {
        venue = new EdgexTestVenue(new io.perpcarry.emulator.MutableClock(EdgexTestVenue.START),
                EdgexEmulatorOptions.defaults().withTick(Duration.ofMillis(50)).withPingInterval(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    private WsProbe openPublic() {
        return WsProbe.open(venue.http, venue.emulator.wsUrl() + "/api/v1/public/ws?timestamp=" + EdgexTestVenue.WALL_MS);
    }

    /** As the v2 SDK connects: duplicate accountId, HMAC headers, and the headers again as a subprotocol. */
    private WsProbe openPrivate(EdgexApiCredentials creds, long accountId) {
        String ts = Long.toString(EdgexTestVenue.WALL_MS);
        EdgexAuthHeaders h = new EdgexRequestSigner(creds).sign("GET", "/api/v1/private/ws",
                "accountId=" + accountId + "&timestamp=" + ts, EdgexTestVenue.WALL_MS);
        String json = EdgexJson.write(EdgexJson.MAPPER.valueToTree(h.asMap()));
        String protocol = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return WsProbe.open(venue.http, venue.emulator.wsUrl() + "/api/v1/private/ws?accountId=" + accountId
                + "&accountId=" + accountId + "&timestamp=" + ts, h.asMap(), protocol).answeringPings();
    }

    @Test
    void depthSubscriptionGetsASnapshotThenChanges() throws Exception {
        try (WsProbe ws = openPublic()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"depth.30000001.15\"}");
            assertThat(ws.next(WsProbe.type("subscribed")).get("channel").asText()).isEqualTo("depth.30000001.15");
            JsonNode snap = ws.next(WsProbe.type("quote-event"));
            assertThat(snap.at("/content/dataType").asText()).isEqualTo("Snapshot");
            assertThat(snap.at("/content/data/0/depthType").asText()).isEqualTo("SNAPSHOT");
            assertThat(snap.at("/content/data/0/asks")).hasSize(5);
            String bestAsk = snap.at("/content/data/0/asks/0/price").asText();
            long version = snap.at("/content/data/0/endVersion").asLong();

            // Take part of the best ask: the book changes and the level's new absolute size is pushed.
            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.3", bestAsk, "d-1")).code()).isEqualTo("SUCCESS");
            JsonNode changed = ws.next(f -> f.at("/content/dataType").asText().equals("changed"));
            JsonNode depth = changed.at("/content/data/0");
            assertThat(depth.get("depthType").asText()).isEqualTo("CHANGED");
            assertThat(depth.get("startVersion").asLong()).isEqualTo(version); // live: start == previous end
            assertThat(depth.get("asks").toString()).contains("\"price\":\"" + bestAsk + "\",\"size\":\"0.2\"");
        }
    }

    @Test
    void tickerSubscriptionHeartbeatAndErrors() throws Exception {
        try (WsProbe ws = openPublic()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"ticker.30000001\"}");
            JsonNode t = ws.next(WsProbe.type("quote-event"));
            assertThat(t.get("channel").asText()).isEqualTo("ticker.30000001");
            assertThat(t.at("/content/data/0/oraclePrice").asText()).isEqualTo("100000");

            ws.send("{\"type\":\"ping\",\"time\":\"1693208170000\"}");
            assertThat(ws.next(WsProbe.type("pong")).get("time").asText()).isEqualTo("1693208170000");
            JsonNode serverPing = ws.next(WsProbe.type("ping"));
            ws.send("{\"type\":\"pong\",\"time\":\"" + serverPing.get("time").asText() + "\"}");

            ws.send("{\"type\":\"subscribe\",\"channel\":\"depth.100000001.15\"}");
            JsonNode err = ws.next(WsProbe.type("error"));
            assertThat(err.at("/content/code").asText()).isEqualTo("GATEWAY_INVALID_CONTRACT_ID");
            assertThat(err.get("request").asText()).isEqualTo("{\"type\":\"subscribe\",\"channel\":\"depth.100000001.15\"}");
            assertThat(err.at("/content/msg").asText()).isEqualTo("invalid contractId : 100000001");
        }
    }

    @Test
    void unansweredPingsCloseTheSocket() throws Exception {
        try (WsProbe ws = openPublic()) {
            assertThat(ws.ended.get(5, TimeUnit.SECONDS)).startsWith("close");
            assertThat(ws.frames.stream().filter(WsProbe.type("ping")).count()).isEqualTo(EdgexSocket.MAX_UNANSWERED_PINGS);
        }
    }

    @Test
    void privateStreamAuthenticatesEchoesTheSubprotocolAndPushesAfterAFill() throws Exception {
        try (WsProbe ws = openPrivate(OWN_CREDS, OWN_ACCOUNT)) {
            assertThat(ws.ws.getSubprotocol()).isNotEmpty();
            JsonNode snap = ws.next(WsProbe.type("trade-event"));
            assertThat(snap.at("/content/event").asText()).isEqualTo("Snapshot");
            assertThat(snap.at("/content/data/account/0/id").asText()).isEqualTo("20");
            assertThat(snap.at("/content/data/collateral")).hasSize(1);

            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.01", "100100", "p-1")).code()).isEqualTo("SUCCESS");
            JsonNode order = ws.await(f -> f.at("/content/data/order").size() > 0);
            assertThat(order.at("/content/event").asText()).isEqualTo("ORDER_UPDATE");
            assertThat(order.at("/content/data/order/0/clientOrderId").asText()).isEqualTo("p-1");
            JsonNode fill = ws.await(f -> f.at("/content/data/orderFillTransaction").size() > 0);
            assertThat(fill.at("/content/data/orderFillTransaction/0/fillSize").asText()).isEqualTo("0.01");
            JsonNode position = ws.await(f -> f.at("/content/event").asText().equals("ACCOUNT_UPDATE")
                    && f.at("/content/data/position").size() > 0);
            assertThat(position.at("/content/data/position/0/openSize").asText()).isEqualTo("0.01");
        }
    }

    @Test
    void privateStreamWithABadSignatureIsRefusedAtTheHandshake() {
        EdgexApiCredentials forged = new EdgexApiCredentials("own-key", "own-pass", "wrong-secret");
        assertThat(handshakeStatus(() -> openPrivate(forged, OWN_ACCOUNT))).isEqualTo(401);
        assertThat(handshakeStatus(() -> openPrivate(OWN_CREDS, EdgexTestVenue.VEC_ACCOUNT))).isEqualTo(403);
    }

    private static int handshakeStatus(Runnable connect) {
        try {
            connect.run();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("handshake succeeded");
    }

    @Test
    void dropWebsocketFaultCutsTheSocketAndIsConsumed() throws Exception {
        try (WsProbe ws = openPrivate(OWN_CREDS, OWN_ACCOUNT)) {
            ws.next(WsProbe.type("trade-event"));
            venue.faults.add(Fault.of(VenueId.EDGEX, FaultKind.DROP_WEBSOCKET,
                    new FaultMatch("/api/v1/private/ws", null, null, null, null), 1));
            assertThat(ws.ended.get(5, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(venue.faults.list()).isEmpty();
        }
        try (WsProbe again = openPrivate(OWN_CREDS, OWN_ACCOUNT)) {
            assertThat(again.next(WsProbe.type("trade-event")).at("/content/event").asText()).isEqualTo("Snapshot");
        }
    }

    @Test
    void handshakesAreRecorded() {
        try (WsProbe ws = openPublic()) {
            assertThat(venue.requests.list(VenueId.EDGEX)).anyMatch(r -> r.path().equals("/api/v1/public/ws"));
        }
    }
}
