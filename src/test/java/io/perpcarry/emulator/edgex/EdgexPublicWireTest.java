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
        assertThat(r.data().get("timeMillis").asText()).isEqualTo(Long.toString(venue.marketClock.millis()));
        assertThat(r.json().get("msg").isNull()).isTrue();
    }

    @Test
    void metadataCarriesWhatTheV2SdkSignsWith() {
        JsonNode d = venue.get("/api/v2/public/meta/getMetaData").data();
        assertThat(d.at("/global/chainId").asText()).isEqualTo("1");
        assertThat(d.at("/global/nativeChainId").asText()).isEqualTo("1");
        assertThat(d.at("/global/contractAddress").asText()).isEqualTo("0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6");
        JsonNode btc = d.get("contractList").get(0);
        assertThat(btc.get("contractId").asText()).isEqualTo("10000001");
        assertThat(btc.get("contractName").asText()).isEqualTo("BTCUSD");
        assertThat(btc.get("tickSize").asText()).isEqualTo("0.1");
        assertThat(btc.get("stepSize").asText()).isEqualTo("0.001");
        assertThat(btc.get("minOrderSize").asText()).isEqualTo("0.001");
        assertThat(btc.get("defaultTakerFeeRate").asText()).isEqualTo("0.0005");
        assertThat(btc.get("defaultMakerFeeRate").asText()).isEqualTo("0.0002");
        assertThat(btc.get("fundingRateIntervalMin").asText()).isEqualTo("240");
        assertThat(btc.get("resolution").asText()).isEqualTo("0x2540be400");
        assertThat(btc.get("displayMaxLeverage").asText()).isEqualTo("10");
        assertThat(btc.get("quoteCoinId").asText()).isEqualTo("1000");
        JsonNode usdt = d.get("coinList").get(0);
        assertThat(usdt.get("coinId").asText()).isEqualTo("1000");
        assertThat(usdt.get("resolution").asText()).isEqualTo("1000000");
    }

    @Test
    void tickerGivesTheOraclePriceAndFundingTimes() {
        JsonNode t = venue.get("/api/v2/public/quote/getTicker?contractId=10000001").data();
        assertThat(t).hasSize(1);
        assertThat(t.get(0).get("oraclePrice").asText()).isEqualTo("100000");
        assertThat(t.get(0).get("fundingRate").asText()).isEqualTo("0.0001");
        long next = t.get(0).get("nextFundingTime").asLong();
        assertThat(next - t.get(0).get("fundingTime").asLong()).isEqualTo(240 * 60_000L);
        assertThat(venue.get("/api/v2/public/quote/getTicker").data()).hasSize(2);
    }

    @Test
    void depthIsOneSnapshotWithOrderedLevels() {
        EdgexTestVenue.Reply r = venue.get("/api/v2/public/quote/getDepth?contractId=10000001&level=15");
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
        EdgexTestVenue.Reply badLevel = venue.get("/api/v2/public/quote/getDepth?contractId=10000001&level=50");
        assertEnvelope(badLevel);
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.code()).isEqualTo("INVALID_PARAMETER");
        EdgexTestVenue.Reply badContract = venue.get("/api/v2/public/quote/getDepth?contractId=100000001&level=15");
        assertEnvelope(badContract);
        assertThat(badContract.code()).isEqualTo("INVALID_CONTRACT_ID");
        assertThat(badContract.json().get("msg").asText()).isEqualTo("invalid contractId:100000001");
        EdgexTestVenue.Reply missing = venue.get("/api/v2/public/quote/nope");
        assertEnvelope(missing);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void fundingLatestAndSettledHistory() {
        JsonNode latest = venue.get("/api/v2/public/funding/getLatestFundingRate?contractId=10000001").data().get(0);
        assertThat(latest.get("isSettlement").asBoolean()).isFalse();
        assertThat(latest.get("fundingRate").asText()).isEqualTo("0.0001");
        assertThat(latest.get("fundingRateIntervalMin").asText()).isEqualTo("240");
        JsonNode page = venue.get("/api/v2/public/funding/getFundingRatePage?contractId=10000001&size=1").data();
        assertThat(page.get("dataList")).hasSize(1);
        assertThat(page.at("/dataList/0/isSettlement").asBoolean()).isTrue();
        String next = page.get("nextPageOffsetData").asText();
        assertThat(next).isNotEmpty();
        JsonNode page2 = venue.get("/api/v2/public/funding/getFundingRatePage?contractId=10000001&size=1&offsetData="
                + next).data();
        assertThat(page2.at("/dataList/0/fundingTime").asLong()).isLessThan(page.at("/dataList/0/fundingTime").asLong());
    }

    @Test
    void v1PublicPrefixAnswersTheSame() {
        assertThat(venue.get("/api/v1/public/meta/getMetaData").data().get("contractList")).hasSize(2);
    }
}
