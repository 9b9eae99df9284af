package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon holds a HYPE hedge on both emulators; a BTC position no order of the bot accounts for appears on EdgeX
 * (a manual trade by a second client). The risk guard names it (journaled stray_position: venue, symbol, side,
 * size), never trades it, and the HYPE hedge keeps its protection (a price shock still closes it). Positions
 * beside a hedge are read at most once per check_interval_seconds: 5 here.
 */
class DaemonStrayBesideHedgeTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "wait_between_cycles_minutes": 600,
             "min_volume_usd": 0, "stop_loss_percent": 1, "check_interval_seconds": 5}
            """;

    @TempDir
    Path data;
    @TempDir
    Path scenarioDir;

    @Test
    void aManualBtcTradeBesideTheHeldHypeHedgeIsNamedAndTheHedgeStaysProtected() throws Exception {
        Path scenario = withBtc(scenarioDir.resolve("scenario.json"));
        try (LocalExchanges ex = EmulatedDaemon.exchanges(scenario, 7L, 600);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, CONFIG, data)) {
            daemon.start();
            daemon.awaitHolding(Duration.ofSeconds(90));
            Map<Venue, BigDecimal> hype = daemon.sizes("HYPE");

            try (VenueSession manual = VenueSession.open(daemon.config(), daemon.environment())) {
                manual.venue(Venue.EDGEX).placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.01"),
                        new BigDecimal("61000"), OrderType.LIMIT_IOC, false, 4242));
            }
            EmulatedDaemon.awaitTrue(Duration.ofSeconds(20), "the manual BTC trade filled",
                    () -> daemon.sizes("BTC").get(Venue.EDGEX).signum() > 0);
            EmulatedDaemon.awaitTrue(Duration.ofSeconds(60), "stray_position journaled",
                    () -> !daemon.journal("stray_position").isEmpty());

            JournalEntry stray = daemon.journal("stray_position").get(0);
            assertThat(stray.text("venue")).hasValue("edgex");
            assertThat(stray.text("symbol")).hasValue("BTC");
            assertThat(stray.text("side")).hasValue("long");
            assertThat(new BigDecimal(stray.text("size").orElseThrow())).isEqualByComparingTo("0.01");
            assertThat(daemon.state().orElseThrow().state()).isEqualTo("HOLDING");
            assertThat(daemon.sizes("HYPE")).isEqualTo(hype);
            assertThat(daemon.journal("order_sent")).as("the bot never trades a position it does not own")
                    .noneMatch(e -> e.text("symbol").orElse("").equals("BTC"));

            ex.engine().shock("HYPE", new BigDecimal("-5")); // the EdgeX HYPE long loses 5 % > 1 %
            daemon.await(Duration.ofSeconds(60), s -> "WAITING".equals(s.state()));
            assertThat(daemon.journal("stop_loss")).as("the hedge is still protected").isNotEmpty();
            assertThat(daemon.sizes("HYPE").values()).allSatisfy(v -> assertThat(v).isZero());
            assertThat(daemon.sizes("BTC").get(Venue.EDGEX)).as("left to a person").isEqualByComparingTo("0.01");
        }
    }

    /** The daemon scenario with a BTC market beside HYPE (no funding spread: never a candidate). */
    private static Path withBtc(Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = (ObjectNode) json.readTree(EmulatedDaemon.FLAT_HYPE.toFile());
        ArrayNode markets = (ArrayNode) s.get("markets");
        ObjectNode btc = markets.get(0).deepCopy();
        btc.put("symbol", "BTC").put("startPrice", "60000");
        ((ObjectNode) btc.get("book")).put("sizePerLevel", "2");
        ObjectNode l = (ObjectNode) btc.get("lighter");
        l.put("marketId", 1).put("sizeDecimals", 5).put("priceDecimals", 1).put("minBaseAmount", "0.0002");
        ((ObjectNode) l.get("funding")).put("rate", "0");
        ObjectNode e = (ObjectNode) btc.get("edgex");
        e.put("contractId", "10000001").put("contractName", "BTCUSDC").put("tickSize", "0.1").put("stepSize", "0.001")
                .put("minOrderSize", "0.001").put("maxOrderSize", "100");
        ((ObjectNode) e.get("funding")).put("rate", "0");
        markets.add(btc);
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(s));
        return out;
    }

}
