package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexTestVenue.BTC;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_KEY;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.OrderSide;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.emulator.VenueId;

/** The engine's fault plan applied at the EdgeX wire, the request log, and the admin endpoints. */
class EdgexFaultsWireTest {
    private static final String TIME = "/api/v2/public/meta/getServerTime";
    private EdgexTestVenue venue;

    @BeforeEach
    void start() {
        venue = new EdgexTestVenue();
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    private static FaultMatch path(String p) {
        return new FaultMatch(p, null, null, null, null);
    }

    @Test
    void http429IsAnsweredCountTimesThenNormalService() {
        venue.faults.add(Fault.of(VenueId.EDGEX, FaultKind.HTTP_429, path(TIME), 2));
        for (int i = 0; i < 2; i++) {
            EdgexTestVenue.Reply r = venue.get(TIME);
            assertThat(r.status()).isEqualTo(429);
            EdgexPublicWireTest.assertEnvelope(r);
            assertThat(r.code()).isEqualTo("TOO_MANY_REQUESTS");
        }
        assertThat(venue.get(TIME).status()).isEqualTo(200);
        assertThat(venue.faults.list()).isEmpty();
    }

    @Test
    void http5xxIsAGatewayPageNotTheVenueJson() {
        venue.faults.add(Fault.serverError(VenueId.EDGEX, path(TIME), 1, 502));
        EdgexTestVenue.Reply r = venue.get(TIME);
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json()).isNull();
        assertThat(venue.get(TIME).status()).isEqualTo(200);
    }

    @Test
    void malformedBodyIsHttp200ThatDoesNotParse() {
        venue.faults.add(Fault.of(VenueId.EDGEX, FaultKind.MALFORMED_BODY, path(TIME), 1));
        EdgexTestVenue.Reply r = venue.get(TIME);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isNull();
        assertThat(r.text()).startsWith("{\"code\":\"SUCCESS\"");
        EdgexPublicWireTest.assertEnvelope(venue.get(TIME));
    }

    @Test
    void rejectFaultRefusesAMatchingOrderWithTheVenueError() {
        venue.faults.add(Fault.reject(VenueId.EDGEX, new FaultMatch(null, null, "BUY", null, "BTC"), 1,
                "MARGIN_NOT_ENOUGH", "not enough margin"));
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS,
                venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01", "100100", "f-1"));
        EdgexPublicWireTest.assertEnvelope(r);
        assertThat(r.code()).isEqualTo("MARGIN_NOT_ENOUGH");
        assertThat(r.json().get("msg").asText()).isEqualTo("not enough margin");
        assertThat(venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01",
                "100100", "f-2")).code()).isEqualTo("SUCCESS");
    }

    @Test
    void partialFillFaultFillsOnlyTheFraction() {
        venue.faults.add(Fault.partialFill(VenueId.EDGEX, path("/api/v2/private/order/createOrder"), 1,
                new BigDecimal("0.5")));
        String id = venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.02",
                "100100", "f-3")).data().get("orderId").asText();
        JsonNode o = venue.privateGet(OWN_CREDS, "/api/v2/private/order/getOrderById",
                q("accountId", "20", "orderIdList", id)).data().get(0);
        assertThat(o.get("cumFillSize").asText()).isEqualTo("0.01");
    }

    @Test
    void delayAndNoAnswer() {
        venue.faults.add(Fault.delay(VenueId.EDGEX, path(TIME), 1, 400));
        long t0 = System.nanoTime();
        assertThat(venue.get(TIME).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        venue.faults.add(Fault.of(VenueId.EDGEX, FaultKind.NO_ANSWER, path(TIME), 1));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl() + TIME))
                .timeout(Duration.ofMillis(500)).GET();
        assertThatThrownBy(() -> venue.http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(venue.get(TIME).status()).isEqualTo(200);
    }

    @Test
    void everyRequestIsLoggedWithSideAndClientOrderId() {
        venue.requests.clear();
        venue.get(TIME);
        venue.createOrder(OWN_CREDS, venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.SELL, "0.01", "99900", "log-1"));
        assertThat(venue.requests.list(VenueId.EDGEX)).extracting(LoggedRequest::path)
                .containsExactly(TIME, "/api/v2/private/order/createOrder");
        LoggedRequest order = venue.requests.list(VenueId.EDGEX).get(1);
        assertThat(order.method()).isEqualTo("POST");
        assertThat(order.side()).isEqualTo("SELL");
        assertThat(order.clientOrderId()).isEqualTo("log-1");
        assertThat(order.arrivalNanos()).isGreaterThan(venue.requests.list(VenueId.EDGEX).get(0).arrivalNanos());
    }

    @Test
    void adminEndpointsOnTheVenuePort() {
        venue.get(TIME);
        JsonNode requests = venue.get("/_emulator/requests").json();
        assertThat(requests.get("requests").toString()).contains(TIME);

        EdgexTestVenue.Reply added = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/faults")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"faults\":[{\"venue\":\"EDGEX\",\"kind\":\"HTTP_429\",\"count\":1,\"match\":{\"path\":\"" + TIME + "\"}}]}")));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(venue.get(TIME).status()).isEqualTo(429);

        EdgexTestVenue.Reply price = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/price")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"symbol\":\"BTC\",\"price\":\"101000\"}")));
        assertThat(price.status()).as(price.text()).isEqualTo(200);
        assertThat(venue.get("/api/v2/public/quote/getTicker?contractId=30000001").data().at("/0/oraclePrice").asText())
                .isEqualTo("101000");

        EdgexTestVenue.Reply bad = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/price")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"symbol\":\"NOPE\",\"price\":\"1\"}")));
        assertThat(bad.status()).isEqualTo(400);

        JsonNode state = venue.get("/_emulator/state").json();
        assertThat(state.toString()).contains("BTC");
    }

    @Test
    void frozenBookStopsDepthFromMoving() {
        EdgexTestVenue.Reply frozen = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/book")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"venue\":\"EDGEX\",\"symbol\":\"BTC\",\"frozen\":true}")));
        assertThat(frozen.status()).as(frozen.text()).isEqualTo(200);
        JsonNode before = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=15").data().get(0);
        venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl() + "/_emulator/price"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"BTC\",\"price\":\"101000\"}")));
        venue.mutableClock().advance(Duration.ofSeconds(5));
        JsonNode after = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=15").data().get(0);
        assertThat(after.get("bids")).isEqualTo(before.get("bids"));
        assertThat(after.get("asks")).isEqualTo(before.get("asks"));
    }
}
