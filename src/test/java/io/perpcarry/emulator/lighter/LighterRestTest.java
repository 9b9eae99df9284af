package io.perpcarry.emulator.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_GOOD_TILL_TIME;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CancelOrderTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.UpdateLeverageTx;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market data and account reads, orders, cancels, leverage and funding over loopback HTTP (spec-validated). */
class LighterRestTest {
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
    void marketDataMatchesTheSpec() throws Exception {
        assertThat(venue.get("/").body().get("status").asInt()).isEqualTo(200);
        assertThat(venue.get("/info").status()).isEqualTo(200);
        JsonNode books = venue.get("/api/v1/orderBooks").body();
        assertThat(books.get("order_books")).hasSize(2);
        JsonNode details = venue.get("/api/v1/orderBookDetails?market_id=1").body().get("order_book_details").get(0);
        assertThat(details.get("size_decimals").asInt()).isEqualTo(5);
        assertThat(details.get("price_decimals").asInt()).isEqualTo(1);
        assertThat(details.get("default_initial_margin_fraction").asInt()).isEqualTo(200);

        JsonNode depth = venue.get("/api/v1/orderBookOrders?market_id=1&limit=5").body();
        assertThat(depth.get("asks")).hasSize(5);
        String ask = depth.get("asks").get(0).get("price").asText();
        String bid = depth.get("bids").get(0).get("price").asText();
        assertThat(ask).matches("\\d+\\.\\d"); // exactly price_decimals digits
        assertThat(new BigDecimal(ask)).isGreaterThan(new BigDecimal(bid));
        assertThat(depth.get("asks").get(0).get("remaining_base_amount").asText()).matches("\\d+\\.\\d{5}");

        assertThat(venue.get("/api/v1/recentTrades?market_id=1&limit=10").status()).isEqualTo(200);
        assertThat(venue.get("/api/v1/exchangeStats").body().get("order_book_stats")).hasSize(2);

        JsonNode rates = venue.get("/api/v1/funding-rates").body().get("funding_rates");
        assertThat(rates).hasSize(8);
        JsonNode lighterBtc = null;
        for (JsonNode r : rates) {
            if (r.get("exchange").asText().equals("lighter") && r.get("symbol").asText().equals("BTC")) {
                lighterBtc = r;
            }
        }
        assertThat(lighterBtc.get("rate").asDouble()).isEqualTo(0.0008); // fraction per 8 h, as configured

        long now = venue.clock.instant().getEpochSecond();
        JsonNode fundings = venue.get("/api/v1/fundings?market_id=1&resolution=1h&start_timestamp=" + (now - 4 * 3600)
                + "&end_timestamp=" + now + "&count_back=3").body().get("fundings");
        assertThat(fundings).hasSize(3);
        // 0.0008 per 8 h = 0.0001 per hour = 0.01 % per hour, longs pay
        assertThat(fundings.get(0).get("rate").asText()).isEqualTo("0.0100");
        assertThat(fundings.get(0).get("direction").asText()).isEqualTo("long");

        // recorded: an unknown market answers 200 with empty sides; limit 0 is 20001 "invalid param "
        JsonNode unknown = venue.get("/api/v1/orderBookOrders?market_id=9&limit=5").body();
        assertThat(unknown.get("code").asInt()).isEqualTo(200);
        assertThat(unknown.get("asks")).isEmpty();
        assertThat(venue.get("/api/v1/orderBookOrders?market_id=1&limit=0").body().get("message").asText())
                .isEqualTo("invalid param ");
        assertThat(venue.get("/api/v1/orderBookOrders?market_id=1").status()).isEqualTo(400);
    }

