package io.perpcarry.emulator;

import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.emulator.edgex.EdgexAccount;
import io.perpcarry.emulator.edgex.EdgexEmulator;
import io.perpcarry.emulator.edgex.EdgexEmulatorOptions;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.lighter.LighterApiKey;
import io.perpcarry.emulator.lighter.LighterEmulator;
import io.perpcarry.emulator.scenario.EdgexAccountSpec;
import io.perpcarry.emulator.scenario.LighterAccountSpec;
import io.perpcarry.emulator.scenario.Scenario;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both exchange emulators on loopback over one market engine: what {@code bin/perpcarry emulator} and the
 * demo run. The scenario's own accounts get fresh demo keys at every start (no key is ever stored in a
 * file); accounts given on the command line are added with their own public keys.
 */
public final class LocalExchanges implements AutoCloseable {
    public static final BigDecimal DEFAULT_COLLATERAL = new BigDecimal("10000");

    /** What to start. Null {@code seed}/{@code timeScale} keep the scenario's. */
    public record Options(Path scenarioFile, int lighterPort, int edgexPort, Long seed, Double timeScale,
                          List<LighterApiKey> extraLighterKeys, List<EdgexAccount> extraEdgexAccounts) {
        public static Options demo() {
            return new Options(ScenarioLoader.DEMO_PATH, 0, 0, null, null, List.of(), List.of());
        }
    }

    /** A demo account's credentials, in the form the bot's environment variables take. */
    public record DemoCredentials(long lighterAccountIndex, int lighterApiKeyIndex, String lighterPrivateKeyHex,
                                  long edgexAccountId, String edgexApiKey, String edgexPassphrase,
                                  String edgexSecret, String edgexTradingKeyHex) {
        @Override
        public String toString() {
            return "DemoCredentials[lighterAccount=" + lighterAccountIndex + ", edgexAccount=" + edgexAccountId + ", keys=***]";
        }
    }

    private final Scenario scenario;
    private final Clock scenarioClock;
    private final MarketEngine engine;
    private final FaultPlan faults;
    private final RequestLog requests;
    private final LighterEmulator lighter;
    private final EdgexEmulator edgex;
    private final DemoCredentials demo;

    private LocalExchanges(Scenario scenario, Clock scenarioClock, MarketEngine engine, FaultPlan faults, RequestLog requests,
                           LighterEmulator lighter, EdgexEmulator edgex, DemoCredentials demo) {
        this.scenario = scenario;
        this.scenarioClock = scenarioClock;
        this.engine = engine;
        this.faults = faults;
        this.requests = requests;
        this.lighter = lighter;
        this.edgex = edgex;
        this.demo = demo;
    }

