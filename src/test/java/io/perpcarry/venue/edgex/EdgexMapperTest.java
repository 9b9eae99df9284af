package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Position;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON samples shaped as in edgex.md §3-4 → domain, and the ways they can be wrong. */
class EdgexMapperTest {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    static final String META = """
            {"global": {"appName": "edgeX", "nativeChainId": "33431",
                        "contractAddress": "0x4d2f8a6e1f7c3b9a5d0e2c4b6a8f1e3d5c7b9a0f"},
             "coinList": [{"coinId": "1000", "coinName": "USDC", "stepSize": "0.000001", "resolution": "0xf4240"},
                          {"coinId": "1001", "coinName": "BTC", "stepSize": "0.001", "resolution": null},
                          {"coinId": "1002", "coinName": "ETH", "stepSize": "0.01", "resolution": null},
                          {"coinId": "1003", "coinName": "OLD", "stepSize": "0.01", "resolution": null},
                          {"coinId": "1004", "coinName": "BAD", "stepSize": "0.01", "resolution": null}],
             "contractList": [
               {"contractId": "30000001", "contractName": "BTCUSDC", "baseCoinId": "1001", "quoteCoinId": "1000",
                "tickSize": "0.1", "stepSize": "0.001", "minOrderSize": "0.001", "maxOrderSize": "50.000",
                "maxOrderBuyPriceRatio": "0.05", "minOrderSellPriceRatio": "0.05",
                "defaultTakerFeeRate": "0.00038", "defaultMakerFeeRate": "-0.00005", "enableTrade": true,
                "fundingRateIntervalMin": "240", "resolution": "0x2540be400"},
               {"contractId": "30000002", "contractName": "ETHUSDC", "baseCoinId": "1002", "quoteCoinId": "1000",
                "tickSize": "0.01", "stepSize": "0.01", "minOrderSize": "0.01", "maxOrderSize": "1000",
                "maxOrderBuyPriceRatio": "0.05", "minOrderSellPriceRatio": "0.05",
                "defaultTakerFeeRate": "0.00038", "defaultMakerFeeRate": "0.00018", "enableTrade": true,
                "fundingRateIntervalMin": "60", "resolution": "10000000000"},
               {"contractId": "30000003", "contractName": "OLDUSDC", "baseCoinId": "1003", "quoteCoinId": "1000",
                "tickSize": "0.01", "stepSize": "0.01", "minOrderSize": "0.01", "maxOrderSize": "1000",
                "maxOrderBuyPriceRatio": "0.05", "minOrderSellPriceRatio": "0.05",
                "defaultTakerFeeRate": "0.00038", "defaultMakerFeeRate": "0.00018", "enableTrade": false,
                "fundingRateIntervalMin": "240", "resolution": "10000000000"},
               {"contractId": "30000004", "contractName": "BADUSDC", "baseCoinId": "1004", "quoteCoinId": "1000",
                "tickSize": "0.01", "stepSize": "0.01", "minOrderSize": "0.01",
                "maxOrderBuyPriceRatio": "0.05", "minOrderSellPriceRatio": "0.05",
                "defaultTakerFeeRate": "0.00038", "defaultMakerFeeRate": "0.00018",
                "fundingRateIntervalMin": "240"},
               {"contractId": "20000001", "contractName": "BTCUSDC", "quoteCoinId": "1000"}]}
            """;

    static JsonNode json(String s) {
        return Wire.parse("test", s);
    }

    static EdgexCatalog catalog() {
        return EdgexCatalog.parse(json(META), "USDC", NOW);
    }

    @Test
    void catalogMapsNamesToSymbolsAndKeepsUntradableContractsForLookupOnly() {
        EdgexCatalog c = catalog();
        assertThat(c.markets()).containsOnlyKeys("BTC", "ETH");
        assertThat(c.markets().get("BTC").spec().makerFeeRate()).isEqualByComparingTo("-0.00005");
        assertThat(c.markets().get("ETH").spec().fundingInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.markets().get("BTC").signing().quoteResolution()).isEqualTo(1_000_000);
        assertThat(c.byContractId("30000003")).hasValueSatisfying(m -> assertThat(m.tradable()).isFalse());
        assertThat(c.byContractId("30000004")).isEmpty();
        assertThat(c.problems()).anyMatch(p -> p.startsWith("BADUSDC") && p.contains("resolution"));
        assertThat(c.domain()).isPresent();
    }