    @Test
    void accountKeysAndNonce() throws Exception {
        JsonNode keys = venue.get("/api/v1/apikeys?account_index=" + LighterTestVenue.ACCOUNT).body();
        assertThat(keys.get("api_keys").get(0).get("public_key").asText()).isEqualTo(venue.key.publicKeyHex());
        assertThat(venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY)).isZero();
        JsonNode acc = venue.get("/api/v1/account?by=index&value=" + LighterTestVenue.ACCOUNT).body();
        assertThat(acc.get("accounts").get(0).get("collateral").asText()).isEqualTo("100000.000000");
        JsonNode byL1 = venue.get("/api/v1/account?by=l1_address&value=0x00000000000000000000000000000000000000a1")
                .body();
        assertThat(byL1.get("accounts").get(0).get("index").asLong()).isEqualTo(LighterTestVenue.ACCOUNT);
        assertThat(venue.get("/api/v1/account?by=index&value=999").status()).isEqualTo(400);
    }

    @Test
    void buyIocFillsAndShowsAsPosition() throws Exception {
        BigDecimal ask = new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body()
                .get("asks").get(0).get("price").asText());
        long price = ask.movePointRight(1).longValue() + 50; // 5 USD through the best ask
        CreateOrderTx buy = new CreateOrderTx(venue.context(0), 1, 11, 10_000, price, 0,
                ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE);
        LighterTestVenue.Answer r = venue.sendTx(buy, venue.key);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);

        JsonNode pos = position(1);
        assertThat(pos.get("sign").asInt()).isEqualTo(1);
        assertThat(pos.get("position").asText()).isEqualTo("0.10000");
        assertThat(new BigDecimal(pos.get("avg_entry_price").asText())).isBetween(ask, ask.add(new BigDecimal(5)));
        assertThat(pos.get("avg_entry_price").asText()).matches("\\d+\\.\\d");
    }

    @Test
    void restingOrdersCancelAndCancelAll() throws Exception {
        BigDecimal bid = new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body()
                .get("bids").get(0).get("price").asText());
        long low = bid.movePointRight(1).longValue() - 10_000; // 1000 USD below: rests
        long expiry = venue.clock.millis() + Duration.ofDays(1).toMillis();
        for (int i = 0; i < 3; i++) {
            CreateOrderTx o = new CreateOrderTx(venue.context(i), 1, 100 + i, 1_000, low - i, 0,
                    ORDER_TYPE_LIMIT, TIF_GOOD_TILL_TIME, 0, 0, expiry, NONE);
            assertThat(venue.sendTx(o, venue.key).status()).isEqualTo(200);
        }
        assertThat(activeOrders()).hasSize(3);
        assertThat(activeOrders().get(0).get("time_in_force").asText()).isEqualTo("good-till-time");

        // cancel by client order index
        assertThat(venue.sendTx(new CancelOrderTx(venue.context(3), 1, 100, NONE), venue.key).status()).isEqualTo(200);
        assertThat(activeOrders()).hasSize(2);
        // cancel by order index
        long orderIndex = activeOrders().get(0).get("order_index").asLong();
        assertThat(orderIndex).isGreaterThanOrEqualTo(1L << 48);
        assertThat(venue.sendTx(new CancelOrderTx(venue.context(4), 1, orderIndex, NONE), venue.key).status())
                .isEqualTo(200);
        assertThat(activeOrders()).hasSize(1);
        // cancelling it again: not an active order
        LighterTestVenue.Answer again =
                venue.sendTx(new CancelOrderTx(venue.context(5), 1, orderIndex, NONE), venue.key);
        assertThat(again.body().get("code").asInt()).isEqualTo(LighterErrors.NOT_ACTIVE_LIMIT_ORDER);
        assertThat(venue.sendTx(new CancelAllOrdersTx(venue.context(5), 0, 0, NONE), venue.key).status())
                .isEqualTo(200);
        assertThat(activeOrders()).isEmpty();
        assertThat(venue.get("/api/v1/accountActiveOrders?account_index=" + LighterTestVenue.ACCOUNT).status())
                .as("no auth token").isEqualTo(400);
    }

    @Test
    void updateLeverageChangesInitialMarginFraction() throws Exception {
        UpdateLeverageTx lev = new UpdateLeverageTx(venue.context(0), 1, 10_000 / 10, 0, NONE);
        assertThat(venue.sendTx(lev, venue.key).status()).isEqualTo(200);
        BigDecimal ask = new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body()
                .get("asks").get(0).get("price").asText());
        venue.sendTx(new CreateOrderTx(venue.context(1), 1, 0, 1_000, ask.movePointRight(1).longValue() + 50,
                0, ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        assertThat(position(1).get("initial_margin_fraction").asText()).isEqualTo("10.00");
        LighterTestVenue.Answer isolated = venue.sendTx(new UpdateLeverageTx(venue.context(2), 1, 1000, 1, NONE),
                venue.key);
        assertThat(isolated.status()).isEqualTo(400);
    }

    @Test
    void fundingSettlesOnTheHourAndShowsInPositionFunding() throws Exception {
        BigDecimal bid = new BigDecimal(venue.get("/api/v1/orderBookOrders?market_id=1&limit=1").body()
                .get("bids").get(0).get("price").asText());
        // short 0.1 BTC: with a positive rate shorts receive
        venue.sendTx(new CreateOrderTx(venue.context(0), 1, 0, 10_000, bid.movePointRight(1).longValue() - 50,
                1, ORDER_TYPE_LIMIT, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE), venue.key);
        assertThat(position(1).get("sign").asInt()).isEqualTo(-1);
        venue.clock.advance(Duration.ofMinutes(11)); // past 02:00, the next settlement
        JsonNode f = venue.get("/api/v1/positionFunding?account_index=" + LighterTestVenue.ACCOUNT + "&limit=10&auth="
                + venue.authToken()).body().get("position_fundings");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).get("position_side").asText()).isEqualTo("short");
        assertThat(new BigDecimal(f.get(0).get("change").asText())).isPositive();
        assertThat(f.get(0).get("rate").asText()).isEqualTo("0.0100");
        // header form of the token, and a token for another account is refused
        HttpRequest req = HttpRequest.newBuilder(URI.create(venue.emulator.baseUrl()
                + "/api/v1/positionFunding?account_index=" + LighterTestVenue.ACCOUNT + "&limit=5"))
                .header("Authorization", venue.authToken()).GET().build();
        assertThat(venue.send(req).status()).isEqualTo(200);
        assertThat(venue.get("/api/v1/positionFunding?account_index=" + LighterTestVenue.VECTOR_ACCOUNT
                + "&limit=5&auth=" + venue.authToken()).body().get("code").asInt()).isEqualTo(LighterErrors.INVALID_AUTH);
    }

    private JsonNode position(int marketId) throws Exception {
        JsonNode acc = venue.get("/api/v1/account?by=index&value=" + LighterTestVenue.ACCOUNT).body();
        for (JsonNode p : acc.get("accounts").get(0).get("positions")) {
            if (p.get("market_id").asInt() == marketId) {
                return p;
            }
        }
        throw new AssertionError("no position in market " + marketId + ": " + acc);
    }

    private List<JsonNode> activeOrders() throws Exception {
        JsonNode o = venue.get("/api/v1/accountActiveOrders?account_index=" + LighterTestVenue.ACCOUNT
                + "&market_id=1&auth=" + venue.authToken()).body();
        List<JsonNode> out = new java.util.ArrayList<>();
        o.get("orders").forEach(out::add);
        return out;
    }
}
