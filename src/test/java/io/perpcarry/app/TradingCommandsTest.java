package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.config.BotConfig;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The trading commands against both exchange emulators over loopback HTTP/WebSocket, faults included. */
class TradingCommandsTest {
    static LocalExchanges ex;
    static RuntimeEnvironment env;
    static final BotConfig CONFIG = BotConfig.defaults();
    static final SessionFactory SESSIONS = f -> VenueSession.open(CONFIG, env);

    @TempDir
    Path data;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void start() {
        ex = LocalExchanges.start(LocalExchanges.Options.demo(), Clock.systemUTC());
        Map<String, String> vars = new HashMap<>(ex.environment());
        vars.put("PERPCARRY_MODE", "live");
        env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
    }

    @AfterAll
    static void stop() {
        ex.close();
    }

    @AfterEach
    void flattenBetweenTests() {
        ex.faults().clear();
        Run r = run(new EmergencyCloseCommand(SESSIONS), "--yes");
        assertThat(r.exit()).as(r.all()).isZero();
    }

    Run run(TradingCommand cmd, String... args) {
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", data.toString())).toArray(String[]::new);
        Run r = new Run(cl.execute(full), out.toString(), err.toString());
        LocalExchanges.DemoCredentials c = ex.demoCredentials();
        for (String secret : List.of(c.lighterPrivateKeyHex(), c.edgexSecret(), c.edgexPassphrase(), c.edgexApiKey(),
                c.edgexTradingKeyHex())) {
            assertThat(r.all()).as("no secret printed").doesNotContainIgnoringCase(secret);
        }
        return r;
    }

    static Optional<Position> position(VenueId venue, String symbol) {
        try (VenueSession s = VenueSession.open(CONFIG, env)) {
            return (venue == VenueId.LIGHTER ? s.lighter() : s.edgex()).account().position(symbol);
        }
    }

    static BigDecimal signed(VenueId venue, String symbol) {
        return position(venue, symbol).map(Position::signedSize).orElse(BigDecimal.ZERO);
    }

    /** Lighter refuses a client order index ever used by the account (issue 10): one per lone order. */
    private static final java.util.concurrent.atomic.AtomicLong LONE_ORDER_ID = new java.util.concurrent.atomic.AtomicLong(900_001);

    /** A lone Lighter long, bypassing the commands: what a crashed bot or a person could leave behind. */
    static void lighterLongAlone(String symbol, String size) {
        try (VenueSession s = VenueSession.open(CONFIG, env)) {
            BigDecimal ask = s.lighter().orderBook(symbol, 5).bestAsk();
            s.lighter().placeOrder(new OrderRequest(symbol, OrderSide.BUY, new BigDecimal(size),
                    ask.multiply(new BigDecimal("1.01")).setScale(1, RoundingMode.UP), OrderType.LIMIT_IOC, false,
                    LONE_ORDER_ID.getAndIncrement()));
        }
    }

    static boolean isWrite(LoggedRequest r) {
        return r.txType() != null || r.method().equalsIgnoreCase("POST");
    }

    @Test
    void openBtcBySizeQuoteLeavesOneEqualAndOppositePairAndCloseFlattensIt() {
        Run r = run(new OpenCommand(SESSIONS), "BTC", "--size-quote", "200", "--cross-ticks", "2000", "--yes");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("long").contains("short").contains("notional").contains("OPEN: BTC");
        BigDecimal l = signed(VenueId.LIGHTER, "BTC");
        BigDecimal e = signed(VenueId.EDGEX, "BTC");
        assertThat(l.signum()).isNotZero();
        assertThat(l.add(e)).isEqualByComparingTo("0");
        assertThat(l.abs().multiply(new BigDecimal("100000"))).isLessThan(new BigDecimal("50000000")); // sane size
        assertThat(data.resolve("journal.jsonl")).content().contains("order_sent").contains("position_opened");

        Run c = run(new CloseCommand(SESSIONS), "BTC", "--yes");
        assertThat(c.exit()).as(c.all()).isZero();
        assertThat(c.out()).contains("FLAT: BTC verified flat");
        assertThat(position(VenueId.LIGHTER, "BTC")).isEmpty();
        assertThat(position(VenueId.EDGEX, "BTC")).isEmpty();
        assertThat(data.resolve("journal.jsonl")).content().contains("position_closed");
    }

