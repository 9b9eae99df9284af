package io.perpcarry.venue.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.testing.Captures;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract: every recorded Lighter REST payload (src/test/resources/captures/lighter/, provenance in each entry)
 * through the mapper of its endpoint, to the domain values the recording means. A trimmed entry that lacks a
 * field the mapper needs must be refused as MALFORMED, never read as zero. A renamed or retyped field fails.
 */
class LighterCapturesContractTest {
    private static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");

    private static JsonNode body(String file, int index) {
        return LighterJson.parse(Captures.body("lighter", file, index), file);
    }

    private static JsonNode edited(String file, int index, String from, String to) {
        String raw = Captures.body("lighter", file, index);
        assertThat(raw).contains(from);
        return LighterJson.parse(raw.replace(from, to), file);
    }

    private static void assertMalformed(Runnable r, String naming) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains(naming);
        });
    }

    @Test
    void everyRecordedLighterFileIsCoveredHere() {
        // a new capture file must get a contract (or a conformance) test: the list is explicit on purpose
        assertThat(List.of("GET_root_status.json", "GET_api_v1_account.json", "GET_api_v1_accountActiveOrders.json",
                "GET_api_v1_funding-rates.json", "GET_api_v1_fundings.json", "GET_api_v1_nextNonce.json",
                "GET_api_v1_orderBookDetails.json", "GET_api_v1_orderBookOrders.json", "GET_api_v1_orderBooks.json",
                "GET_api_v1_positionFunding.json", "GET_api_v1_recentTrades.json", "POST_api_v1_sendTx.json",
                "errors.json")).allSatisfy(f -> assertThat(Captures.entries("lighter", f)).isNotEmpty());
    }

    @Test
    void orderBookDetails() {
        LighterMapper.MarketDetails nautilus = LighterMapper.marketDetails(body("GET_api_v1_orderBookDetails.json", 0));
        LighterMarket eth = nautilus.markets().get("ETH");
        assertThat(eth.marketId()).isZero();
        assertThat(eth.sizeDecimals()).isEqualTo(4);
        assertThat(eth.priceDecimals()).isEqualTo(2);
        assertThat(eth.minInitialMarginFraction()).isEqualTo(200);
        assertThat(eth.spec().minBaseSize()).isEqualByComparingTo("0.0050");
        assertThat(eth.spec().minQuoteNotional()).isEqualByComparingTo("10");
        assertThat(nautilus.volume24hUsd().get("ETH")).isEqualByComparingTo("460664167.955905");
        // 2025-11 shape: no market_type / is_*_fee_enabled, empty order_quote_limit: still read
        LighterMapper.MarketDetails ccxt = LighterMapper.marketDetails(body("GET_api_v1_orderBookDetails.json", 1));
        assertThat(ccxt.markets()).containsOnlyKeys("ETH");
        assertThat(ccxt.volume24hUsd().get("ETH")).isEqualByComparingTo("1671431095.263844");
        // trimmed by their authors: a field we need is missing, so the answer is refused, not guessed
        assertMalformed(() -> LighterMapper.marketDetails(body("GET_api_v1_orderBookDetails.json", 2)), "maker_fee");
        assertMalformed(() -> LighterMapper.marketDetails(body("GET_api_v1_orderBookDetails.json", 3)),
                "daily_quote_token_volume");
        assertMalformed(() -> LighterMapper.marketDetails(edited("GET_api_v1_orderBookDetails.json", 0,
                "\"size_decimals\"", "\"sizeDecimals\"")), "size_decimals");
        assertMalformed(() -> LighterMapper.marketDetails(edited("GET_api_v1_orderBookDetails.json", 0,
                "\"price_decimals\": 2", "\"price_decimals\": \"2\"")), "price_decimals");
    }

    @Test
    void fundingRatesAreLighterRowsOnlyAndNumbersMayUseExponents() {
        Map<String, FundingQuote> ccxt = LighterMapper.fundingQuotes(body("GET_api_v1_funding-rates.json", 0), NOW);
        assertThat(Captures.body("lighter", "GET_api_v1_funding-rates.json", 0)).contains("9.599999999999999e-05");
        assertThat(ccxt.get("ETH").rate()).isEqualByComparingTo("0.00009599999999999999");
        assertThat(ccxt.get("ETH").interval()).isEqualTo(Duration.ofHours(8));
        Map<String, FundingQuote> mixed = LighterMapper.fundingQuotes(body("GET_api_v1_funding-rates.json", 1), NOW);
        assertThat(mixed).containsOnlyKeys("BTC"); // binance and hyperliquid rows are not Lighter's
        assertThat(mixed.get("BTC").rate()).isEqualByComparingTo("0.00009599999999999999");
        assertThat(LighterMapper.fundingQuotes(edited("GET_api_v1_funding-rates.json", 1, "9.599999999999999e-05",
                "5e-05"), NOW).get("BTC").rate()).isEqualByComparingTo("0.00005");
        assertMalformed(() -> LighterMapper.fundingQuotes(edited("GET_api_v1_funding-rates.json", 0,
                "\"exchange\"", "\"venue\""), NOW), "exchange");
    }

    @Test
    void orderBookOrdersAreAggregatedByPriceFromTheRemainingSize() {
        OrderBook one = LighterMapper.orderBookFromOrders(body("GET_api_v1_orderBookOrders.json", 0), "ETH", 10, NOW);
        assertThat(one.asks()).containsExactly(new BookLevel(new BigDecimal("2361.32"), new BigDecimal("0.0317")));
        assertThat(one.bids()).containsExactly(new BookLevel(new BigDecimal("2361.17"), new BigDecimal("3.4125")));
        OrderBook partly = LighterMapper.orderBookFromOrders(body("GET_api_v1_orderBookOrders.json", 1), "ETH", 10, NOW);
        assertThat(partly.bids().get(0).size()).isEqualByComparingTo("1.3237"); // remaining, not initial 1.7361
        OrderBook many = LighterMapper.orderBookFromOrders(body("GET_api_v1_orderBookOrders.json", 2), "ETH", 10, NOW);
        assertThat(many.bids()).extracting(BookLevel::price).containsExactly(new BigDecimal("2579.82"),
                new BigDecimal("2579.75"), new BigDecimal("2579.73"));
        assertThat(many.bids().get(1).size()).isEqualByComparingTo("0.5871"); // 0.5095 + 0.0776
        assertThat(many.bids().get(2).size()).isEqualByComparingTo("14.0997"); // 13.5958 + 0.5039
        assertThat(many.asks()).hasSize(5);
        assertMalformed(() -> LighterMapper.orderBookFromOrders(edited("GET_api_v1_orderBookOrders.json", 0,
                "\"remaining_base_amount\"", "\"remaining\""), "ETH", 10, NOW), "remaining_base_amount");
    }

    @Test
    void accountsFlatPositionsHaveSignOneAndShortsAreNegative() {
        JsonNode ccxt = body("GET_api_v1_account.json", 0);
        long ccxtIndex = ccxt.get("accounts").get(0).get("index").asLong();
        AccountState a = LighterMapper.account(ccxt, ccxtIndex, NOW);
        assertThat(a.equity()).isEqualByComparingTo("15298.072264000002"); // a float rendering, read exactly
        assertThat(a.position("ETH").orElseThrow().signedSize()).isEqualByComparingTo("18.0193");
        assertThat(LighterMapper.crossMarginFraction(ccxt, ccxtIndex, 0)).contains(500); // "5.00" % = 20x

        JsonNode perpDex = body("GET_api_v1_account.json", 1);
        long index = perpDex.get("accounts").get(0).get("index").asLong();
        // a trimmed fixture without unrealized_pnl (spec-required): refused, not read as 0
        assertMalformed(() -> LighterMapper.account(perpDex, index, NOW), "unrealized_pnl");
        io.perpcarry.domain.Position sndk = LighterMapper.position(edited("GET_api_v1_account.json", 1,
                "\"sign\": -1,", "\"sign\": -1, \"unrealized_pnl\": \"0\",").get("accounts").get(0).get("positions").get(0));
        assertThat(sndk.symbol()).isEqualTo("SNDK");
        assertThat(sndk.signedSize()).isEqualByComparingTo("-0.0072"); // sign -1, position unsigned
        assertThat(perpDex.get("accounts").get(0).get("positions").get(0).get("position_value").asText()).startsWith("-");
        assertThat(LighterMapper.crossMarginFraction(perpDex, index, 1)).contains(200);
        assertThat(LighterMapper.crossMarginFraction(perpDex, index, 139)).as("isolated: unknown").isEmpty();

        JsonNode nautilus = body("GET_api_v1_account.json", 2);
        long n = nautilus.get("accounts").get(0).get("index").asLong();
        assertThat(LighterMapper.account(nautilus, n, NOW).positions()).isEmpty();
        assertThat(LighterMapper.crossMarginFraction(nautilus, n, 1)).contains(1000);
        assertMalformed(() -> LighterMapper.position(edited("GET_api_v1_account.json", 1, "\"sign\": -1",
                "\"sign\": \"-1\"").get("accounts").get(0).get("positions").get(0)), "sign");
    }

    @Test
    void activeOrdersKeepSixtyFourBitOrderIndexes() {
        List<OpenOrder> big = LighterMapper.openOrders(body("GET_api_v1_accountActiveOrders.json", 0), Map.of(139, "SNDK"));
        assertThat(big).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo("39687971468506323"); // > 2^53: a double would make it ...320
            assertThat(o.clientOrderId()).isEqualTo(1791518274L);
            assertThat(o.side()).isEqualTo(OrderSide.BUY); // side "" on the wire: is_ask false
            assertThat(o.price()).isEqualByComparingTo("1552.96");
        });
        List<OpenOrder> ccxt = LighterMapper.openOrders(body("GET_api_v1_accountActiveOrders.json", 1), Map.of(0, "ETH"));
        assertThat(ccxt.get(0).side()).isEqualTo(OrderSide.SELL);
        assertThat(ccxt.get(0).orderId()).isEqualTo("281474977354074");
        assertMalformed(() -> LighterMapper.openOrders(edited("GET_api_v1_accountActiveOrders.json", 0,
                "\"order_index\": 39687971468506323", "\"order_index\": \"39687971468506323\""), Map.of(139, "SNDK")),
                "order_index");
    }

    @Test
    void positionFundingAndFundingsTimestampsInSeconds() {
        List<FundingPayment> p = LighterMapper.fundingPayments(body("GET_api_v1_positionFunding.json", 0),
                Map.of(139, "SNDK"));
        assertThat(p).singleElement().satisfies(f -> {
            assertThat(f.settledAt()).isEqualTo(Instant.ofEpochSecond(1791525600));
            assertThat(f.amount()).isEqualByComparingTo("-0.001840");
            assertThat(f.positionSize()).isEqualByComparingTo("0.0071");
            assertThat(f.rate()).isPositive(); // a long paid: longs paid
        });
        assertMalformed(() -> LighterMapper.fundingPayments(body("GET_api_v1_positionFunding.json", 1), Map.of()),
                "market_id"); // a hand-written mock without market_id

        List<FundingQuote> settled = LighterMapper.settledFunding(body("GET_api_v1_fundings.json", 0), "ETH");
        assertThat(settled).extracting(FundingQuote::observedAt).containsExactly(Instant.ofEpochSecond(1778706000),
                Instant.ofEpochSecond(1778702400));
        assertThat(settled.get(0).rate()).isEqualByComparingTo("-0.000002"); // 0.0002 % an hour, shorts paid
        assertThat(settled.get(1).rate()).isEqualByComparingTo("0.000012");
        assertMalformed(() -> LighterMapper.settledFunding(body("GET_api_v1_fundings.json", 1), "BTC"), "direction");
    }

    @Test
    void nextNonceAndSendTx() {
        assertThat(LighterMapper.nextNonce(body("GET_api_v1_nextNonce.json", 0))).isEqualTo(1234567890L);
        for (Captures.Entry e : Captures.entries("lighter", "POST_api_v1_sendTx.json")) {
            String raw = Captures.body("lighter", e.file(), e.index());
            if (raw == null) {
                continue;
            }
            JsonNode parsed;
            try {
                parsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new AssertionError(e + " is not JSON", ex);
            }
            for (JsonNode frame : parsed.isArray() ? parsed : List.of(parsed)) {
                JsonNode root = LighterJson.parse(frame.toString(), "sendTx");
                if (root.path("code").asInt() == 200) {
                    assertThat(LighterMapper.txHash(root)).as(e.toString()).isNotBlank();
                } else {
                    assertThat(LighterJson.rejected(root, "sendTx").getMessage()).as(e.toString())
                            .contains(root.path("message").asText());
                }
            }
        }
    }
}
