package io.perpcarry.emulator.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_GOOD_TILL_TIME;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.ModifyOrderTx;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.EngineListener;
import io.perpcarry.emulator.engine.Fill;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spec's endpoints the emulator lacked (every answer is validated against the OpenAPI definition by
 * {@link LighterTestVenue}), and the venue's rules about client order indexes, modify, and the public book.
 */
class LighterSpecEndpointsTest {
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

    private long bestAsk() throws Exception {
        return new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body().get("asks").get(0)
                .get("price").asText()).movePointRight(1).longValue();
    }

    private String auth() {
        return "&auth=" + venue.authToken();
    }

    @Test
    void publicEndpointsAnswerSpecValidBodies() throws Exception {
        assertThat(venue.get("/api/v1/assetDetails").body().get("asset_details").get(0).get("symbol").asText())
                .isEqualTo("USDC");
        assertThat(venue.get("/api/v1/currentHeight").body().get("height").asLong())
                .isEqualTo(venue.clock.instant().getEpochSecond());
        venue.sendTx(new CreateOrderTx(venue.context(0), 1, 5, 10_000, bestAsk() + 50, 0, ORDER_TYPE_LIMIT,
                TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        long now = venue.clock.millis();
        JsonNode candles = venue.get("/api/v1/candles?market_id=1&resolution=1m&start_timestamp=" + (now - 3_600_000)
                + "&end_timestamp=" + (now + 60_000) + "&count_back=10").body();
        assertThat(candles.get("r").asText()).isEqualTo("1m");
        assertThat(candles.get("c")).hasSize(1);
        assertThat(candles.get("c").get(0).get("v").asDouble()).isEqualTo(0.1);
        assertThat(venue.get("/api/v1/candles?market_id=1&resolution=2m&start_timestamp=0&end_timestamp=1&count_back=1")
                .status()).isEqualTo(400);
        JsonNode subs = venue.get("/api/v1/accountsByL1Address?l1_address=0x00000000000000000000000000000000000000a1")
                .body();
        assertThat(subs.get("sub_accounts")).hasSize(1);
        assertThat(subs.get("sub_accounts").get(0).get("index").asLong()).isEqualTo(LighterTestVenue.ACCOUNT);
        assertThat(venue.get("/api/v1/accountsByL1Address?l1_address=0xdead").status()).isEqualTo(400);
    }

    @Test
    void fillsCarryTheClientOrderIndexAndTheHashOfTheirTransaction() throws Exception {
        LighterTestVenue.Answer sent = venue.sendTx(new CreateOrderTx(venue.context(0), 1, 4242, 10_000,
                bestAsk() + 50, 0, ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        String hash = sent.body().get("tx_hash").asText();
        JsonNode trades = venue.get("/api/v1/trades?account_index=" + LighterTestVenue.ACCOUNT
                + "&sort_by=timestamp&limit=10" + auth()).body().get("trades");
        assertThat(trades).isNotEmpty();
        assertThat(trades).allSatisfy(t -> {
            assertThat(t.get("bid_client_id").asLong()).isEqualTo(4242);
            assertThat(t.get("bid_account_id").asLong()).isEqualTo(LighterTestVenue.ACCOUNT);
            assertThat(t.get("tx_hash").asText()).isEqualTo(hash);
        });
        assertThat(venue.get("/api/v1/trades?account_index=" + LighterTestVenue.ACCOUNT + "&sort_by=timestamp&limit=10")
                .status()).as("account trades need auth").isEqualTo(400);
        // the public trade feed shows the same trade, with the same ids and hash
        JsonNode recent = venue.get("/api/v1/recentTrades?market_id=1&limit=1").body().get("trades").get(0);
        assertThat(recent.get("bid_client_id").asLong()).isEqualTo(4242);
        assertThat(recent.get("tx_hash").asText()).isEqualTo(hash);
        // the tx itself
        JsonNode tx = venue.get("/api/v1/tx?by=hash&value=" + hash).body();
        assertThat(tx.get("hash").asText()).isEqualTo(hash);
        assertThat(tx.get("account_index").asLong()).isEqualTo(LighterTestVenue.ACCOUNT);
        assertThat(tx.get("type").asInt()).isEqualTo(14);
        assertThat(venue.get("/api/v1/tx?by=hash&value=00ff").status()).isEqualTo(400);

        // the filled IOC is among the inactive orders with its client order index
        JsonNode inactive = venue.get("/api/v1/accountInactiveOrders?account_index=" + LighterTestVenue.ACCOUNT
                + "&limit=10" + auth()).body().get("orders");
        assertThat(inactive).singleElement().satisfies(o -> {
            assertThat(o.get("client_order_index").asLong()).isEqualTo(4242);
            assertThat(o.get("status").asText()).isEqualTo("filled");
            assertThat(o.get("order_index").asLong()).isGreaterThan(1L << 53);
        });
        JsonNode pnl = venue.get("/api/v1/pnl?by=index&value=" + LighterTestVenue.ACCOUNT
                + "&resolution=1h&start_timestamp=0&end_timestamp=1&count_back=1" + auth()).body();
        assertThat(pnl.get("pnl").get(0).get("volume").asDouble()).isPositive();
    }

    @Test
    void withExecutionLatencyFillsStillCarryTheHashOfTheirTransaction() throws Exception {
        // Lighter acks sendTx before the sequencer executes it: the fill comes later, and is still tied to the tx.
        venue.engine.venue(VenueId.LIGHTER).executionLatency().set(100, 0);
        CountDownLatch filled = new CountDownLatch(1);
        venue.engine.addListener(new EngineListener() {
            @Override
            public void onFill(VenueId v, Fill fill) {
                if (v == VenueId.LIGHTER && "4343".equals(fill.clientOrderId())) {
                    filled.countDown();
                }
            }
        });
        LighterTestVenue.Answer sent = venue.sendTx(new CreateOrderTx(venue.context(0), 1, 4343, 10_000,
                bestAsk() + 50, 0, ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        String hash = sent.body().get("tx_hash").asText();
        assertThat(filled.await(10, TimeUnit.SECONDS)).as("the acknowledged order fills after the latency").isTrue();
        JsonNode trades = venue.get("/api/v1/trades?account_index=" + LighterTestVenue.ACCOUNT
                + "&sort_by=timestamp&limit=10" + auth()).body().get("trades");
        assertThat(trades).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("bid_client_id").asLong()).isEqualTo(4343);
            assertThat(t.get("tx_hash").asText()).isEqualTo(hash);
        });
        JsonNode recent = venue.get("/api/v1/recentTrades?market_id=1&limit=1").body().get("trades").get(0);
        assertThat(recent.get("tx_hash").asText()).isEqualTo(hash);
    }

    @Test
    void aClientOrderIndexIsRefusedAgainOnceItsOrderFilled() throws Exception {
        CreateOrderTx first = new CreateOrderTx(venue.context(0), 1, 77, 10_000, bestAsk() + 50, 0, ORDER_TYPE_LIMIT,
                TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE);
        assertThat(venue.sendTx(first, venue.key).status()).isEqualTo(200);
        LighterTestVenue.Answer again = venue.sendTx(new CreateOrderTx(venue.context(1), 1, 77, 10_000,
                bestAsk() + 50, 0, ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get("code").asInt()).isEqualTo(LighterErrors.CLIENT_ORDER_INDEX_EXISTS);
        assertThat(position().get("position").asText()).isEqualTo("0.10000"); // filled once only
    }

    @Test
    void ownRestingOrdersAreInThePublicBookAndModifyKeepsTheOrderIndex() throws Exception {
        JsonNode top = venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body().get("bids").get(0);
        long bid = new BigDecimal(top.get("price").asText()).movePointRight(1).longValue();
        long expiry = venue.clock.millis() + Duration.ofDays(1).toMillis();
        venue.sendTx(new CreateOrderTx(venue.context(0), 1, 300, 3_000, bid, 0, ORDER_TYPE_LIMIT, TIF_GOOD_TILL_TIME,
                0, 0, expiry, NONE), venue.key);
        JsonNode bids = venue.get("/api/v1/orderBookOrders?market_id=1&limit=10").body().get("bids");
        assertThat(bids.get(0).get("price").asText()).isEqualTo(top.get("price").asText());
        assertThat(bids).anySatisfy(o -> {
            assertThat(o.get("owner_account_index").asLong()).isEqualTo(LighterTestVenue.ACCOUNT);
            assertThat(o.get("remaining_base_amount").asText()).isEqualTo("0.03000");
            assertThat(o.get("order_expiry").asLong()).isEqualTo(expiry);
        });
        long orderIndex = venue.get("/api/v1/accountActiveOrders?account_index=" + LighterTestVenue.ACCOUNT + auth())
                .body().get("orders").get(0).get("order_index").asLong();

        assertThat(venue.sendTx(new ModifyOrderTx(venue.context(1), 1, orderIndex, 5_000, bid - 100, 0, NONE),
                venue.key).status()).isEqualTo(200);
        JsonNode after = venue.get("/api/v1/accountActiveOrders?account_index=" + LighterTestVenue.ACCOUNT + auth())
                .body().get("orders");
        assertThat(after).singleElement().satisfies(o -> {
            assertThat(o.get("order_index").asLong()).isEqualTo(orderIndex);
            assertThat(o.get("client_order_index").asLong()).isEqualTo(300);
            assertThat(o.get("remaining_base_amount").asText()).isEqualTo("0.05000");
        });
        assertThat(venue.get("/api/v1/orderBookOrders?market_id=1&limit=250").body().get("bids"))
                .anySatisfy(o -> assertThat(o.get("order_index").asLong()).isEqualTo(orderIndex));
    }

    @Test
    void aClosedPositionIsFlatWithSignOneAndAShortHasANegativeValue() throws Exception {
        long bid = new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body().get("bids").get(0)
                .get("price").asText()).movePointRight(1).longValue();
        venue.sendTx(new CreateOrderTx(venue.context(0), 1, 1, 10_000, bid - 50, 1, ORDER_TYPE_LIMIT,
                TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        assertThat(position().get("sign").asInt()).isEqualTo(-1);
        assertThat(new BigDecimal(position().get("position_value").asText())).isNegative();
        venue.sendTx(new CreateOrderTx(venue.context(1), 1, 2, 10_000, bestAsk() + 50, 0, ORDER_TYPE_LIMIT,
                TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        assertThat(position().get("position").asText()).isEqualTo("0.00000");
        assertThat(position().get("sign").asInt()).isEqualTo(1);
    }

    private JsonNode position() throws Exception {
        return venue.get("/api/v1/account?by=index&value=" + LighterTestVenue.ACCOUNT).body().get("accounts").get(0)
                .get("positions").get(0);
    }
}
