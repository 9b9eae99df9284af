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
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.emulator.VenueId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FaultPlan faults at the wire, consumed by count; the request log; the admin endpoints. */
class LighterFaultTest {
    private static final L2TxAttributes NONE = L2TxAttributes.none();
    private static final FaultMatch BOOKS = new FaultMatch("/api/v1/orderBooks", null, null, null, null);
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
    void http429TwiceThenNormal() throws Exception {
        venue.faults.add(Fault.of(VenueId.LIGHTER, FaultKind.HTTP_429, BOOKS, 2));
        for (int i = 0; i < 2; i++) {
            LighterTestVenue.Answer a = venue.get("/api/v1/orderBooks");
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.body().get("code").asInt()).isEqualTo(LighterErrors.TOO_MANY_REQUESTS);
        }
        assertThat(venue.get("/api/v1/orderBooks").status()).isEqualTo(200);
        assertThat(venue.faults.list()).isEmpty();
    }

    @Test
    void serverErrorAndMalformedBody() throws Exception {
        venue.faults.add(Fault.serverError(VenueId.LIGHTER, BOOKS, 1, 503));
        venue.faults.add(Fault.of(VenueId.LIGHTER, FaultKind.MALFORMED_BODY, BOOKS, 1));
        LighterTestVenue.Answer a = venue.get("/api/v1/orderBooks");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.body()).isNull();
        LighterTestVenue.Answer b = venue.get("/api/v1/orderBooks");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.body()).as("not JSON").isNull();
        assertThat(b.raw()).startsWith("{");
        assertThat(venue.get("/api/v1/orderBooks").body()).isNotNull();
    }

    @Test
    void delayAndRejectOfATxType() throws Exception {
        venue.faults.add(Fault.delay(VenueId.LIGHTER, BOOKS, 1, 300));
        long t0 = System.nanoTime();
        assertThat(venue.get("/api/v1/orderBooks").status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);

        venue.faults.add(Fault.reject(VenueId.LIGHTER, new FaultMatch("/api/v1/sendTx", 16, null, null, null), 1,
                "21739", "not enough margin to create the order"));
        LighterTestVenue.Answer a = venue.sendTx(new CancelAllOrdersTx(venue.context(0), 0, 0, NONE), venue.key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("code").asInt()).isEqualTo(21739);
        assertThat(venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY)).isZero();
        assertThat(venue.sendTx(new CancelAllOrdersTx(venue.context(0), 0, 0, NONE), venue.key).status())
                .isEqualTo(200);
    }

    @Test
    void requestsAreLoggedWithTxTypeAndClientOrderIndex() throws Exception {
        venue.get("/api/v1/orderBooks");
        venue.sendTx(new CreateOrderTx(venue.context(0), 1, 4242, 1_000, 10, 0, ORDER_TYPE_LIMIT,
                TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        List<LoggedRequest> log = venue.log.list(VenueId.LIGHTER);
        assertThat(log).extracting(LoggedRequest::path).containsSubsequence("/api/v1/orderBooks", "/api/v1/sendTx");
        LoggedRequest tx = log.get(log.size() - 1);
        assertThat(tx.method()).isEqualTo("POST");
        assertThat(tx.txType()).isEqualTo(14);
        assertThat(tx.clientOrderId()).isEqualTo("4242");
        assertThat(tx.side()).isEqualTo("BUY");
        assertThat(tx.arrivalNanos()).isGreaterThan(log.get(0).arrivalNanos());
    }

    @Test
    void adminEndpoints() throws Exception {
        venue.get("/api/v1/orderBooks");
        JsonNode reqs = venue.get("/_emulator/requests").body();
        assertThat(reqs.get("requests").size()).isGreaterThan(0);
        LighterTestVenue.Answer f = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/faults")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"faults\":[{\"venue\":\"LIGHTER\",\"kind\":\"HTTP_429\",\"count\":1,"
                        + "\"match\":{\"path\":\"/api/v1/exchangeStats\"}}]}")).build());
        assertThat(f.status()).as(f.raw()).isEqualTo(200);
        assertThat(venue.get("/api/v1/exchangeStats").status()).isEqualTo(429);
        LighterTestVenue.Answer p = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/price")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"symbol\":\"BTC\",\"price\":\"90000\"}")).build());
        assertThat(p.status()).as(p.raw()).isEqualTo(200);
        assertThat(venue.get("/_emulator/state").status()).isEqualTo(200);
        // The same admin operations on both venues' ports: the chaos suite freezes a Lighter book through Lighter's.
        LighterTestVenue.Answer frozen = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/book")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"venue\":\"LIGHTER\",\"symbol\":\"BTC\",\"frozen\":true}")).build());
        assertThat(frozen.status()).as(frozen.raw()).isEqualTo(200);
        LighterTestVenue.Answer bad = venue.send(HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/_emulator/price")).POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"BTC\"}")).build());
        assertThat(bad.status()).isEqualTo(400);
    }
}
