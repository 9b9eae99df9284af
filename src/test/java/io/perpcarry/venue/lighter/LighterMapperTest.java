package io.perpcarry.venue.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Position;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping of JSON samples from lighter-openapi.json examples and docs/reference/lighter.md. */
class LighterMapperTest {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    static final String DETAILS = """
            {"code":200,"order_book_details":[
             {"symbol":"ETH","market_id":0,"market_type":"perp","status":"active","taker_fee":"0.0280",
              "is_taker_fee_enabled":true,"maker_fee":"0.0040","is_maker_fee_enabled":true,"min_base_amount":"0.0050",
              "min_quote_amount":"10.000000","size_decimals":4,"price_decimals":2,"min_initial_margin_fraction":200,
              "daily_quote_token_volume":93566.25},
             {"symbol":"OLD","market_id":9,"market_type":"perp","status":"inactive","taker_fee":"0","maker_fee":"0",
              "min_base_amount":"1","min_quote_amount":"1","size_decimals":0,"price_decimals":0,
              "min_initial_margin_fraction":200,"daily_quote_token_volume":0},
             {"symbol":"FREE","market_id":3,"market_type":"perp","status":"active","taker_fee":"0.0200",
              "is_taker_fee_enabled":false,"maker_fee":"0.0000","is_maker_fee_enabled":false,"min_base_amount":"1",
              "min_quote_amount":"1","size_decimals":0,"price_decimals":4,"min_initial_margin_fraction":500,
              "daily_quote_token_volume":1.5}],
             "spot_order_book_details":[]}
            """;

    @Test
    void marketDetailsKeepActivePerpsAndTurnPercentFeesIntoFractions() {
        LighterMapper.MarketDetails d = LighterMapper.marketDetails(LighterJson.parseOk(DETAILS, "t"));
        assertThat(d.markets()).containsOnlyKeys("ETH", "FREE");
        LighterMarket eth = d.markets().get("ETH");
        assertThat(eth.marketId()).isZero();
        assertThat(eth.spec().takerFeeRate()).isEqualByComparingTo("0.00028");
        assertThat(eth.spec().makerFeeRate()).isEqualByComparingTo("0.00004");
        assertThat(eth.spec().priceTick()).isEqualByComparingTo("0.01");
        assertThat(eth.spec().sizeStep()).isEqualByComparingTo("0.0001");
        assertThat(eth.minInitialMarginFraction()).isEqualTo(200);
        assertThat(d.volume24hUsd().get("ETH")).isEqualByComparingTo("93566.25");
        assertThat(d.markets().get("FREE").spec().takerFeeRate()).isZero(); // fee disabled
    }