    @Test
    void metadataWithoutAnyUsableContractIsMalformed() {
        VenueException e = catchThrowableOfType(() -> EdgexCatalog.parse(json("""
                {"global": {}, "coinList": [], "contractList": []}"""), "USDC", NOW), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void envelopeRefusalIsRejectedWithCodeAndMsg() {
        VenueException e = catchThrowableOfType(() -> Wire.data("/p", """
                {"code": "INVALID_CONTRACT_ID", "data": null, "msg": "invalid contractId:100000001",
                 "errorParam": {"contractId": "100000001"}}"""), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.venueCode()).contains("INVALID_CONTRACT_ID");
        assertThat(e.getMessage()).contains("invalid contractId:100000001").contains("100000001");
        VenueException r = catchThrowableOfType(() -> Wire.data("/p", "{\"code\": \"TOO_MANY_REQUESTS\", \"msg\": \"slow\"}"),
                VenueException.class);
        assertThat(r.kind()).isEqualTo(VenueErrorKind.RATE_LIMITED);
        assertThat(catchThrowableOfType(() -> Wire.data("/p", "{\"data\": {}}"), VenueException.class).kind())
                .isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(catchThrowableOfType(() -> Wire.data("/p", "{\"code\": \"SUCC"), VenueException.class).kind())
                .isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void fundingRowsBecomeQuotesAtTheForecastPerTheirOwnInterval() {
        Map<String, FundingQuote> q = EdgexMapper.fundingQuotes(json("""
                [{"contractId": "30000001", "fundingTime": "1734595200000", "fundingRate": "-0.00005537",
                  "isSettlement": false, "forecastFundingRate": "-0.00012293", "fundingRateIntervalMin": "240"},
                 {"contractId": "30000002", "fundingRate": "0.0002", "forecastFundingRate": "0.0001"},
                 {"contractId": "99999999", "fundingRate": "0.5", "forecastFundingRate": "0.5"}]"""),
                catalog()::byContractId, NOW);
        assertThat(q).containsOnlyKeys("BTC", "ETH");
        // the next settlement's rate, not the one already fixed at fundingTime
        assertThat(q.get("BTC").rate()).isEqualByComparingTo("-0.00012293");
        assertThat(q.get("BTC").interval()).isEqualTo(Duration.ofHours(4));
        assertThat(q.get("ETH").interval()).isEqualTo(Duration.ofHours(1)); // from metadata
        assertThat(catchThrowableOfType(() -> EdgexMapper.fundingQuotes(json("[{\"contractId\": \"30000001\"}]"),
                catalog()::byContractId, NOW), VenueException.class).kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    static final String ASSET = """
            {"account": {"id": "543429922991899150"},
             "collateralList": [{"coinId": "1000", "amount": "-81.9432"}],
             "positionList": [
               {"contractId": "30000001", "openSize": "-0.001", "openValue": "-97.7344", "openFee": "-0.05", "fundingFee": "0"},
               {"contractId": "30000002", "openSize": "0", "openValue": "0"},
               {"contractId": "30000003", "openSize": "2.5", "openValue": "250"}],
             "positionAssetList": [
               {"contractId": "30000001", "positionValue": "-97.5000", "avgEntryPrice": "97734.4",
                "liquidatePrice": "0", "unrealizePnl": "0.2344"}],
             "collateralAssetModelList": [
               {"coinId": "1000", "totalEquity": "15.7912", "availableAmount": "13.8366"}]}
            """;

    @Test
    void accountHasSignedSizesEntryPnlAndNoFakeLiquidationPrice() {
        AccountState a = EdgexMapper.account(json(ASSET), "1000", catalog()::byContractId, NOW);
        assertThat(a.equity()).isEqualByComparingTo("15.7912");
        assertThat(a.availableBalance()).isEqualByComparingTo("13.8366");
        assertThat(a.positions()).hasSize(2); // the flat ETH row is dropped
        Position btc = a.position("BTC").orElseThrow();
        assertThat(btc.signedSize()).isEqualByComparingTo("-0.001");
        assertThat(btc.entryPrice()).isEqualByComparingTo("97734.4");
        assertThat(btc.unrealizedPnl()).isEqualByComparingTo("0.2344");
        assertThat(btc.liquidationPrice()).isNull();
        Position old = a.position("OLD").orElseThrow(); // on an untradable contract: still reported
        assertThat(old.entryPrice()).isEqualByComparingTo("100"); // openValue / openSize
        assertThat(old.unrealizedPnl()).isNull();
    }

    @Test
    void accountThatCannotBeReadIsMalformedNeverEmpty() {
        String noEquity = ASSET.replace("\"totalEquity\": \"15.7912\", ", "");
        assertThat(catchThrowableOfType(() -> EdgexMapper.account(json(noEquity), "1000", catalog()::byContractId, NOW),
                VenueException.class).kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        String noPositions = ASSET.replace("\"positionList\"", "\"positionListX\"");
        assertThat(catchThrowableOfType(() -> EdgexMapper.account(json(noPositions), "1000", catalog()::byContractId, NOW),
                VenueException.class).kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        String badSize = ASSET.replace("\"-0.001\"", "\"abc\"");
        assertThat(catchThrowableOfType(() -> EdgexMapper.account(json(badSize), "1000", catalog()::byContractId, NOW),
                VenueException.class).kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(catchThrowableOfType(() -> EdgexMapper.account(json(ASSET), "1001", catalog()::byContractId, NOW),
                VenueException.class).kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        String unknown = ASSET.replace("\"30000003\", \"openSize\"", "\"30000009\", \"openSize\"");
        assertThat(catchThrowableOfType(() -> EdgexMapper.account(json(unknown), "1000", catalog()::byContractId, NOW),
                EdgexMapper.UnknownContract.class)).isNotNull();
    }

    @Test
    void openOrdersShowRemainingSizeAndOnlyOurClientIds() {
        List<OpenOrder> o = EdgexMapper.openOrders(json("""
                [{"id": "564814927928230158", "contractId": "30000001", "side": "SELL", "price": "98000.0",
                  "size": "0.010", "cumFillSize": "0.004", "clientOrderId": "42", "reduceOnly": true, "status": "OPEN"},
                 {"id": "2", "contractId": "30000002", "side": "BUY", "price": "3000", "size": "1",
                  "clientOrderId": "1734597508246123456", "reduceOnly": false}]"""), catalog()::byContractId);
        assertThat(o.get(0).remainingSize()).isEqualByComparingTo("0.006");
        assertThat(o.get(0).clientOrderId()).isEqualTo(42);
        assertThat(o.get(0).reduceOnly()).isTrue();
        assertThat(o.get(1).clientOrderId()).isZero();
    }

    @Test
    void fundingPaymentsAreSignedForTheAccountAndAWrongSignStops() {
        List<FundingPayment> p = EdgexMapper.fundingPayments(json("""
                [{"type": "SETTLE_FUNDING_FEE", "contractId": "30000001", "fundingTime": "1735704000000",
                  "fundingRate": "0.0001", "fundingPositionSize": "0.5", "deltaFundingFee": "-4.87"},
                 {"type": "SETTLE_FUNDING_FEE", "contractId": "30000001", "fundingTime": "1735718400000",
                  "fundingRate": "0.0001", "fundingPositionSize": "-0.5", "deltaFundingFee": "4.87"},
                 {"type": "BUY_POSITION", "contractId": "30000001"}]"""), catalog()::byContractId);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).amount()).isEqualByComparingTo("-4.87");
        assertThat(p.get(0).settledAt()).isEqualTo(Instant.ofEpochMilli(1735704000000L));
        assertThat(p.get(1).amount()).isEqualByComparingTo("4.87");
        VenueException e = catchThrowableOfType(() -> EdgexMapper.fundingPayments(json("""
                [{"type": "SETTLE_FUNDING_FEE", "contractId": "30000001", "fundingTime": "1735704000000",
                  "fundingRate": "0.0001", "fundingPositionSize": "0.5", "deltaFundingFee": "4.87"}]"""),
                catalog()::byContractId), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("wrong sign");
    }

    @Test
    void depthLevelsAsObjectsOrPairs() {
        EdgexMapper.Depth d = EdgexMapper.depth(json("""
                {"startVersion": "1234", "endVersion": "1240", "level": 15, "contractId": "30000001",
                 "depthType": "Changed", "asks": [["97450.1", "0"]], "bids": [{"price": "97449.9", "size": "1.2"}]}"""));
        assertThat(d.snapshot()).isFalse();
        assertThat(d.startVersion()).isEqualTo(1234);
        assertThat(d.asks().get(0).size()).isZero();
        assertThat(d.bids().get(0).price()).isEqualByComparingTo("97449.9");
        assertThat(catchThrowableOfType(() -> EdgexMapper.depth(json("""
                {"contractId": "1", "depthType": "WEIRD", "asks": [], "bids": []}""")), VenueException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> EdgexMapper.depth(json("""
                {"contractId": "1", "depthType": "SNAPSHOT", "asks": [{"price": "-1", "size": "1"}]}""")),
                VenueException.class)).isNotNull();
    }

    @Test
    void settledFundingRowsAreFractionsPerTheirIntervalNewestFirstForecastsSkipped() {
        EdgexMarket btc = catalog().bySymbol("BTC").orElseThrow();
        List<FundingQuote> rows = EdgexMapper.settledFunding(json("""
                [{"contractId": "30000001", "fundingTime": "1764000000000", "fundingRate": "0.0001",
                  "fundingRateIntervalMin": "240", "isSettlement": true},
                 {"contractId": "30000001", "fundingTime": "1764014400000", "fundingRate": "-0.0002",
                  "fundingRateIntervalMin": "240", "isSettlement": true},
                 {"contractId": "30000001", "fundingTime": "1764028800000", "fundingRate": "0.5",
                  "fundingRateIntervalMin": "240", "isSettlement": false}]"""), btc);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).rate()).isEqualByComparingTo("-0.0002");
        assertThat(rows.get(0).observedAt()).isEqualTo(Instant.ofEpochMilli(1764014400000L));
        assertThat(rows.get(1).aprPercent()).isEqualByComparingTo("21.9"); // 0.0001 × 6 × 365 × 100
    }
}