    /**
     * Starts both emulators. {@code wall} is what signatures' deadlines and request timestamps are checked
     * against (clients sign with their own wall clock); the market runs on the scenario clock, faster than
     * the wall clock by the time scale.
     */
    public static LocalExchanges start(Options o, Clock wall) {
        Scenario base = ScenarioLoader.load(o.scenarioFile());
        SecureRandom rng = new SecureRandom();
        if (base.lighterAccounts().isEmpty() || base.edgexAccounts().isEmpty()) {
            throw new IllegalArgumentException(o.scenarioFile() + ": the scenario needs at least one Lighter and one EdgeX account");
        }
        List<LighterAccountSpec> lighterAccounts = new ArrayList<>();
        List<LighterApiKey> lighterKeys = new ArrayList<>();
        LighterPrivateKey demoLighterKey = null;
        for (LighterAccountSpec a : base.lighterAccounts()) {
            LighterPrivateKey key = LighterPrivateKey.generate(rng);
            demoLighterKey = demoLighterKey == null ? key : demoLighterKey;
            lighterAccounts.add(new LighterAccountSpec(a.accountIndex(), a.l1Address(), a.apiKeyIndex(), key.publicKeyHex(), a.collateral()));
            lighterKeys.add(new LighterApiKey(a.accountIndex(), a.apiKeyIndex(), key.publicKeyHex()));
        }
        for (LighterApiKey k : o.extraLighterKeys()) {
            lighterAccounts.add(new LighterAccountSpec(k.accountIndex(), l1AddressFor(k.accountIndex()), k.apiKeyIndex(),
                    k.publicKeyHex(), DEFAULT_COLLATERAL));
            lighterKeys.add(k);
        }
        List<EdgexAccountSpec> edgexAccounts = new ArrayList<>();
        List<EdgexAccount> edgexLogins = new ArrayList<>();
        String demoTradingKey = null;
        for (EdgexAccountSpec a : base.edgexAccounts()) {
            String tradingKey = randomSecp256k1Key(rng);
            demoTradingKey = demoTradingKey == null ? tradingKey : demoTradingKey;
            String address = EdgexOrderSigner.fromHex(tradingKey).address().toString();
            edgexAccounts.add(new EdgexAccountSpec(a.accountId(), address, a.apiKey(), a.passphrase(), a.secret(), a.collateral()));
            edgexLogins.add(EdgexAccount.of(a.accountId(), address, a.apiKey(), a.passphrase(), a.secret()));
        }
        for (EdgexAccount a : o.extraEdgexAccounts()) {
            edgexAccounts.add(new EdgexAccountSpec(a.accountId(), a.tradingAddress().toString(), a.credentials().apiKey(),
                    a.credentials().passphrase(), a.credentials().apiSecret(), DEFAULT_COLLATERAL));
            edgexLogins.add(a);
        }
        Scenario scenario = new Scenario(o.seed() == null ? base.seed() : o.seed(),
                o.timeScale() == null ? base.timeScale() : o.timeScale(), base.step(), base.fundingTick(),
                base.fundingHistory(), base.markets(), lighterAccounts, edgexAccounts, base.faults());
        // one origin for both clocks: another process rebuilds this market clock from startTime alone ("the market
        // showed startTime when the wall did"); microseconds between two readings are minutes of a x1200 market
        Instant origin = wall.instant();
        Clock scenarioClock = scenario.timeScale() == 1.0 ? wall : new ScaledClock(wall, origin, origin, scenario.timeScale());
        MarketEngine engine = new MarketEngine(scenario, scenarioClock);
        FaultPlan faults = new FaultPlan();
        faults.addAll(scenario.faults());
        RequestLog requests = new RequestLog();
        LighterEmulator lighter = new LighterEmulator(engine, wall, faults, requests, lighterKeys).start(o.lighterPort());
        EdgexEmulator edgex;
        try {
            edgex = new EdgexEmulator(engine, wall, faults, requests, edgexLogins,
                    EdgexEmulatorOptions.defaults().withPort(o.edgexPort())).start();
        } catch (RuntimeException e) {
            lighter.stop();
            throw e;
        }
        EdgexAccountSpec firstEdgex = base.edgexAccounts().get(0);
        LighterAccountSpec firstLighter = base.lighterAccounts().get(0);
        DemoCredentials demo = new DemoCredentials(firstLighter.accountIndex(), firstLighter.apiKeyIndex(), demoLighterKey.toHex(),
                firstEdgex.accountId(), firstEdgex.apiKey(), firstEdgex.passphrase(), firstEdgex.secret(), demoTradingKey);
        return new LocalExchanges(scenario, scenarioClock, engine, faults, requests, lighter, edgex, demo);
    }

    /** The variables that point the bot at these emulators as its venues, with the first demo accounts. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LIGHTER_BASE_URL", lighter.baseUrl());
        env.put("LIGHTER_WS_URL", lighter.wsUrl());
        env.put("LIGHTER_CHAIN_ID", Long.toString(lighter.chainId()));
        env.put("LIGHTER_API_KEY_PRIVATE_KEY", demo.lighterPrivateKeyHex());
        env.put("LIGHTER_ACCOUNT_INDEX", Long.toString(demo.lighterAccountIndex()));
        env.put("LIGHTER_API_KEY_INDEX", Integer.toString(demo.lighterApiKeyIndex()));
        env.put("EDGEX_BASE_URL", edgex.baseUrl());
        env.put("EDGEX_WS_URL", edgex.wsUrl());
        env.put("EDGEX_ACCOUNT_ID", Long.toString(demo.edgexAccountId()));
        env.put("EDGEX_API_KEY", demo.edgexApiKey());
        env.put("EDGEX_API_PASSPHRASE", demo.edgexPassphrase());
        env.put("EDGEX_API_SECRET", demo.edgexSecret());
        env.put("EDGEX_TRADING_PRIVATE_KEY", demo.edgexTradingKeyHex());
        return env;
    }

    public DemoCredentials demoCredentials() {
        return demo;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The market's clock: faster than the wall clock by the scenario's time scale. */
    public Clock scenarioClock() {
        return scenarioClock;
    }

    public MarketEngine engine() {
        return engine;
    }

    public FaultPlan faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    public LighterEmulator lighter() {
        return lighter;
    }

    public EdgexEmulator edgex() {
        return edgex;
    }

    @Override
    public void close() {
        try {
            edgex.stop();
        } finally {
            lighter.stop();
        }
    }

    private static String randomSecp256k1Key(SecureRandom rng) {
        byte[] b = new byte[32];
        while (true) {
            rng.nextBytes(b);
            String hex = HexFormat.of().formatHex(b);
            try {
                EdgexOrderSigner.fromHex(hex);
                return hex;
            } catch (RuntimeException outOfRange) {
                // zero or >= n: astronomically rare; draw again
            }
        }
    }

    private static String l1AddressFor(long accountIndex) {
        return String.format("0x%040x", accountIndex);
    }
}
