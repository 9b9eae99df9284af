package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Funding settlements read back as signed payments; credentials missing or leaking. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgexFundingAndAuthTest {
    EdgexEmulatorHarness h;
    EdgexConnector edgex;

    @BeforeAll
    void start() {
        h = new EdgexEmulatorHarness(0, "PT1M");
        edgex = h.connector(true);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void settledFundingIsReadBackSignedForTheAccount() {
        // BTC funds at -0.0002 per 4 h (shorts pay longs): a long receives. ETH at +0.0001: a short receives.
        OrderBook btc = edgex.orderBook("BTC", 1);
        edgex.placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.010"), btc.bestAsk().add(BigDecimal.TEN),
                OrderType.LIMIT_IOC, false, 8001));
        OrderBook eth = edgex.orderBook("ETH", 1);
        edgex.placeOrder(new OrderRequest("ETH", OrderSide.SELL, new BigDecimal("1.000"), eth.bestBid().subtract(BigDecimal.TEN),
                OrderType.LIMIT_IOC, false, 8002));
        Instant since = h.engine.simulationTime();
        h.advance(Duration.ofHours(4).plusMinutes(1));

        List<FundingPayment> payments = edgex.fundingPayments(since);
        FundingPayment b = payments.stream().filter(p -> p.symbol().equals("BTC")).findFirst().orElseThrow();
        assertThat(b.rate()).isEqualByComparingTo("-0.0002");
        assertThat(b.positionSize()).isEqualByComparingTo("0.010");
        assertThat(b.amount()).isPositive();
        // 0.01 BTC × ~100 000 × 0.0002 ≈ 0.2 USD
        assertThat(b.amount()).isBetween(new BigDecimal("0.19"), new BigDecimal("0.21"));
        assertThat(b.settledAt()).isEqualTo(Instant.parse("2025-01-01T04:00:00Z"));
        FundingPayment e = payments.stream().filter(p -> p.symbol().equals("ETH")).findFirst().orElseThrow();
        assertThat(e.positionSize()).isEqualByComparingTo("-1");
        assertThat(e.amount()).isPositive();
        assertThat(edgex.fundingPayments(Instant.parse("2025-01-01T05:00:00Z"))).isEmpty();
    }

    @Test
    void privateCallsWithoutCredentialsAreAuthAndNameWhatIsMissing() {
        EdgexConnector anonymous = h.connector(false);
        assertThat(anonymous.markets()).isNotEmpty(); // public reads work
        List<Supplier<Object>> calls = new ArrayList<>();
        calls.add(anonymous::account);
        calls.add(anonymous::openOrders);
        calls.add(() -> anonymous.placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.001"),
                new BigDecimal("100000"), OrderType.LIMIT_IOC, false, 9001)));
        calls.add(() -> {
            anonymous.cancelAllOrders();
            return null;
        });
        calls.add(() -> {
            anonymous.setLeverage("BTC", 3);
            return null;
        });
        calls.add(() -> anonymous.fundingPayments(Instant.EPOCH));
        for (Supplier<Object> call : calls) {
            VenueException e = catchThrowableOfType(call::get, VenueException.class);
            assertThat(e.kind()).isEqualTo(VenueErrorKind.AUTH);
            assertThat(e.getMessage()).contains("EDGEX_API_KEY").contains("EDGEX_TRADING_PRIVATE_KEY");
        }
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() throws Exception {
        List<String> texts = new ArrayList<>();
        texts.add(edgex.toString());
        h.fault("""
                {"venue": "EDGEX", "kind": "REJECT", "count": 1, "match": {"path": "/api/v2/private/order/createOrder"},
                 "errorCode": "X", "message": "refused"}""");
        texts.add(messageOf(() -> edgex.placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.001"),
                edgex.orderBook("BTC", 1).bestAsk(), OrderType.LIMIT_IOC, false, 9002))));
        h.fault("{\"venue\": \"EDGEX\", \"kind\": \"NO_ANSWER\", \"count\": 1, \"match\": {\"path\": \"/api/v2/private/order/createOrder\"}}");
        texts.add(messageOf(() -> edgex.placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.001"),
                edgex.orderBook("BTC", 1).bestAsk(), OrderType.LIMIT_IOC, false, 9003))));
        h.fault("{\"venue\": \"EDGEX\", \"kind\": \"MALFORMED_BODY\", \"count\": 1, \"match\": {\"path\": \"/api/v2/private/account/getAccountAsset\"}}");
        texts.add(messageOf(edgex::account));
        texts.add(messageOf(() -> edgex.placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.0001"),
                new BigDecimal("1"), OrderType.LIMIT_IOC, false, 9004))));
        texts.add(new EdgexStreams.PrivateAuth(null, "10").toString());
        texts.add(EdgexStreams.privateSpec(java.net.URI.create("ws://h:1"), new EdgexStreams.PrivateAuth(
                new io.perpcarry.crypto.edgex.EdgexRequestSigner(new io.perpcarry.crypto.edgex.EdgexApiCredentials(
                        EdgexEmulatorHarness.API_KEY, EdgexEmulatorHarness.PASSPHRASE, EdgexEmulatorHarness.SECRET)),
                "10"), 1L).toString());
        for (String t : texts) {
            assertThat(t).isNotBlank()
                    .doesNotContain(EdgexEmulatorHarness.API_KEY)
                    .doesNotContain(EdgexEmulatorHarness.PASSPHRASE)
                    .doesNotContain(EdgexEmulatorHarness.SECRET)
                    .doesNotContain(EdgexEmulatorHarness.TRADING_KEY);
        }
    }

    private static String messageOf(Supplier<Object> call) {
        VenueException e = catchThrowableOfType(call::get, VenueException.class);
        assertThat(e).isNotNull();
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
