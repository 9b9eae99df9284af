package io.perpcarry.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.emulator.engine.MarketEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(TestScenarios.START);
    private final MarketEngine engine = TestScenarios.flatEngine(clock);
    private final FaultPlan faults = new FaultPlan();
    private final RequestLog log = new RequestLog();
    private final AdminApi admin = new AdminApi(engine, faults, log);

    @Test
    void setAndShockThePrice() throws Exception {
        admin.setPrice(JSON.readTree("{\"symbol\": \"BTC\", \"price\": \"90000\"}"));
        assertThat(engine.indexPrice("BTC")).isEqualByComparingTo("90000");
        JsonNode out = admin.setPrice(JSON.readTree("{\"symbol\": \"BTC\", \"shockPct\": \"-10\"}"));
        assertThat(out.get("indexPrice").asText()).startsWith("81000");
        assertThatThrownBy(() -> admin.setPrice(JSON.readTree("{\"symbol\": \"DOGE\", \"price\": \"1\"}")))
                .isInstanceOf(AdminRequestException.class).hasMessageContaining("symbol: unknown market DOGE");
        assertThatThrownBy(() -> admin.setPrice(JSON.readTree("{\"symbol\": \"BTC\"}")))
                .hasMessageContaining("exactly one of price and shockPct");
    }

    @Test
    void applyFaultsStoresThemAndFreezesBooks() throws Exception {
        admin.applyFaults(JSON.readTree("""
                {"faults": [{"venue": "LIGHTER", "kind": "HTTP_429", "count": 2},
                            {"venue": "EDGEX", "kind": "FREEZE_BOOK", "match": {"symbol": "BTC"}}]}"""));
        assertThat(faults.list()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FaultKind.HTTP_429));
        assertThat(engine.venue(VenueId.EDGEX).book("BTC", 1).frozen()).isTrue();
        engine.setMid("BTC", java.math.BigDecimal.valueOf(90000));
        assertThat(engine.venue(VenueId.EDGEX).book("BTC", 1).bestBid()).isEqualByComparingTo("99990.0");
        assertThat(engine.venue(VenueId.LIGHTER).book("BTC", 1).bestBid()).isLessThan(java.math.BigDecimal.valueOf(90000));

        admin.freezeBook(JSON.readTree("{\"venue\": \"EDGEX\", \"symbol\": \"BTC\", \"frozen\": false}"));
        assertThat(engine.venue(VenueId.EDGEX).book("BTC", 1).frozen()).isFalse();

        admin.applyFaults(JSON.readTree("{\"replace\": true, \"faults\": [{\"kind\": \"DROP_WEBSOCKET\"}]}"));
        assertThat(faults.list()).extracting(Fault::kind).containsExactly(FaultKind.DROP_WEBSOCKET);
    }

    @Test
    void aClockSkewIsShownWithTheFaultsAndClearedWithThem() throws Exception {
        JsonNode out = admin.applyFaults(JSON.readTree("[{\"kind\": \"CLOCK_SKEW\", \"skewMs\": 5000}]"));
        assertThat(out.get("faults")).isEmpty();
        assertThat(out.at("/clockSkewMs/LIGHTER").asLong()).isEqualTo(5000);
        assertThat(out.at("/clockSkewMs/EDGEX").asLong()).isEqualTo(5000);
        assertThat(admin.state().at("/clockSkewMs/EDGEX").asLong()).isEqualTo(5000);
        assertThat(admin.clearFaults().at("/clockSkewMs/EDGEX").asLong()).isZero();
    }

    @Test
    void invalidFaultBodyAppliesNothing() throws Exception {
        assertThatThrownBy(() -> admin.applyFaults(JSON.readTree(
                "[{\"kind\": \"HTTP_429\"}, {\"kind\": \"DELAY_MS\"}]")))
                .isInstanceOf(AdminRequestException.class).hasMessageContaining("faults[1]");
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void requestsAndStateAreJson() throws Exception {
        log.record(VenueId.LIGHTER, "POST", "/api/v1/sendTx", 14, "BUY", "5");
        JsonNode requests = admin.requests();
        assertThat(requests.get("requests")).hasSize(1);
        assertThat(requests.get("requests").get(0).get("txType").asInt()).isEqualTo(14);

        admin.setFunding(JSON.readTree("{\"venue\": \"EDGEX\", \"symbol\": \"BTC\", \"rate\": \"0.0001\"}"));
        JsonNode state = admin.state();
        assertThat(state.at("/venues/EDGEX/markets/BTC/funding/rate").asText()).startsWith("0.0001");
        assertThat(state.at("/venues/LIGHTER/accounts")).hasSize(2);
        assertThat(state.at("/indexPrices/BTC").asText()).startsWith("100000");
        assertThat(List.of(admin.clearRequests().get("requests").size())).containsExactly(0);
    }
}
