package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexTestVenue.BTC;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_KEY;
import static io.perpcarry.testing.Captures.entry;
import static io.perpcarry.testing.Captures.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.edgex.OrderSide;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.testing.JsonShape;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance: every EdgeX endpoint and channel the emulator serves, over loopback, has the keys, JSON types and
 * naming of the recorded payload (src/test/resources/captures/edgex/, V2 entries preferred). Optional keys are
 * those the venue itself sends only sometimes, each named with its evidence.
 */
class EdgexConformanceTest {
    static final String V = "edgex";
    private EdgexTestVenue venue;

    @BeforeEach
    void start() {
        venue = new EdgexTestVenue(new MutableClock(EdgexTestVenue.START),
                EdgexEmulatorOptions.defaults().withTick(Duration.ofMillis(50)).withPingInterval(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    /** Every shape difference of {@code served} from the recording, listed in the failure. */
    static void conforms(String what, JsonShape recorded, JsonNode served) {
        assertThat(recorded.differences(served)).as(what + " against the recorded shape; served: " + served).isEmpty();
    }

    static void conforms(String what, JsonNode recorded, JsonNode served) {
        conforms(what, JsonShape.of(recorded), served);
    }

    /** As the v2 SDK connects: HMAC headers, and the headers again as a subprotocol (EdgexStreamsTest). */
    private WsProbe openPrivate(EdgexApiCredentials creds, long accountId) {
        String ts = Long.toString(EdgexTestVenue.WALL_MS);
        EdgexAuthHeaders h = new EdgexRequestSigner(creds).sign("GET", "/api/v1/private/ws",
                "accountId=" + accountId + "&timestamp=" + ts, EdgexTestVenue.WALL_MS);
        String json = EdgexJson.write(EdgexJson.MAPPER.valueToTree(h.asMap()));
        String protocol = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return WsProbe.open(venue.http, venue.emulator.wsUrl() + "/api/v1/private/ws?accountId=" + accountId
                + "&timestamp=" + ts, h.asMap(), protocol).answeringPings();
    }

    private WsProbe openPublic() {
        return WsProbe.open(venue.http, venue.emulator.wsUrl() + "/api/v1/public/ws?timestamp=" + EdgexTestVenue.WALL_MS)
                .answeringPings();
    }

    @Test
    void envelopeAndServerTime() {
        JsonNode recorded = response(entry(V, "GET_api_v2_public_meta_getServerTime.json", "live capture", null));
        conforms("getServerTime", recorded, venue.get("/api/v2/public/meta/getServerTime").json());
    }

    @Test
    void metadataContractsAndCoins() {
        JsonNode recorded = response(entry(V, "GET_api_v2_public_meta_getMetaData.json", "test mock", null));
        JsonNode served = venue.get("/api/v2/public/meta/getMetaData").data();
        conforms("getMetaData contract", recorded.at("/contractList/0"), served.at("/contractList/0"));
        conforms("getMetaData quote coin", recorded.at("/coinList/0"), served.at("/coinList/0"));
        conforms("getMetaData base coin", recorded.at("/coinList/1"), served.at("/coinList/1"));
        assertThat(served.at("/coinList/0/resolution").asText()).startsWith("0x");
        assertThat(served.at("/contractList/0/resolution").asText()).matches("\\d+");
        assertThat(served.has("multiChain")).isTrue();
    }

    @Test
    void tickerDepthAndFunding() {
        JsonNode ticker = response(entry(V, "GET_api_v2_public_quote_getTicker.json", "test mock", null)).get(0);
        conforms("getTicker row", ticker, venue.get("/api/v2/public/quote/getTicker?contractId=30000001").data().get(0));

        JsonNode depth = response(entry(V, "GET_api_v2_public_quote_getDepth.json", "test mock", null));
        conforms("getDepth record", depth,
                venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=15").data().get(0));

        // V2 testnet row; the doc row adds these (V1-era doc, and "can be absent" on V2 per the recording's notes):
        JsonNode latest = response(entry(V, "GET_api_v2_public_funding_getLatestFundingRate.json", "live capture", null));
        conforms("getLatestFundingRate", JsonShape.of(latest).allowExtra("$.data[].interestRate",
                        "$.data[].predictedFundingRate", "$.data[].impactAskPrice", "$.data[].impactBidPrice"),
                venue.get("/api/v2/public/funding/getLatestFundingRate?contractId=30000001").json());

        JsonNode page = response(entry(V, "GET_api_v2_public_funding_getFundingRatePage.json", "doc example", null));
        conforms("getFundingRatePage", JsonShape.of(page)
                        .allowMissing("$.data.dataList[].starkExFundingIndex"), // V1 key still in the doc page; no V2 recording has it
                venue.get("/api/v2/public/funding/getFundingRatePage?contractId=30000001&size=1").json());
    }

    @Test
    void refusalsAndUnknownPaths() {
        JsonNode errors = response(entry(V, "errors.json", "test mock", null));
        EdgexTestVenue.Reply bad = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=50");
        conforms("INVALID_DEPTH_LEVEL", errors.get(1), bad.json());
        assertThat(bad.json().get("code").asText()).isEqualTo(errors.get(1).get("code").asText());
        assertThat(bad.json().get("msg").asText()).isEqualTo(errors.get(1).get("msg").asText());
        EdgexTestVenue.Reply missing = venue.get("/x");
        assertThat(missing.status()).isEqualTo(404);
        conforms("unknown path", errors.get(3), missing.json());
        conforms("empty ticker", JsonShape.of(errors.get(2)) // the recorded empty answer is trimmed to these keys
                .allowExtra("$.errorParam", "$.requestTime", "$.traceId"), venue.get("/api/v2/public/quote/getTicker").json());
        assertThat(venue.get("/api/v2/public/quote/getTicker").data()).isEmpty();
    }

    @Test
    void orderAnswers() {
        JsonNode created = response(entry(V, "POST_api_v2_private_order_createOrder.json", "live capture", "orderId"));
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                "0.01", "99000", "c-1"));
        conforms("createOrder", created, r.json());
        String orderId = r.data().get("orderId").asText();
        JsonNode cancelled = response(entry(V, "POST_api_v2_private_order_cancelOrderById.json", "live capture", null));
        EdgexTestVenue.Reply c = venue.privatePost(OWN_CREDS, "/api/v2/private/order/cancelOrderById",
                Map.of("accountId", Long.toString(OWN_ACCOUNT), "orderIdList", List.of(orderId)));
        conforms("cancelOrderById", cancelled.at("/data/cancelResultMap").fields().next().getValue(),
                c.data().at("/cancelResultMap").fields().next().getValue());
        assertThat(c.data().get("cancelResultMap").get(orderId).asText()).isEqualTo("SUCCESS");
    }

    @Test
    void publicSocketControlFrames() throws Exception {
        List<JsonNode> control = List.of(
                response(entry(V, "ws_control_frames.json", "live capture", "99999999")).get(0),
                response(entry(V, "ws_control_frames.json", "live capture", "99999999")).get(1),
                response(entry(V, "ws_control_frames.json", "live capture", "99999999")).get(2),
                response(entry(V, "ws_control_frames.json", "live capture", "depth.30000001.15")).get(0));
        try (WsProbe ws = openPublic()) {
            conforms("connected", control.get(0), ws.next(WsProbe.type("connected")));
            ws.send("{\"type\":\"subscribe\",\"channel\":\"depth.99999999.15\"}");
            JsonNode err = ws.next(WsProbe.type("error"));
            conforms("error", control.get(1), err);
            assertThat(err.at("/content/code").asText()).isEqualTo("GATEWAY_INVALID_CONTRACT_ID");
            assertThat(err.at("/content/msg").asText()).isEqualTo(control.get(1).at("/content/msg").asText());
            conforms("ping", control.get(2), ws.next(WsProbe.type("ping")));
            ws.send("{\"type\":\"subscribe\",\"channel\":\"depth.30000001.15\"}");
            conforms("subscribed", control.get(3), ws.next(WsProbe.type("subscribed")));
        }
    }

    @Test
    void depthFramesChainAndCaseAsRecorded() throws Exception {
        JsonNode frames = response(entry(V, "ws_depth.json", "live capture", null));
        JsonNode snapshot = frames.get(2);
        JsonNode changed = frames.get(3);
        try (WsProbe ws = openPublic()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"depth.30000001.15\"}");
            JsonNode snap = ws.next(f -> f.at("/content/dataType").asText().equals("Snapshot"));
            conforms("depth snapshot", snapshot, snap);
            long end = snap.at("/content/data/0/endVersion").asLong();
            assertThat(snap.at("/content/data/0/startVersion").asLong()).isLessThan(end);
            String bestAsk = snap.at("/content/data/0/asks/0/price").asText();
            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.3", bestAsk, "d-1")).code()).isEqualTo("SUCCESS");
            JsonNode ch = ws.next(f -> f.at("/content/dataType").asText().equals("changed"));
            conforms("depth changed", changed, ch);
            assertThat(ch.at("/content/data/0/startVersion").asLong()).isEqualTo(end);
        }
    }

    @Test
    void tickerFramesSnapshotThenChangedWithoutTheBestPrices() throws Exception {
        // ws_ticker.json #0 (live, ticker.30000020): subscribed, a Snapshot, then a changed frame that repeats the
        // record without bestAskPrice/bestBidPrice.
        JsonNode recorded = response(entry(V, "ws_ticker.json", "live capture", "ticker.30000020"));
        try (WsProbe ws = openPublic()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"ticker.30000001\"}");
            conforms("ticker subscribed", recorded.get(0), ws.next(WsProbe.type("subscribed")));
            conforms("ticker snapshot", recorded.get(1), ws.next(f -> f.at("/content/dataType").asText().equals("Snapshot")));
            // A resting bid moves the book: the ticker changes with it.
            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.01", "90000", "k-1")).code()).isEqualTo("SUCCESS");
            conforms("ticker changed", recorded.get(2), ws.next(f -> f.at("/content/dataType").asText().equals("changed")));
        }
    }

