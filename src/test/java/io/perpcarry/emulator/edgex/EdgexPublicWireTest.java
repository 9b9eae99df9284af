package io.perpcarry.emulator.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Public REST over loopback: shapes, string-typed numbers and the envelope (edgex.md §1, §3). */
class EdgexPublicWireTest {
    private static EdgexTestVenue venue;

    @BeforeAll
    static void start() {
        venue = new EdgexTestVenue();
    }

    @AfterAll
    static void stop() {
        venue.close();
    }

    static void assertEnvelope(EdgexTestVenue.Reply r) {
        assertThat(r.json()).as(r.text()).isNotNull();
        assertThat(List.of(r.json().fieldNames().next())).containsExactly("code");
        assertThat(r.json().has("data") && r.json().has("msg") && r.json().has("errorParam")).isTrue();
        assertThat(r.json().get("requestTime").isTextual()).isTrue();
        assertThat(r.json().get("responseTime").isTextual()).isTrue();
        assertThat(r.json().get("traceId").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void serverTimeIsTheMarketClockAsAString() {
        EdgexTestVenue.Reply r = venue.get("/api/v2/public/meta/getServerTime");
        assertEnvelope(r);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("serverTime").asText()).isEqualTo(Long.toString(venue.marketClock.millis()));
        assertThat(r.json().get("msg").isNull()).isTrue();
    }

    @Test
    void metadataCarriesWhatTheV2SdkSignsWith() {
        JsonNode d = venue.get("/api/v2/public/meta/getMetaData").data();
        assertThat(d.at("/global/chainId").asText()).isEqualTo("1");
        assertThat(d.at("/global/nativeChainId").asText()).isEqualTo("1");
        assertThat(d.at("/global/contractAddress").asText()).isEqualTo("0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6");
        JsonNode btc = d.get("contractList").get(0);
        assertThat(btc.get("contractId").asText()).isEqualTo("30000001");
        assertThat(btc.get("contractName").asText()).isEqualTo("BTCUSDC");
        assertThat(btc.get("tickSize").asText()).isEqualTo("0.1");
        assertThat(btc.get("stepSize").asText()).isEqualTo("0.001");
        assertThat(btc.get("minOrderSize").asText()).isEqualTo("0.001");
        assertThat(btc.get("defaultTakerFeeRate").asText()).isEqualTo("0.0005");
        assertThat(btc.get("defaultMakerFeeRate").asText()).isEqualTo("0.0002");
        assertThat(btc.get("fundingRateIntervalMin").asText()).isEqualTo("240");
        assertThat(btc.get("resolution").asText()).isEqualTo("10000000000"); // decimal for contracts (recorded v2)
        assertThat(btc.get("displayMaxLeverage").asText()).isEqualTo("10");
        assertThat(btc.get("quoteCoinId").asText()).isEqualTo("1000");
        JsonNode usdc = d.get("coinList").get(0);
        assertThat(usdc.get("coinId").asText()).isEqualTo("1000");
        assertThat(usdc.get("coinName").asText()).isEqualTo("USDC");
        assertThat(usdc.get("resolution").asText()).isEqualTo("0xf4240"); // hex for coins (recorded v2)
        assertThat(d.get("coinList").get(1).get("coinId").asText()).isEqualTo(btc.get("baseCoinId").asText());
        assertThat(d.get("coinList").get(1).get("coinName").asText()).isEqualTo("BTC");
        assertThat(btc.toString()).doesNotContain("starkEx");
    }

    @Test
    void tickerGivesTheOraclePriceAndFundingTimes() {
        JsonNode t = venue.get("/api/v2/public/quote/getTicker?contractId=30000001").data();
        assertThat(t).hasSize(1);
        assertThat(t.get(0).get("oraclePrice").asText()).isEqualTo("100000");
        assertThat(t.get(0).get("fundingRate").asText()).isEqualTo("0.0001");
        long next = t.get(0).get("nextFundingTime").asLong();
        assertThat(next - t.get(0).get("fundingTime").asLong()).isEqualTo(240 * 60_000L);
        // one contract per call: none or a comma list is SUCCESS with [] (recorded live)
        assertThat(venue.get("/api/v2/public/quote/getTicker").data()).isEmpty();
        assertThat(venue.get("/api/v2/public/quote/getTicker?contractId=30000001,30000015").data()).isEmpty();
    }

    @Test
    void depthIsOneSnapshotWithOrderedLevels() {
        EdgexTestVenue.Reply r = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=15");
        JsonNode d = r.data().get(0);
        assertThat(d.get("level").isInt()).isTrue();
        assertThat(d.get("depthType").asText()).isEqualTo("SNAPSHOT");
        assertThat(d.get("bids")).hasSize(5);
        assertThat(dec(d.at("/bids/0/price"))).isLessThan(dec(d.at("/asks/0/price")));
        assertThat(dec(d.at("/bids/0/price"))).isGreaterThan(dec(d.at("/bids/1/price")));
        assertThat(dec(d.at("/asks/0/price"))).isLessThan(dec(d.at("/asks/1/price")));
        assertThat(d.at("/asks/0/size").isTextual()).isTrue();
    }

    static BigDecimal dec(JsonNode textNumber) {
        assertThat(textNumber.isTextual()).as("numbers are strings: " + textNumber).isTrue();
        return new BigDecimal(textNumber.asText());
    }

    @Test
    void refusalsUseTheEnvelope() {
        EdgexTestVenue.Reply badLevel = venue.get("/api/v2/public/quote/getDepth?contractId=30000001&level=50");
        assertEnvelope(badLevel);
        assertThat(badLevel.status()).isEqualTo(200); // recorded errors.json: a business refusal on HTTP 200
        assertThat(badLevel.code()).isEqualTo("INVALID_DEPTH_LEVEL");
        assertThat(badLevel.json().get("msg").asText()).isEqualTo("depth level only support 15 and 200");
        assertThat(badLevel.json().get("data").isNull()).isTrue();
        assertThat(badLevel.json().get("errorParam").isObject()).isTrue();
        EdgexTestVenue.Reply badContract = venue.get("/api/v2/public/quote/getDepth?contractId=100000001&level=15");
        assertEnvelope(badContract);
        assertThat(badContract.code()).isEqualTo("INVALID_CONTRACT_ID");
        assertThat(badContract.json().get("msg").asText()).isEqualTo("invalid contractId:100000001");
        EdgexTestVenue.Reply missing = venue.get("/api/v2/public/quote/nope");
        assertThat(missing.status()).isEqualTo(404);
        // Spring's page, no envelope (recorded errors.json)
        assertThat(missing.json().get("code")).isNull();
        assertThat(missing.json().get("error").asText()).isEqualTo("Not Found");
        assertThat(missing.json().get("path").asText()).isEqualTo("/api/v2/public/quote/nope");
    }

    @Test
    void fundingLatestAndSettledHistory() {
        JsonNode latest = venue.get("/api/v2/public/funding/getLatestFundingRate?contractId=30000001").data().get(0);
        assertThat(latest.get("isSettlement").asBoolean()).isFalse();
        assertThat(latest.get("fundingRate").asText()).isEqualTo("0.0001");
        assertThat(latest.get("fundingRateIntervalMin").asText()).isEqualTo("240");
        JsonNode page = venue.get("/api/v2/public/funding/getFundingRatePage?contractId=30000001&size=1").data();
        assertThat(page.get("dataList")).hasSize(1);
        assertThat(page.at("/dataList/0/isSettlement").asBoolean()).isTrue();
        String next = page.get("nextPageOffsetData").asText();
        assertThat(next).isNotEmpty();
        JsonNode page2 = venue.get("/api/v2/public/funding/getFundingRatePage?contractId=30000001&size=1&offsetData="
                + next).data();
        assertThat(page2.at("/dataList/0/fundingTime").asLong()).isLessThan(page.at("/dataList/0/fundingTime").asLong());
    }

    @Test
    void v1PublicPrefixAnswersTheSame() {
        assertThat(venue.get("/api/v1/public/meta/getMetaData").data().get("contractList")).hasSize(2);
    }
}
