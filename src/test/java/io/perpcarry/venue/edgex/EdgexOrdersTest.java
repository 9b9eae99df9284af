package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.edgex.L2OrderFieldDerivation;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgexOrdersTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    final EdgexCatalog catalog = EdgexMapperTest.catalog();
    final EdgexMarket btc = catalog.bySymbol("BTC").orElseThrow();
    final EdgexOrders orders = new EdgexOrders(EdgexOrderSigner.fromHex(EdgexEmulatorHarness.TRADING_KEY), 10, CLOCK,
            Duration.ofDays(22));

    Map<String, Object> body(OrderSide side, String size, String price, OrderType type, String oracle) {
        return orders.createOrderBody(new OrderRequest("BTC", side, new BigDecimal(size), new BigDecimal(price), type,
                false, 77), btc, catalog.domain().orElseThrow(), new BigDecimal(oracle));
    }

    @Test
    void limitIocBodyCarriesSignedL2FieldsAsStrings() {
        Map<String, Object> b = body(OrderSide.BUY, "0.010", "100000.0", OrderType.LIMIT_IOC, "100000");
        assertThat(b).containsEntry("contractId", "30000001").containsEntry("type", "LIMIT")
                .containsEntry("timeInForce", "IMMEDIATE_OR_CANCEL").containsEntry("price", "100000.0")
                .containsEntry("size", "0.010").containsEntry("l2Size", "0.010").containsEntry("side", "BUY")
                .containsEntry("clientOrderId", "77").containsEntry("reduceOnly", false);
        assertThat(new BigDecimal((String) b.get("l2Value"))).isEqualByComparingTo("1000");
        assertThat(b.get("l2Nonce")).isEqualTo(Long.toString(L2OrderFieldDerivation.l2Nonce("77")));
        assertThat(b.get("l2LimitFee")).isEqualTo("1"); // ceil(1000 × 0.00038)
        long expire = Long.parseLong((String) b.get("expireTime"));
        assertThat(expire).isEqualTo(CLOCK.millis() + Duration.ofDays(22).toMillis());
        assertThat(Long.parseLong((String) b.get("l2ExpireTime"))).isEqualTo(expire + Duration.ofDays(8).toMillis());
        assertThat((String) b.get("l2Signature")).hasSize(130);
        b.values().stream().filter(java.util.Objects::nonNull)
                .forEach(v -> assertThat(v).isNotInstanceOf(BigDecimal.class).isNotInstanceOf(Double.class));
    }

    @Test
    void timeInForcePerOrderType() {
        assertThat(body(OrderSide.BUY, "0.010", "99000.0", OrderType.LIMIT_GTT, "100000")).containsEntry("timeInForce", "GOOD_TIL_CANCEL");
        assertThat(body(OrderSide.BUY, "0.010", "99000.0", OrderType.LIMIT_POST_ONLY, "100000")).containsEntry("timeInForce", "POST_ONLY");
    }

    @Test
    void marketOrderSendsPriceZeroAndSignsAtTheSdkPrice() {
        // edgex-python-sdk client.py: a SELL is signed at tickSize, a BUY at oracle × 10 rounded to the tick decimals
        Map<String, Object> sell = body(OrderSide.SELL, "0.010", "95000.0", OrderType.MARKET, "100000");
        assertThat(sell).containsEntry("type", "MARKET").containsEntry("price", "0").containsEntry("timeInForce", "IMMEDIATE_OR_CANCEL");
        assertThat(new BigDecimal((String) sell.get("l2Value"))).isEqualByComparingTo("0.001"); // 0.1 × 0.010
        Map<String, Object> buy = body(OrderSide.BUY, "0.010", "95000.0", OrderType.MARKET, "100000.04");
        assertThat(new BigDecimal((String) buy.get("l2Value"))).isEqualByComparingTo("10000.004"); // 1000000.4 × 0.010
    }

    @Test
    void aggressiveLimitBeyondTheOracleBandIsPulledToTheEdgeNeverPast() {
        Map<String, Object> buy = body(OrderSide.BUY, "0.010", "120000.0", OrderType.LIMIT_IOC, "100000.03");
        assertThat(new BigDecimal((String) buy.get("price"))).isEqualByComparingTo("105000.0"); // floor(105000.0315)
        Map<String, Object> sell = body(OrderSide.SELL, "0.010", "80000.0", OrderType.LIMIT_IOC, "100000.03");
        assertThat(new BigDecimal((String) sell.get("price"))).isEqualByComparingTo("95000.1"); // ceil(95000.0285)
        Map<String, Object> inside = body(OrderSide.BUY, "0.010", "104000.0", OrderType.LIMIT_IOC, "100000");
        assertThat(inside.get("price")).isEqualTo("104000.0");
    }

    @Test
    void offStepOffTickAndTooSmallAreInvalidBeforeSigning() {
        for (String[] c : new String[][] {{"0.0015", "100000.0"}, {"0.010", "100000.05"}, {"0.0001", "100000"}}) {
            VenueException e = catchThrowableOfType(() -> body(OrderSide.BUY, c[0], c[1], OrderType.LIMIT_IOC, "100000"),
                    VenueException.class);
            assertThat(e.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        }
    }

    @Test
    void negativeScaleIsSentPlain() {
        Map<String, Object> b = orders.createOrderBody(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.010"),
                new BigDecimal("1E+5"), OrderType.LIMIT_IOC, false, 78), btc, catalog.domain().orElseThrow(),
                new BigDecimal("100000"));
        assertThat(b.get("price")).isEqualTo("100000");
        assertThat((String) b.get("l2Value")).doesNotContain("E");
    }
}