    @Test
    void tradeFramesSnapshotThenChangedOnAFill() throws Exception {
        // ws_trades.json (live, trades.30000001): a Snapshot of recent fills, then a changed frame per new fill.
        JsonNode recorded = response(entry(V, "ws_trades.json", "live capture", null));
        try (WsProbe ws = openPublic()) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"trades.30000001\"}");
            ws.next(WsProbe.type("subscribed"));
            JsonNode snap = ws.next(f -> f.at("/content/dataType").asText().equals("Snapshot"));
            conforms("trades snapshot", recorded.get(0), snap);
            String bestAsk = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=15").data()
                    .at("/0/asks/0/price").asText();
            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.01", bestAsk, "t-1")).code()).isEqualTo("SUCCESS");
            JsonNode changed = ws.next(f -> f.at("/content/dataType").asText().equals("changed"));
            conforms("trades changed", recorded.get(1), changed);
            assertThat(changed.at("/content/data/0/contractName").asText()).isEqualTo("BTCUSDC");
        }
    }

    @Test
    void privateTradeEventsHaveTheRecordedEnvelopeAndRecords() throws Exception {
        // ws_private_trade_event.json #0 (live): a Snapshot first, then one ORDER_UPDATE with the order, its fill,
        // the position and the collateral. The page trimmed every record to "representative fields": the emulator's may
        // carry more keys, never fewer. Only the groups an event touches are present.
        JsonNode recorded = response(entry(V, "ws_private_trade_event.json", "live capture", null));
        JsonNode recSnapshot = recorded.get(0);
        JsonNode recOrderUpdate = recorded.get(1);
        try (WsProbe ws = openPrivate(OWN_CREDS, OWN_ACCOUNT)) {
            JsonNode snap = ws.next(WsProbe.type("trade-event"));
            assertThat(snap.at("/content/event").asText()).isEqualTo("Snapshot");
            conforms("trade-event envelope", JsonShape.of(recSnapshot).ignoring("$.content.data"), snap);
            assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY,
                    "0.01", "100100", "p-1")).code()).isEqualTo("SUCCESS");
            JsonNode update = ws.await(f -> f.at("/content/data/orderFillTransaction").size() > 0);
            conforms("ORDER_UPDATE envelope", JsonShape.of(recOrderUpdate).ignoring("$.content.data"), update);
            assertThat(update.at("/content/event").asText()).isEqualTo("ORDER_UPDATE");
            for (String group : List.of("order", "orderFillTransaction", "position", "collateral")) {
                conforms(group + " record in the fill's ORDER_UPDATE",
                        JsonShape.of(recOrderUpdate.at("/content/data/" + group + "/0")).trimmedAt("$"),
                        update.at("/content/data/" + group + "/0"));
            }
            conforms("snapshot account record", JsonShape.of(recSnapshot.at("/content/data/account/0")).trimmedAt("$"),
                    snap.at("/content/data/account/0"));
            conforms("snapshot collateral record", JsonShape.of(recSnapshot.at("/content/data/collateral/0")).trimmedAt("$"),
                    snap.at("/content/data/collateral/0"));
        }
    }

    @Test
    void privateRestBodies() {
        String bestAsk = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=15").data()
                .at("/0/asks/0/price").asText();
        EdgexTestVenue.Reply filled = venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC,
                OrderSide.BUY, "0.01", bestAsk, "r-1"));
        EdgexTestVenue.Reply resting = venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC,
                OrderSide.BUY, "0.01", "50000", "r-2"));
        String account = Long.toString(OWN_ACCOUNT);

        // Doc examples (the page trims records; the live getAccountAsset capture is trimmed by its author too).
        JsonNode asset = response(entry(V, "GET_api_v2_private_account_getAccountAsset.json", "live capture", null));
        conforms("getAccountAsset", JsonShape.of(asset).trimmedAt("$.data", "$.data.account",
                        "$.data.positionList[]", "$.data.collateralList[]")
                        .mapAt("$.data.account.contractIdToTradeSetting").trimmedAt("$.data.account.contractIdToTradeSetting.*"),
                venue.privateGet(OWN_CREDS, "/api/v2/private/account/getAccountAsset", EdgexTestVenue.q("accountId", account)).json());

        JsonNode assetDoc = response(entry(V, "GET_api_v2_private_account_getAccountAsset.json", "doc example", null));
        conforms("getAccountAsset (doc example)", JsonShape.of(assetDoc).trimmedAt("$.data.account", "$.data.collateralList[]",
                        "$.data.positionList[]")
                        .mapAt("$.data.account.contractIdToTradeSetting"),
                venue.privateGet(OWN_CREDS, "/api/v2/private/account/getAccountAsset", EdgexTestVenue.q("accountId", account)).json());

        JsonNode active = response(entry(V, "GET_api_v2_private_order_getActiveOrderPage.json", "doc example", null));
        conforms("getActiveOrderPage", JsonShape.of(active).trimmedAt("$.data.dataList[]"),
                venue.privateGet(OWN_CREDS, "/api/v2/private/order/getActiveOrderPage", EdgexTestVenue.q("accountId", account)).json());

        JsonNode byId = response(entry(V, "GET_api_v2_private_order_getOrderById.json", "doc example", null));
        conforms("getOrderById", JsonShape.of(byId).trimmedAt("$.data[]"),
                venue.privateGet(OWN_CREDS, "/api/v2/private/order/getOrderById", EdgexTestVenue.q("accountId", account,
                        "orderIdList", resting.data().get("orderId").asText())).json());

        JsonNode fills = response(entry(V, "GET_api_v2_private_order_getHistoryOrderFillTransactionPage.json", "doc example", null));
        conforms("getHistoryOrderFillTransactionPage", JsonShape.of(fills).trimmedAt("$.data.dataList[]"),
                venue.privateGet(OWN_CREDS, "/api/v2/private/order/getHistoryOrderFillTransactionPage",
                        EdgexTestVenue.q("accountId", account)).json());

        JsonNode txs = response(entry(V, "GET_api_v2_private_account_getPositionTransactionPage.json", "doc example", null));
        conforms("getPositionTransactionPage", JsonShape.of(txs).trimmedAt("$.data.dataList[]"),
                venue.privateGet(OWN_CREDS, "/api/v2/private/account/getPositionTransactionPage",
                        EdgexTestVenue.q("accountId", account)).json());
        assertThat(filled.code()).isEqualTo("SUCCESS");
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
