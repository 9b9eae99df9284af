package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every REST method of the connector against the EdgeX emulator over loopback HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgexConnectorRestTest {
    EdgexEmulatorHarness h;
    EdgexConnector edgex;

    @BeforeAll
    void start() {
        h = new EdgexEmulatorHarness(0);
        edgex = h.connector(true);
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

    @Test
    void marketsComeFromMetadataWithTheFundingIntervalOfTheContract() {
        Map<String, MarketSpec> markets = edgex.markets();
        assertThat(markets).hasSize(EdgexEmulatorHarness.MARKETS).containsKey("BTC");
        MarketSpec btc = markets.get("BTC");
        assertThat(btc.venueMarketId()).isEqualTo("30000001");
        assertThat(btc.priceTick()).isEqualByComparingTo("0.1");
        assertThat(btc.sizeStep()).isEqualByComparingTo("0.001");
        assertThat(btc.minBaseSize()).isEqualByComparingTo("0.001");
        assertThat(btc.takerFeeRate()).isEqualByComparingTo("0.0005");
        assertThat(btc.makerFeeRate()).isEqualByComparingTo("0.0002");
        assertThat(btc.fundingInterval()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void fundingQuotesForAllMarketsInOneRequest() throws Exception {
        edgex.markets();
        h.adminDelete("/_emulator/requests");
        Map<String, FundingQuote> quotes = edgex.fundingQuotes();
        assertThat(quotes).hasSize(EdgexEmulatorHarness.MARKETS);
        assertThat(quotes.get("BTC").rate()).isEqualByComparingTo("-0.0002");
        assertThat(quotes.get("ETH").rate()).isEqualByComparingTo("0.0001");
        assertThat(quotes.get("BTC").interval()).isEqualTo(Duration.ofHours(4));
        assertThat(h.restRequests()).containsExactly("GET /api/v2/public/funding/getLatestFundingRate");
    }

    @Test
    void orderBookWithoutStreamIsReadOverRest() {
        OrderBook book = edgex.orderBook("BTC", 3);
        assertThat(book.bids()).hasSize(3);
        assertThat(book.asks()).hasSize(3);
        assertThat(book.bestBid()).isLessThan(book.bestAsk());
        assertThat(book.mid()).isBetween(new BigDecimal("99000"), new BigDecimal("101000"));
    }

    @Test
    void accountShowsEquityAndOnlyOpenPositions() {
        AccountState a = edgex.account();
        // 100 000 deposited, less the fees of whatever other tests traded before this one
        assertThat(a.equity()).isBetween(new BigDecimal("99990"), new BigDecimal("100000"));
        assertThat(a.availableBalance()).isPositive().isLessThanOrEqualTo(a.equity());
        assertThat(a.positions()).allMatch(p -> !p.isFlat());
    }

    @Test
    void iocBuyFillsAndShowsAsALongPosition() {
        OrderBook book = edgex.orderBook("ETH", 1);
        OrderAck ack = edgex.placeOrder(new OrderRequest("ETH", OrderSide.BUY, new BigDecimal("0.1"),
                book.bestAsk().add(new BigDecimal("1.0")), OrderType.LIMIT_IOC, false, 1001));
        assertThat(ack.venueOrderId()).isNotBlank();
        assertThat(ack.clientOrderId()).isEqualTo(1001);
        AccountState a = edgex.account();
        assertThat(a.position("ETH")).hasValueSatisfying(p -> {
            assertThat(p.signedSize()).isEqualByComparingTo("0.1");
            assertThat(p.entryPrice()).isBetween(book.bestAsk().subtract(BigDecimal.ONE), book.bestAsk().add(BigDecimal.ONE));
        });
        // close it again: reduce-only SELL
        edgex.placeOrder(new OrderRequest("ETH", OrderSide.SELL, new BigDecimal("0.1"),
                edgex.orderBook("ETH", 1).bestBid().subtract(new BigDecimal("1.0")), OrderType.LIMIT_IOC, true, 1002));
        assertThat(edgex.account().position("ETH")).isEmpty();
    }

    @Test
    void marketOrderWithAWorstPriceFillsAndCloses() {
        OrderBook book = edgex.orderBook("AVAX", 1);
        edgex.placeOrder(new OrderRequest("AVAX", OrderSide.SELL, new BigDecimal("0.2"),
                book.bestBid().multiply(new BigDecimal("0.99")).setScale(1, java.math.RoundingMode.UP), OrderType.MARKET,
                false, 1501));
        assertThat(edgex.account().position("AVAX")).hasValueSatisfying(
                p -> assertThat(p.signedSize()).isEqualByComparingTo("-0.2"));
        edgex.placeOrder(new OrderRequest("AVAX", OrderSide.BUY, new BigDecimal("0.2"),
                edgex.orderBook("AVAX", 1).bestAsk().multiply(new BigDecimal("1.01")).setScale(1, java.math.RoundingMode.DOWN),
                OrderType.MARKET, true, 1502));
        assertThat(edgex.account().position("AVAX")).isEmpty();
    }

    @Test
    void cancelOfAnUnknownOrderIsRejectedWithTheVenuesResult() {
        VenueException e = catchThrowableOfType(() -> edgex.cancelOrder("BTC", "123456789"), VenueException.class);
        assertThat(e.kind()).isIn(VenueErrorKind.REJECTED);
    }

    @Test
    void restingOrderIsListedAndCancelled() {
        OrderBook book = edgex.orderBook("SOL", 1);
        BigDecimal price = book.bestBid().subtract(new BigDecimal("5.0"));
        OrderAck ack = edgex.placeOrder(new OrderRequest("SOL", OrderSide.BUY, new BigDecimal("0.5"), price,
                OrderType.LIMIT_GTT, false, 2001));
        List<OpenOrder> open = edgex.openOrders();
        assertThat(open).anySatisfy(o -> {
            assertThat(o.orderId()).isEqualTo(ack.venueOrderId());
            assertThat(o.clientOrderId()).isEqualTo(2001);
            assertThat(o.symbol()).isEqualTo("SOL");
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.price()).isEqualByComparingTo(price);
            assertThat(o.remainingSize()).isEqualByComparingTo("0.5");
        });
        edgex.cancelOrder("SOL", ack.venueOrderId());
        assertThat(edgex.openOrders()).noneMatch(o -> o.orderId().equals(ack.venueOrderId()));
    }

    @Test
    void cancelAllClearsRestingOrders() {
        OrderBook book = edgex.orderBook("XRP", 1);
        edgex.placeOrder(new OrderRequest("XRP", OrderSide.SELL, new BigDecimal("0.5"),
                book.bestAsk().add(new BigDecimal("5.0")), OrderType.LIMIT_POST_ONLY, false, 3001));
        assertThat(edgex.openOrders()).isNotEmpty();
        edgex.cancelAllOrders();
        assertThat(edgex.openOrders()).isEmpty();
    }

    @Test
    void setLeverageIsAccepted() {
        edgex.setLeverage("BTC", 5);
    }

    @Test
    void rejectionCarriesEdgexCodeAndMessage() throws Exception {
        h.fault("""
                {"venue": "EDGEX", "kind": "REJECT", "count": 1, "match": {"path": "/api/v2/private/order/createOrder"},
                 "errorCode": "ORDER_REJECTED_MARGIN", "message": "not enough margin"}""");
        OrderBook book = edgex.orderBook("BTC", 1);
        VenueException e = catchThrowableOfType(() -> edgex.placeOrder(new OrderRequest("BTC", OrderSide.BUY,
                new BigDecimal("0.01"), book.bestAsk(), OrderType.LIMIT_IOC, false, 4001)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.venueCode()).contains("ORDER_REJECTED_MARGIN");
        assertThat(e.getMessage()).contains("not enough margin");
    }
}
