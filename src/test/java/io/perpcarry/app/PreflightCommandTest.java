package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.testing.RewritingProxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** preflight against the emulators over loopback: all PASS on the demo venues, a FAIL naming the check otherwise. */
class PreflightCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalExchanges ex;

    @BeforeAll
    static void start() {
        ex = EmulatorCli.start(1.0);
    }

    @AfterAll
    static void stop() {
        ex.close();
    }

    @Test
    void everyCheckPassesOnTheEmulatorsAndNothingIsSent() throws Exception {
        ex.requests().clear();
        EmulatorCli.Result r = EmulatorCli.run(new PreflightCommand(EmulatorCli.opener(ex)), "--json");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("passed").asBoolean()).isTrue();
        List<String> names = StreamSupport.stream(j.get("checks").spliterator(), false).map(c -> c.get("name").asText()).toList();
        assertThat(names).contains("lighter.markets", "edgex.markets", "markets.common", "lighter.grid.BTC", "edgex.grid.BTC",
                "lighter.fees.BTC", "edgex.funding.BTC", "lighter.account", "edgex.account", "lighter.positions",
                "edgex.orders", "lighter.clock", "edgex.clock", "lighter.stream", "edgex.stream", "lighter.open.BTC",
                "edgex.open.BTC", "lighter.rate", "edgex.rate");
        for (LoggedRequest q : ex.requests().list()) {
            assertThat(q.txType()).as("no transaction: " + q).isNull();
            assertThat(q.path()).as("no order: " + q).doesNotContain("createOrder", "cancel", "updateLeverage");
        }
        EmulatorCli.Result text = EmulatorCli.run(new PreflightCommand(EmulatorCli.opener(ex)));
        assertThat(text.out()).contains("PREFLIGHT PASS", "lighter.funding.BTC", "per 8 h", "% APR");
        EmulatorCli.secrets(ex).forEach(s -> assertThat(r.all() + text.all()).doesNotContain(s));
    }

    @Test
    void aLighterMarketReportingOtherDecimalsThanItTradesOnFailsNamingTheCheck() throws Exception {
        // BTC trades at price decimals 1 (config/demo/scenario.json); the proxy reports 0, so book prices leave the grid.
        try (RewritingProxy proxy = new RewritingProxy(ex.lighter().baseUrl(), "/api/v1/orderBookDetails",
                body -> body.replaceFirst("(\"symbol\":\"BTC\"[^}]*?\"price_decimals\":)1", "$10"))) {
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "live");
            vars.put("LIGHTER_BASE_URL", proxy.baseUrl());
            SessionOpener viaProxy = file -> VenueSession.open(BotConfigLoader.load(Path.of("config/bot.json")),
                    RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env"))));
            EmulatorCli.Result r = EmulatorCli.run(new PreflightCommand(viaProxy));
            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).contains("PREFLIGHT FAIL").containsPattern("lighter\\.grid\\.BTC\\s+FAIL\\s+price \\S+ is not on tick 1");
        }
    }

    @Test
    void anEdgexContractClosedToOpeningFailsNamingIt() throws Exception {
        // The emulator's BTCUSDC as the venue publishes a contract closed to new positions (enableOpenPosition false;
        // the flag's place in the metadata: captures/edgex/GET_api_v2_public_meta_getMetaData.json).
        try (RewritingProxy proxy = new RewritingProxy(ex.edgex().baseUrl(), "/api/v2/public/meta/getMetaData",
                body -> body.replaceFirst("(?s)(\"contractName\":\"BTCUSDC\".*?\"enableOpenPosition\":)true", "$1false"))) {
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "live");
            vars.put("EDGEX_BASE_URL", proxy.baseUrl());
            SessionOpener viaProxy = file -> VenueSession.open(BotConfigLoader.load(Path.of("config/bot.json")),
                    RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env"))));
            EmulatorCli.Result r = EmulatorCli.run(new PreflightCommand(viaProxy), "--json");
            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            JsonNode j = MAPPER.readTree(r.out());
            List<String> failed = StreamSupport.stream(j.get("checks").spliterator(), false)
                    .filter(c -> "FAIL".equals(c.get("status").asText())).map(c -> c.get("name").asText() + ": " + c.get("observed").asText())
                    .toList();
            assertThat(failed).containsExactly("edgex.open.BTC: BTC (30000001) closed to new positions (enableOpenPosition false)"
                    + ": the bot cannot open it");
        }
    }

    @Test
    void anEdgexClockOffByAMinuteFailsTheClockRowNamingTheVenueAndItsSignedReads() throws Exception {
        ex.faults().add(io.perpcarry.emulator.Fault.clockSkew(io.perpcarry.emulator.VenueId.EDGEX, 60_000));
        try {
            EmulatorCli.Result r = EmulatorCli.run(new PreflightCommand(EmulatorCli.opener(ex)), "--json");
            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            Map<String, JsonNode> byName = new HashMap<>();
            MAPPER.readTree(r.out()).get("checks").forEach(c -> byName.put(c.get("name").asText(), c));
            assertThat(byName.get("edgex.clock").get("status").asText()).isEqualTo("FAIL");
            assertThat(byName.get("edgex.clock").get("observed").asText()).matches("venue clock \\+\\d+ ms from ours");
            long ms = Long.parseLong(byName.get("edgex.clock").get("observed").asText().replaceAll("\\D", ""));
            assertThat(ms).as("a minute ahead, give or take the round trip").isBetween(57_000L, 63_000L);
            assertThat(byName.get("lighter.clock").get("status").asText()).isEqualTo("PASS");
            // EdgeX refuses signed reads outside its 30 s window: the row says so
            assertThat(byName.get("edgex.account").get("status").asText()).isEqualTo("FAIL");
            assertThat(byName.get("edgex.account").get("observed").asText()).contains("timestamp");
        } finally {
            ex.faults().clear();
        }
    }

    @Test
    void theRequestBudgetRowsSayWhatOneScanCosts() throws Exception {
        EmulatorCli.Result r = EmulatorCli.run(new PreflightCommand(EmulatorCli.opener(ex)));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).containsPattern("lighter\\.rate\\s+PASS\\s+one scan \\d+ requests = \\d+ units; every \\d+ ")
                .containsPattern("edgex\\.rate\\s+PASS\\s+one scan \\d+ requests = \\d+ units;.*budget unverified");
    }

    @Test
    void aVenueThatCannotBeReachedFailsItsChecksAndTheCommandExitsOne() {
        Map<String, String> vars = new HashMap<>(ex.environment());
        vars.put("PERPCARRY_MODE", "live");
        vars.put("EDGEX_BASE_URL", "http://127.0.0.1:1");
        SessionOpener down = file -> VenueSession.open(BotConfigLoader.load(Path.of("config/bot.json")),
                RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env"))));
        EmulatorCli.Result r = EmulatorCli.run(new PreflightCommand(down), "--wait-seconds", "2");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).containsPattern("edgex\\.markets\\s+FAIL").containsPattern("markets\\.common\\s+FAIL");
    }
}