    @Test
    void unknownSymbolIsNamedWithTheClosestListedOnesAndNothingIsSent() {
        ex.requests().clear();
        Run r = run(new OpenCommand(SESSIONS), "NOSUCHCOIN", "--size-quote", "200", "--yes");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("NOSUCHCOIN").contains("closest listed:");
        Run typo = run(new OpenCommand(SESSIONS), "BTX", "--size-quote", "200", "--yes");
        assertThat(typo.err()).contains("closest listed: BTC");
        assertThat(ex.requests().list()).noneMatch(TradingCommandsTest::isWrite);
    }

    @Test
    void sizeBelowAVenueMinimumNamesTheMinimumAndTheVenue() {
        Run r = run(new OpenCommand(SESSIONS), "BTC", "--size-quote", "1", "--yes");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).containsPattern("(Lighter|EdgeX) min (base size|quote notional) is ");
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsSent() {
        ex.requests().clear();
        Run r = run(new OpenCommand(SESSIONS), "ETH", "--size-quote", "200");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("no --yes");
        assertThat(ex.requests().list()).noneMatch(TradingCommandsTest::isWrite);
    }

    @Test
    void openRefusesWhileTheBotHoldsTheDataDirectory() {
        try (DataDirLock held = DataDirLock.acquire(data)) {
            Run r = run(new OpenCommand(SESSIONS), "BTC", "--size-quote", "200", "--cross-ticks", "2000", "--yes");
            assertThat(r.exit()).isEqualTo(5);
            assertThat(r.err()).contains("bot is running");
        }
    }

