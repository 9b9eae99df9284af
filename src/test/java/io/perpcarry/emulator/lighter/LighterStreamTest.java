package io.perpcarry.emulator.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /stream WebSocket over loopback. */
class LighterStreamTest {
    private static final L2TxAttributes NONE = L2TxAttributes.none();
    private LighterTestVenue venue;

    @BeforeEach
    void start() throws Exception {
        venue = new LighterTestVenue(0);
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    @Test
    void connectedPingAndOrderBookSnapshotThenDeltas() throws Exception {
        try (LighterWsClient ws = new LighterWsClient(venue.emulator.wsUrl())) {
            assertThat(ws.next(m -> true, 3000).get("type").asText()).isEqualTo("connected");
            ws.send("{\"type\":\"ping\"}");
            ws.next("pong", 3000);
            ws.send("{\"type\":\"subscribe\",\"channel\":\"order_book/1\"}");
            JsonNode snap = ws.next("subscribed/order_book", 3000);
            assertThat(snap.get("channel").asText()).isEqualTo("order_book:1");
            assertThat(snap.get("order_book").get("asks").size()).isGreaterThan(0);
            assertThat(snap.get("order_book").get("bids").get(0).get("price").asText()).matches("\\d+\\.\\d");
            long offset = snap.get("offset").asLong();
            long nonce = snap.get("order_book").get("nonce").asLong();

            venue.engine.setMid("BTC", new BigDecimal("96000"));
            venue.clock.advance(Duration.ofSeconds(2));
            JsonNode d1 = ws.next("update/order_book", 5000);
            assertThat(d1.get("offset").asLong()).isGreaterThan(offset);
            assertThat(d1.get("order_book").get("begin_nonce").asLong()).isEqualTo(nonce);
            // levels that left the book are sent with size 0
            boolean removal = false;
            for (JsonNode l : d1.get("order_book").get("bids")) {
                removal |= new BigDecimal(l.get("size").asText()).signum() == 0;
            }
            assertThat(removal).isTrue();

            venue.engine.setMid("BTC", new BigDecimal("94000"));
            venue.clock.advance(Duration.ofSeconds(2));
            JsonNode d2 = ws.next("update/order_book", 5000);
            assertThat(d2.get("offset").asLong()).isGreaterThan(d1.get("offset").asLong());
            assertThat(d2.get("order_book").get("begin_nonce").asLong())
                    .isEqualTo(d1.get("order_book").get("nonce").asLong());
        }
    }

    @Test
    void marketStatsAndAccountPushes() throws Exception {
        try (LighterWsClient ws = new LighterWsClient(venue.emulator.wsUrl())) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"market_stats/1\"}");
            JsonNode stats = ws.next("subscribed/market_stats", 3000).get("market_stats");
            assertThat(stats.get("market_id").asInt()).isEqualTo(1);
            assertThat(stats.get("current_funding_rate").asText()).isEqualTo("0.0100");
            ws.send("{\"type\":\"subscribe\",\"channel\":\"market_stats/all\"}");
            assertThat(ws.next("subscribed/market_stats", 3000).get("market_stats").has("72")).isTrue();

            ws.send("{\"type\":\"subscribe\",\"channel\":\"account_all/" + LighterTestVenue.ACCOUNT + "\"}");
            assertThat(ws.next(m -> m.has("error"), 3000).get("error").get("code").asInt())
                    .as("account channels need an auth token").isEqualTo(LighterErrors.INVALID_AUTH);
            ws.send("{\"type\":\"subscribe\",\"channel\":\"account_all/" + LighterTestVenue.ACCOUNT
                    + "\",\"auth\":\"" + venue.authToken() + "\"}");
            JsonNode acc = ws.next("subscribed/account_all", 3000);
            assertThat(acc.get("positions").size()).isZero();
            ws.send("{\"type\":\"subscribe\",\"channel\":\"user_stats/" + LighterTestVenue.ACCOUNT
                    + "\",\"auth\":\"" + venue.authToken() + "\"}");
            assertThat(ws.next("subscribed/user_stats", 3000).get("stats").get("collateral").asText())
                    .isEqualTo("100000.000000");

            BigDecimal ask = new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body()
                    .get("asks").get(0).get("price").asText());
            venue.sendTx(new CreateOrderTx(venue.context(0), 1, 7, 10_000, ask.movePointRight(1).longValue() + 50,
                    0, ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
            // the fill's push carries the trade and the new position
            JsonNode upd = ws.next(m -> m.path("type").asText().equals("update/account_all")
                    && m.path("trades").has("1"), 5000);
            assertThat(upd.get("channel").asText()).isEqualTo("account_all:" + LighterTestVenue.ACCOUNT);
            assertThat(upd.get("positions").get("1").get("sign").asInt()).isEqualTo(1);
            assertThat(upd.get("positions").get("1").get("position").asText()).isEqualTo("0.10000");
            assertThat(upd.get("trades").get("1").get(0).get("bid_client_id").asLong()).isEqualTo(7);
            ws.next("update/user_stats", 5000);
        }
    }

