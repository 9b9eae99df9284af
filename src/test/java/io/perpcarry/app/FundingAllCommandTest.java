package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.emulator.LocalExchanges;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** funding-all against the emulators: APRs equal the venues' raw fields, within the REST budget. */
class FundingAllCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalExchanges ex;

    @BeforeAll
    static void start() {
        ex = EmulatorCli.start(0.001);
    }

    @AfterAll
    static void stop() {
        ex.close();
    }

    @Test
    void jsonAprsEqualTheVenuesRawFieldsWithinEightRequests() throws Exception {
        ex.requests().clear();
        EmulatorCli.Result r = EmulatorCli.run(new FundingAllCommand(EmulatorCli.opener(ex)), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        long requests = ex.requests().list().stream().filter(q -> !q.path().startsWith("/_emulator")).count();
        assertThat(requests).as("REST requests of both venues: %s", ex.requests().list()).isLessThanOrEqualTo(8);

        Map<String, BigDecimal> lighterApr = lighterAprFromRawFields();
        Map<String, BigDecimal> edgexApr = edgexAprFromRawFields();
        JsonNode rows = MAPPER.readTree(r.out());
        assertThat(rows).isNotEmpty();
        int compared = 0;
        for (JsonNode row : rows) {
            String symbol = row.get("symbol").asText();
            if (row.get("lighter_apr_pct").isNull() || row.get("edgex_apr_pct").isNull()) {
                continue;
            }
            assertThat(row.get("lighter_apr_pct").decimalValue()).as(symbol + " Lighter")
                    .isCloseTo(lighterApr.get(symbol), org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
            assertThat(row.get("edgex_apr_pct").decimalValue()).as(symbol + " EdgeX")
                    .isCloseTo(edgexApr.get(symbol), org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
            assertThat(row.get("long_venue").asText()).isIn("lighter", "edgex");
            assertThat(row.has("net_apr_pct")).isTrue();
            compared++;
        }
        assertThat(compared).as("rows with both venues' APR").isGreaterThanOrEqualTo(3);
        assertThat(rows.findValuesAsText("symbol")).contains("PAXG"); // configured, listed nowhere: a row with its reason
    }

    @Test
    void textTableMarksTheBestRowAndNamesTheCosts() {
        EmulatorCli.Result r = EmulatorCli.run(new FundingAllCommand(EmulatorCli.opener(ex)), "--symbols", "btc,ETH,SOL,HYPE");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("SYMBOL", "LIGHTER%", "EDGEX%", "NET%", "BTC", "ETH", "net APR after fees");
        if (!r.out().contains("★ BEST")) {
            assertThat(r.out()).contains("excluded:");
        }
        EmulatorCli.secrets(ex).forEach(s -> assertThat(r.all()).doesNotContain(s));
    }

    @Test
    void unknownSymbolIsNamedWithTheClosestListed() {
        EmulatorCli.Result r = EmulatorCli.run(new FundingAllCommand(EmulatorCli.opener(ex)), "--symbols", "BTX");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'BTX'", "closest listed: BTC");
    }

    private static Map<String, BigDecimal> lighterAprFromRawFields() throws Exception {
        JsonNode root = get(ex.lighter().baseUrl() + "/api/v1/funding-rates");
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode row : root.get("funding_rates")) {
            if (row.get("exchange").asText().equals("lighter")) {
                out.put(row.get("symbol").asText(), row.get("rate").decimalValue()
                        .multiply(BigDecimal.valueOf(3 * 365 * 100)));
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> edgexAprFromRawFields() throws Exception {
        JsonNode meta = get(ex.edgex().baseUrl() + "/api/v2/public/meta/getMetaData").get("data");
        Map<String, String> symbolById = new HashMap<>();
        Map<String, BigDecimal> intervalById = new HashMap<>();
        StringBuilder ids = new StringBuilder();
        for (JsonNode c : meta.get("contractList")) {
            String id = c.get("contractId").asText();
            symbolById.put(id, c.get("contractName").asText().replaceAll("USDC$", "")); // demo names = base coin + USDC
            intervalById.put(id, new BigDecimal(c.get("fundingRateIntervalMin").asText()));
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        JsonNode rates = get(ex.edgex().baseUrl() + "/api/v2/public/funding/getLatestFundingRate?contractId=" + ids).get("data");
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode row : rates) {
            String id = row.get("contractId").asText();
            // the bot ranks on the rate the next settlement charges (docs/reference/edgex.md, "Which funding rate is paid")
            out.put(symbolById.get(id), new BigDecimal(row.get("forecastFundingRate").asText()).multiply(BigDecimal.valueOf(1440))
                    .divide(intervalById.get(id), MathContext.DECIMAL64).multiply(BigDecimal.valueOf(365 * 100)));
        }
        return out;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(resp.body());
    }
}