    @Test
    void oneLegRefusedTheOtherIsUnwoundNothingLeftNonZeroExit() {
        ex.faults().add(Fault.reject(VenueId.EDGEX, new FaultMatch("/api/v2/private/order/createOrder", null, null,
                null, null), 1, "MARGIN_NOT_ENOUGH", "not enough margin"));
        Run r = run(new OpenCommand(SESSIONS), "SOL", "--size-quote", "200", "--long", "lighter", "--yes");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.all()).contains("NOT OPENED").contains("nothing left in SOL").contains("REJECTED");
        assertThat(position(VenueId.LIGHTER, "SOL")).isEmpty();
        assertThat(position(VenueId.EDGEX, "SOL")).isEmpty();
        assertThat(data.resolve("journal.jsonl")).content().contains("UNWIND");
    }

    @Test
    void emergencyDryRunChangesNothingAndTheRealOneLeavesNoPositionAndNoOrder() {
        Run open = run(new OpenCommand(SESSIONS), "ETH", "--size-quote", "200", "--cross-ticks", "2000", "--yes");
        assertThat(open.exit()).as(open.all()).isZero();
        lighterLongAlone("SOL", "1");
        ex.requests().clear();
        Run dry = run(new EmergencyCloseCommand(SESSIONS), "--dry-run", "--json");
        assertThat(dry.exit()).as(dry.all()).isEqualTo(3);
        assertThat(dry.out()).contains("\"dry_run\" : true").contains("ETH").contains("SOL");
        assertThat(ex.requests().list()).isNotEmpty().noneMatch(TradingCommandsTest::isWrite);
        assertThat(signed(VenueId.LIGHTER, "SOL")).isEqualByComparingTo("1");

        try (DataDirLock bot = DataDirLock.acquire(data)) { // works while the bot holds the lock
            Run real = run(new EmergencyCloseCommand(SESSIONS), "--yes");
            assertThat(real.exit()).as(real.all()).isZero();
            assertThat(real.out()).contains("FLAT: no position and no order");
        }
        try (VenueSession s = VenueSession.open(CONFIG, env)) {
            for (var v : s.venues()) {
                assertThat(v.account().positions()).allMatch(Position::isFlat);
                assertThat(v.openOrders()).isEmpty();
            }
        }
    }

    @Test
    void emergencyCloseWithEdgexDownFlattensLighterAndNamesWhatIsLeft() {
        Run open = run(new OpenCommand(SESSIONS), "BTC", "--size-quote", "200", "--cross-ticks", "2000", "--yes");
        assertThat(open.exit()).as(open.all()).isZero();
        ex.faults().add(Fault.serverError(VenueId.EDGEX, FaultMatch.ANY, Fault.FOREVER, 503));
        Run r = run(new EmergencyCloseCommand(SESSIONS), "--yes");
        assertThat(r.exit()).as(r.all()).isEqualTo(3);
        assertThat(r.err()).contains("NOT FLAT").contains("EdgeX: UNKNOWN");
        ex.faults().clear();
        assertThat(position(VenueId.LIGHTER, "BTC")).isEmpty();
        assertThat(signed(VenueId.EDGEX, "BTC").signum()).isNotZero(); // left, and named; @AfterEach flattens it
    }

    @Test
    void testCommandRoundTripPrintsFillsFeesSlippageAndLegSkew() throws Exception {
        Run r = run(new TestTradeCommand(SESSIONS), "--notional", "50", "--hold-seconds", "0", "--yes", "--json");
        assertThat(r.exit()).as(r.all()).isZero();
        var json = io.perpcarry.state.Json.MAPPER.readTree(r.out());
        assertThat(json.get("flat").asBoolean()).isTrue();
        assertThat(json.get("leg_skew_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(json.get("legs")).hasSize(2);
        for (var leg : json.get("legs")) {
            assertThat(leg.has("fill_price")).isTrue();
            assertThat(leg.has("slippage_bps")).isTrue();
            assertThat(new BigDecimal(leg.get("fees_usd").asText())).isNotNegative(); // Lighter: zero-fee tier
        }
        assertThat(json.get("legs").get(0).get("side").asText()).isNotEqualTo(json.get("legs").get(1).get("side").asText());
    }

    @Test
    void monitorOnceIsGreenWhenFlatRedOnALoneLegAndAutoClosesIt() throws Exception {
        Run green = run(new MonitorCommand(SESSIONS), "--once");
        assertThat(green.exit()).as(green.all()).isZero();
        assertThat(green.out()).contains("[GREEN]").contains("Lighter margin used").doesNotContain("\u001b[");

        lighterLongAlone("ETH", "0.1");
        Run red = run(new MonitorCommand(SESSIONS), "--once", "--color", "always");
        assertThat(red.exit()).as(red.all()).isEqualTo(3);
        assertThat(red.out()).contains("\u001b[31m[RED]").contains("ETH ONE-SIDED").contains("auto-close off");
        assertThat(signed(VenueId.LIGHTER, "ETH")).isEqualByComparingTo("0.1");

        Run yellowMargin = run(new MonitorCommand(SESSIONS), "--once", "--margin-threshold", "0.01", "--no-auto-close");
        assertThat(yellowMargin.out()).contains("[RED] Lighter margin used");

        Run closed = run(new MonitorCommand(SESSIONS), "--once", "--auto-close");
        assertThat(closed.out()).contains("auto-close ETH: FLAT");
        assertThat(position(VenueId.LIGHTER, "ETH")).isEmpty();
        assertThat(Files.readString(data.resolve("monitor.log"))).contains("[RED]").contains("ONE-SIDED")
                .doesNotContain("\u001b[");
    }

    @Test
    void closeWithNothingOpenSaysSoAndExitsZero() {
        Run r = run(new CloseCommand(SESSIONS), "--yes");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("nothing to close");
    }
}