    @Test
    void sendTxOverWebSocket() throws Exception {
        try (LighterWsClient ws = new LighterWsClient(venue.emulator.wsUrl())) {
            String info = LighterTestVenue.txInfo(new CancelAllOrdersTx(venue.context(0), 0, 0, NONE), venue.key);
            ws.send("{\"type\":\"jsonapi/sendtx\",\"data\":{\"id\":\"a1\",\"tx_type\":16,\"tx_info\":" + info + "}}");
            JsonNode r = ws.next("jsonapi/sendtx", 3000); // flat, as recorded (captures ws_jsonapi_sendtx.json)
            assertThat(r.get("code").asInt()).isEqualTo(200);
            assertThat(r.get("id").asText()).isEqualTo("a1");
            assertThat(r.get("tx_hash").asText()).hasSize(80);
            assertThat(r.has("data")).isFalse();
            ws.send("{\"type\":\"jsonapi/sendtx\",\"data\":{\"id\":\"a2\",\"tx_type\":16,\"tx_info\":" + info + "}}");
            JsonNode refused = ws.next(m -> m.has("error"), 3000);
            assertThat(refused.get("id").asText()).isEqualTo("a2");
            assertThat(refused.get("error").get("code").asInt()).isEqualTo(LighterErrors.INVALID_NONCE);
            assertThat(refused.get("error").get("message").asText()).contains("invalid nonce");
        }
    }

    @Test
    void unknownChannelGivesAnError() throws Exception {
        try (LighterWsClient ws = new LighterWsClient(venue.emulator.wsUrl())) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"nope/1\"}");
            JsonNode error = ws.next(m -> m.has("error"), 3000); // {"error":{code,message}}, no type (recorded)
            assertThat(error.get("error").get("code").asInt()).isEqualTo(30005);
            assertThat(error.get("error").get("message").asText()).contains("Invalid Channel");
            assertThat(error.has("type")).isFalse();
        }
    }

    @Test
    void dropWebSocketFaultClosesTheSocket() throws Exception {
        try (LighterWsClient ws = new LighterWsClient(venue.emulator.wsUrl());
             LighterWsClient other = new LighterWsClient(venue.emulator.wsUrl())) {
            ws.next("connected", 3000);
            other.next("connected", 3000);
            venue.faults.add(Fault.of(VenueId.LIGHTER, FaultKind.DROP_WEBSOCKET, new FaultMatch("/stream", null, null,
                    null, null), 1));
            String how = ws.ended.applyToEither(other.ended, s -> s).get(5, TimeUnit.SECONDS);
            assertThat(how).doesNotContain("close 1000");
            assertThat(venue.faults.list()).isEmpty();
            // exactly one of the two was dropped (count 1)
            Thread.sleep(300);
            assertThat(ws.ended.isDone() && other.ended.isDone()).isFalse();
        }
    }
}