    @Test
    void aMissingDecimalFieldIsMalformed() {
        VenueException e = catchThrowableOfType(() -> LighterMapper.marketDetails(LighterJson.parseOk(
                DETAILS.replace("\"size_decimals\":4,", ""), "t")), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("size_decimals");
    }

    @Test
    void aBodyWithAFailureCodeIsRejectedWithThatCode() {
        VenueException e = catchThrowableOfType(() -> LighterJson.parseOk("{\"code\":21602,\"message\":\"invalid market index\"}",
                "orderBookOrders"), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.venueCode()).contains("21602");
        assertThat(e.getMessage()).contains("invalid market index");
    }

    @Test
    void fundingQuotesTakeOnlyLighterRowsAsFractionsPerEightHours() {
        Map<String, FundingQuote> q = LighterMapper.fundingQuotes(LighterJson.parseOk("""
                {"code":200,"funding_rates":[{"market_id":1,"exchange":"lighter","symbol":"BTC","rate":0.000096},
                 {"market_id":1,"exchange":"binance","symbol":"BTC","rate":0.0001},
                 {"market_id":0,"exchange":"lighter","symbol":"ETH","rate":-1.2E-5}]}""", "t"), NOW);
        assertThat(q.get("BTC").rate()).isEqualByComparingTo("0.000096");
        assertThat(q.get("BTC").interval()).isEqualTo(Duration.ofHours(8));
        assertThat(q.get("BTC").aprPercent()).isEqualByComparingTo("10.512"); // 0.000096 × 3 × 365 × 100
        assertThat(q.get("ETH").rate()).isEqualByComparingTo("-0.000012");
    }

    static final String ACCOUNT = """
            {"code":200,"total":1,"accounts":[{"code":200,"account_type":0,"index":123,"account_index":123,
             "total_order_count":1,"pending_order_count":0,"available_balance":"950.000000","status":1,
             "collateral":"1000.000000","total_asset_value":"1001.250000",
             "positions":[{"market_id":1,"symbol":"BTC","initial_margin_fraction":"5.00","open_order_count":1,
               "pending_order_count":0,"position_tied_order_count":0,"sign":-1,"position":"0.01000",
               "avg_entry_price":"100000.0","position_value":"998.75","unrealized_pnl":"1.250000",
               "realized_pnl":"0.000000","liquidation_price":"190000.0","margin_mode":0},
              {"market_id":0,"symbol":"ETH","initial_margin_fraction":"5.00","open_order_count":0,
               "pending_order_count":0,"position_tied_order_count":0,"sign":1,"position":"1.5000",
               "avg_entry_price":"3000.00","position_value":"4500","unrealized_pnl":"0","realized_pnl":"0",
               "liquidation_price":"0","margin_mode":0}]}]}
            """;

    @Test
    void accountPositionsAreSignTimesSizeWithZeroLiquidationAsNone() {
        AccountState a = LighterMapper.account(LighterJson.parseOk(ACCOUNT, "t"), 123, NOW);
        assertThat(a.equity()).isEqualByComparingTo("1001.25");
        assertThat(a.availableBalance()).isEqualByComparingTo("950");
        Position btc = a.position("BTC").orElseThrow();
        assertThat(btc.signedSize()).isEqualByComparingTo("-0.01");
        assertThat(btc.liquidationPrice()).isEqualByComparingTo("190000");
        assertThat(btc.unrealizedPnl()).isEqualByComparingTo("1.25");
        assertThat(a.position("ETH").orElseThrow().liquidationPrice()).isNull();
        assertThat(LighterMapper.orderCountsByMarket(LighterJson.parseOk(ACCOUNT, "t"), 123)).isEqualTo(Map.of(1, 1));
    }

    @Test
    void anotherAccountsAnswerOrABadSignIsMalformed() {
        VenueException other = catchThrowableOfType(() -> LighterMapper.account(LighterJson.parseOk(ACCOUNT, "t"), 7, NOW),
                VenueException.class);
        assertThat(other.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(other.getMessage()).doesNotContain("7 ");
        VenueException sign = catchThrowableOfType(() -> LighterMapper.account(LighterJson.parseOk(
                ACCOUNT.replace("\"sign\":-1", "\"sign\":0"), "t"), 123, NOW), VenueException.class);
        assertThat(sign.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        VenueException text = catchThrowableOfType(() -> LighterMapper.account(LighterJson.parseOk(
                ACCOUNT.replace("\"0.01000\"", "\"abc\""), "t"), 123, NOW), VenueException.class);
        assertThat(text.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void restBookSumsOrdersPerPriceAndSortsSides() {
        var book = LighterMapper.orderBookFromOrders(LighterJson.parseOk("""
                {"code":200,"total_asks":3,"asks":[{"price":"3024.70","remaining_base_amount":"1.0000"},
                  {"price":"3024.66","remaining_base_amount":"0.5000"},{"price":"3024.66","remaining_base_amount":"0.2500"}],
                 "total_bids":2,"bids":[{"price":"3024.10","remaining_base_amount":"2.0000"},
                  {"price":"3024.50","remaining_base_amount":"0.0000"},{"price":"3024.20","remaining_base_amount":"1.0000"}]}
                """, "t"), "ETH", 10, NOW);
        assertThat(book.bestAsk()).isEqualByComparingTo("3024.66");
        assertThat(book.asks().get(0).size()).isEqualByComparingTo("0.75");
        assertThat(book.bestBid()).isEqualByComparingTo("3024.20"); // the empty 3024.50 order is no level
        assertThat(book.bids()).hasSize(2);
    }

    @Test
    void fundingPaymentRateIsSignedFromTheCashFlow() {
        List<FundingPayment> p = LighterMapper.fundingPayments(LighterJson.parseOk("""
                {"code":200,"position_fundings":[
                 {"timestamp":1764000000,"market_id":1,"funding_id":1,"change":"-0.120000","rate":"0.0012",
                  "position_size":"1.00000","position_side":"long","discount":"0"},
                 {"timestamp":1764003600,"market_id":1,"funding_id":2,"change":"-0.050000","rate":"0.0005",
                  "position_size":"1.00000","position_side":"short","discount":"0"}]}""", "t"), Map.of(1, "BTC"));
        assertThat(p.get(0).rate()).isEqualByComparingTo("0.000012"); // longs paid
        assertThat(p.get(0).amount()).isEqualByComparingTo("-0.12");
        assertThat(p.get(1).rate()).isEqualByComparingTo("-0.000005"); // shorts paid
        assertThat(p.get(1).positionSize()).isEqualByComparingTo("-1");
    }

    @Test
    void settledFundingsArePercentPerHourSignedByThePayingSideNewestFirst() {
        List<FundingQuote> rows = LighterMapper.settledFunding(LighterJson.parseOk("""
                {"code":200,"resolution":"1h","fundings":[
                 {"timestamp":1764000000,"value":"0.1","rate":"0.0012","direction":"long"},
                 {"timestamp":1764003600,"value":"0.1","rate":"0.0030","direction":"short"}]}""", "fundings"), "BTC");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).observedAt()).isEqualTo(Instant.ofEpochSecond(1764003600));
        assertThat(rows.get(0).rate()).isEqualByComparingTo("-0.000030");
        assertThat(rows.get(1).hourlyRate()).isEqualByComparingTo("0.000012");
        assertThat(rows.get(1).aprPercent()).isEqualByComparingTo("10.512");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> LighterMapper.settledFunding(LighterJson.parseOk("""
                {"code":200,"fundings":[{"timestamp":1,"value":"0","rate":"0.1","direction":"up"}]}""", "fundings"), "BTC"),
                io.perpcarry.venue.VenueException.class).getMessage()).contains("direction", "up");
    }
}
