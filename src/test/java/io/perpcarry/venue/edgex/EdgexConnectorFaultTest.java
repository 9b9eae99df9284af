package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each emulator fault kind against the connector, over loopback HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgexConnectorFaultTest {
    static final String FUNDING = "/api/v2/public/funding/getLatestFundingRate";
    static final String CREATE = "/api/v2/private/order/createOrder";
    EdgexEmulatorHarness h;
    EdgexConnector edgex;

    @BeforeAll
    void start() {
        h = new EdgexEmulatorHarness(0);
        edgex = h.connector(true);
        edgex.markets();
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @BeforeEach
    void clean() throws Exception {
        h.adminDelete("/_emulator/faults");
        h.adminDelete("/_emulator/requests");
    }

    private void fault(String kind, String path, String extra) throws Exception {
        h.fault("{\"venue\": \"EDGEX\", \"kind\": \"" + kind + "\", \"count\": 1, \"match\": {\"path\": \"" + path
                + "\"}" + extra + "}");
    }

    private OrderRequest ioc(String symbol, OrderSide side, String size, long clientId) {
        OrderBook b = edgex.orderBook(symbol, 1);
        BigDecimal price = side == OrderSide.BUY ? b.bestAsk().add(BigDecimal.ONE) : b.bestBid().subtract(BigDecimal.ONE);
        return new OrderRequest(symbol, side, new BigDecimal(size), price, OrderType.LIMIT_IOC, false, clientId);
    }

    @Test
    void rateLimitedReadWaitsAndRetries() throws Exception {
        fault("HTTP_429", FUNDING, "");
        assertThat(edgex.fundingQuotes()).hasSize(EdgexEmulatorHarness.MARKETS);
        assertThat(h.restRequests()).containsExactly("GET " + FUNDING, "GET " + FUNDING);
    }

    @Test
    void serverErrorOnReadIsRetried() throws Exception {
        fault("HTTP_5XX", FUNDING, ", \"httpStatus\": 503");
        assertThat(edgex.fundingQuotes()).isNotEmpty();
        assertThat(h.restRequests()).hasSize(2);
    }

    @Test
    void readThatNeverAnswersTimesOutAndIsRetried() throws Exception {
        fault("NO_ANSWER", FUNDING, "");
        assertThat(edgex.fundingQuotes()).isNotEmpty();
        assertThat(h.restRequests()).hasSize(2);
    }

    @Test
    void readThatKeepsFailingEndsTyped() throws Exception {
        h.fault("{\"venue\": \"EDGEX\", \"kind\": \"HTTP_5XX\", \"count\": -1, \"match\": {\"path\": \"" + FUNDING + "\"}}");
        VenueException e = catchThrowableOfType(() -> edgex.fundingQuotes(), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNAVAILABLE);
        assertThat(h.restRequests()).hasSize(3);
    }

    @Test
    void malformedReadIsMalformedNeverEmpty() throws Exception {
        fault("MALFORMED_BODY", "/api/v2/private/account/getAccountAsset", "");
        VenueException e = catchThrowableOfType(() -> edgex.account(), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void orderWithoutAnswerIsUnknownOutcomeAndSentOnce() throws Exception {
        OrderRequest order = ioc("DOGE", OrderSide.BUY, "0.01", 5001);
        fault("NO_ANSWER", CREATE, "");
        VenueException e = catchThrowableOfType(() -> edgex.placeOrder(order), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        assertThat(h.restRequests().stream().filter(r -> r.endsWith("createOrder"))).hasSize(1);
    }

    @Test
    void orderWithServerErrorIsUnknownOutcome() throws Exception {
        OrderRequest order = ioc("DOGE", OrderSide.BUY, "0.01", 5002);
        fault("HTTP_5XX", CREATE, ", \"httpStatus\": 502");
        VenueException e = catchThrowableOfType(() -> edgex.placeOrder(order), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        assertThat(h.restRequests().stream().filter(r -> r.endsWith("createOrder"))).hasSize(1);
    }

    @Test
    void orderWithUnreadableAnswerIsUnknownOutcome() throws Exception {
        OrderRequest order = ioc("DOGE", OrderSide.BUY, "0.01", 5003);
        fault("MALFORMED_BODY", CREATE, "");
        VenueException e = catchThrowableOfType(() -> edgex.placeOrder(order), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
    }

    @Test
    void rateLimitedOrderIsNotRetried() throws Exception {
        OrderRequest order = ioc("DOGE", OrderSide.BUY, "0.01", 5004);
        fault("HTTP_429", CREATE, "");
        VenueException e = catchThrowableOfType(() -> edgex.placeOrder(order), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.RATE_LIMITED);
        assertThat(h.restRequests().stream().filter(r -> r.endsWith("createOrder"))).hasSize(1);
    }

    @Test
    void partialFillShowsOnlyTheFilledPartAsPosition() throws Exception {
        fault("PARTIAL_FILL", CREATE, ", \"fraction\": \"0.4\"");
        edgex.placeOrder(ioc("ADA", OrderSide.SELL, "1.000", 5005));
        assertThat(edgex.account().position("ADA")).hasValueSatisfying(
                p -> assertThat(p.signedSize()).isEqualByComparingTo("-0.4"));
        List<OpenOrder> open = edgex.openOrders();
        assertThat(open).noneMatch(o -> o.clientOrderId() == 5005); // IOC: the rest is cancelled
        edgex.placeOrder(new OrderRequest("ADA", OrderSide.BUY, new BigDecimal("0.4"),
                edgex.orderBook("ADA", 1).bestAsk().add(BigDecimal.ONE), OrderType.LIMIT_IOC, true, 5006));
        assertThat(edgex.account().position("ADA")).isEmpty();
    }

    @Test
    void orderOffTheStepIsRefusedBeforeSending() throws Exception {
        OrderBook b = edgex.orderBook("BTC", 1);
        VenueException e = catchThrowableOfType(() -> edgex.placeOrder(new OrderRequest("BTC", OrderSide.BUY,
                new BigDecimal("0.0015"), b.bestAsk(), OrderType.LIMIT_IOC, false, 5007)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        assertThat(h.restRequests()).noneMatch(r -> r.endsWith("createOrder"));
    }

    @Test
    void buyFarAboveTheOracleIsPulledIntoTheBandAndAccepted() {
        OrderBook b = edgex.orderBook("LINK", 1);
        BigDecimal wild = b.bestAsk().multiply(new BigDecimal("1.5")).setScale(1, java.math.RoundingMode.DOWN);
        edgex.placeOrder(new OrderRequest("LINK", OrderSide.BUY, new BigDecimal("0.01"), wild, OrderType.LIMIT_IOC,
                false, 5008));
        assertThat(edgex.account().position("LINK")).isPresent();
        edgex.placeOrder(ioc("LINK", OrderSide.SELL, "0.01", 5009));
    }

    @Test
    void unknownSymbolIsInvalidRequest() {
        VenueException e = catchThrowableOfType(() -> edgex.orderBook("NOPE", 5), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
    }
}
