package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * funding, status and capacity against the emulators over loopback. One account state for the class: a Lighter
 * BTC long (unhedged) and a resting EdgeX BTC order.
 */
class ReadOnlyCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalExchanges ex;

    @BeforeAll
    static void start() {
        ex = EmulatorCli.start(1.0);
        try (VenueSession s = EmulatorCli.opener(ex).open(null)) {
            BigDecimal ask = s.lighter().orderBook("BTC", 5).bestAsk();
            s.lighter().placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.01"),
                    ask.multiply(new BigDecimal("1.01")).setScale(1, RoundingMode.UP), OrderType.LIMIT_IOC, false, 7));
            BigDecimal bid = s.edgex().orderBook("BTC", 5).bestBid();
            s.edgex().placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.01"),
                    bid.multiply(new BigDecimal("0.98")).setScale(1, RoundingMode.DOWN), OrderType.LIMIT_GTT, false, 8));
        }
    }

    @AfterAll
    static void stop() {
        ex.close();
    }

    @Test
    void fundingShowsBothVenuesNativeAndAprWithSettledHistoryAndDirection() throws Exception {
        EmulatorCli.Result text = EmulatorCli.run(new FundingCommand(EmulatorCli.opener(ex)), "btc");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("BTC funding", "Lighter", "EdgeX", "per 8h", "suggested: short",
                "last settled on Lighter:", "%/h");

        EmulatorCli.Result r = EmulatorCli.run(new FundingCommand(EmulatorCli.opener(ex)), "BTC", "--json", "--settled", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("venues")).hasSize(2);
        for (JsonNode v : j.get("venues")) {
            assertThat(v.get("settled")).as(v.get("venue").asText()).hasSize(3);
            assertThat(v.get("current").get("apr_pct").decimalValue()).isNotNull();
        }
        JsonNode lighter = j.get("venues").get(0);
        JsonNode edgex = j.get("venues").get(1);
        String higher = lighter.get("current").get("hourly_rate").decimalValue()
                .compareTo(edgex.get("current").get("hourly_rate").decimalValue()) > 0 ? "lighter" : "edgex";
        assertThat(j.get("short_venue").asText()).isEqualTo(higher);
    }

    @Test
    void fundingOfAnUnknownSymbolNamesItAndTheClosest() {
        EmulatorCli.Result r = EmulatorCli.run(new FundingCommand(EmulatorCli.opener(ex)), "ETJ");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown symbol 'ETJ'", "closest listed: ETH");
    }

    @Test
    void statusListsEveryPositionAndOrderWithSignedSizes() throws Exception {
        EmulatorCli.Result r = EmulatorCli.run(new StatusCommand(EmulatorCli.opener(ex)), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("complete").asBoolean()).isTrue();
        JsonNode pos = j.get("positions").get(0);
        assertThat(pos.get("venue").asText()).isEqualTo("lighter");
        assertThat(pos.get("symbol").asText()).isEqualTo("BTC");
        assertThat(pos.get("size").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(pos.get("liquidation_distance_pct").isNull() || pos.get("liquidation_distance_pct").decimalValue().signum() > 0).isTrue();
        JsonNode order = j.get("open_orders").get(0);
        assertThat(order.get("venue").asText()).isEqualTo("edgex");
        assertThat(order.get("symbol").asText()).isEqualTo("BTC");
        assertThat(order.get("id").asText()).isNotEmpty();
        assertThat(j.get("hedges").get(0).get("status").asText()).isEqualTo("UNHEDGED");

        EmulatorCli.Result text = EmulatorCli.run(new StatusCommand(EmulatorCli.opener(ex)));
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("POSITIONS", "lighter", "UNHEDGED", "OPEN ORDERS", "funding received");
        EmulatorCli.secrets(ex).forEach(s -> assertThat(r.all() + text.all()).doesNotContain(s));
    }

    @Test
    void statusReportsAVenueThatCannotBeReadAsUnknownAndFails() throws Exception {
        Fault down = ex.faults().add(Fault.of(VenueId.EDGEX, FaultKind.HTTP_5XX, new FaultMatch("/api/v2/private", null, null, null, null),
                Fault.FOREVER));
        try {
            EmulatorCli.Result r = EmulatorCli.run(new StatusCommand(EmulatorCli.opener(ex)), "--json");
            assertThat(r.exit()).isEqualTo(3);
            JsonNode j = MAPPER.readTree(r.out());
            assertThat(j.get("complete").asBoolean()).isFalse();
            JsonNode edgex = j.get("venues").get(1);
            assertThat(edgex.get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(edgex.get("errors").get(0).asText()).contains("account");
            EmulatorCli.Result text = EmulatorCli.run(new StatusCommand(EmulatorCli.opener(ex)));
            assertThat(text.exit()).isEqualTo(3);
            assertThat(text.out()).contains("EdgeX   ", "UNKNOWN", "INCOMPLETE").doesNotContain("none on either venue");
        } finally {
            ex.faults().remove(down.id());
        }
    }

    @Test
    void capacityNamesTheSizeAndTheBindingConstraint() throws Exception {
        EmulatorCli.Result r = EmulatorCli.run(new CapacityCommand(EmulatorCli.opener(ex)), "BTC", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        JsonNode btc = j.get("symbols").get(0);
        assertThat(btc.get("symbol").asText()).isEqualTo("BTC");
        assertThat(btc.get("ok").asBoolean()).isTrue();
        assertThat(btc.get("size").decimalValue().signum()).isPositive();
        assertThat(btc.get("binding_constraint").asText()).isEqualTo("target notional");
        assertThat(j.get("venues").get(0).get("available").decimalValue().signum()).isPositive();

        EmulatorCli.Result big = EmulatorCli.run(new CapacityCommand(EmulatorCli.opener(ex)), "--config",
                writeConfig("{\"notional_per_position\": 10000000, \"leverage\": 1}").toString());
        assertThat(big.exit()).as(big.err()).isZero();
        assertThat(big.out()).contains("available capital", "BTC", "ETH");
    }

    @Test
    void capacityOfAnUnknownSymbolFailsNamingIt() {
        EmulatorCli.Result r = EmulatorCli.run(new CapacityCommand(EmulatorCli.opener(ex)), "SOLL");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'SOLL'", "SOL");
    }

    private static Path writeConfig(String json) throws Exception {
        Path f = java.nio.file.Files.createTempFile("bot", ".json");
        java.nio.file.Files.writeString(f, json);
        f.toFile().deleteOnExit();
        return f;
    }
}
