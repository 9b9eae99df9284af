package io.perpcarry.emulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a scenario JSON file. All problems are collected and reported together, each naming
 * its field as a JSON path; the only defaults are the documented optional top-level timing fields.
 */
public final class ScenarioLoader {
    public static final Path DEMO_PATH = Path.of("config", "demo", "scenario.json");

    static final Duration DEFAULT_STEP = Duration.ofSeconds(1);
    static final Duration DEFAULT_FUNDING_TICK = Duration.ofSeconds(60);
    static final Duration DEFAULT_FUNDING_HISTORY = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern LIGHTER_PUBLIC_KEY = Pattern.compile("[0-9a-fA-F]{80}");
    private static final Pattern RESOLUTION = Pattern.compile("0x[0-9a-fA-F]+|[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");
    private static final BigDecimal MAX_FEE = new BigDecimal("0.01");
    private static final BigDecimal MAX_BASIS_BPS = new BigDecimal("500");
    private static final long MAX_LIGHTER_ACCOUNT_INDEX = (1L << 48) - 2;

    private ScenarioLoader() {
    }

    /** @throws ScenarioException when the file is missing, not JSON, or invalid */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of("scenario file not found: " + file));
        } catch (IOException e) {
            throw new ScenarioException(List.of("cannot read scenario file " + file + ": " + e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** @param source names the text in error messages (a file name) */
    public static Scenario parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ScenarioException(List.of(source + ": malformed JSON" + where + ": " + e.getOriginalMessage()));
        }
        return fromJson(root, source);
    }

    public static Scenario fromJson(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of(source + ": the top level must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        JsonReader r = new JsonReader(root, "", problems);
        r.rejectUnknown(Set.of("seed", "timeScale", "step", "fundingTick", "fundingHistory", "markets", "accounts",
                "faults"));
        Long seed = r.longValue("seed");
        double timeScale = 1.0;
        if (r.has("timeScale")) {
            BigDecimal ts = r.positive("timeScale");
            timeScale = ts == null ? 1.0 : ts.doubleValue();
        }
        Duration step = r.durationOr("step", DEFAULT_STEP);
        if (step != null && (step.toMillis() < 1 || step.compareTo(Duration.ofMinutes(1)) > 0
                || Duration.ofMinutes(1).toNanos() % step.toNanos() != 0)) {
            r.problem("step", "must be between PT0.001S and PT1M and divide one minute evenly, was " + step);
        }
        Duration fundingTick = r.durationOr("fundingTick", DEFAULT_FUNDING_TICK);
        if (fundingTick != null && step != null && (fundingTick.isZero() || fundingTick.toNanos() % step.toNanos() != 0)) {
            r.problem("fundingTick", "must be a positive multiple of step (" + step + "), was " + fundingTick);
        }
        Duration fundingHistory = r.durationOr("fundingHistory", DEFAULT_FUNDING_HISTORY);
        if (fundingHistory != null && fundingHistory.compareTo(Duration.ofDays(30)) > 0) {
            r.problem("fundingHistory", "must be at most 30 days, was " + fundingHistory);
        }

        List<MarketSpec> markets = r.list("markets", false, ScenarioLoader::market);
        if (root.has("markets") && root.get("markets").isArray() && root.get("markets").isEmpty()) {
            r.problem("markets", "must list at least one market");
        }
        checkUnique(markets, problems);

        List<LighterAccountSpec> lighterAccounts = new ArrayList<>();
        List<EdgexAccountSpec> edgexAccounts = new ArrayList<>();
        JsonReader accounts = r.object("accounts");
        if (accounts != null) {
            accounts.rejectUnknown(Set.of("lighter", "edgex"));
            lighterAccounts = accounts.list("lighter", true, ScenarioLoader::lighterAccount);
            edgexAccounts = accounts.list("edgex", true, ScenarioLoader::edgexAccount);
            unique(lighterAccounts.stream().map(a -> (Object) a.accountIndex()).toList(),
                    "accounts.lighter[].accountIndex", problems);
            unique(edgexAccounts.stream().map(a -> (Object) a.accountId()).toList(),
                    "accounts.edgex[].accountId", problems);
        }

        List<Fault> faults = new ArrayList<>();
        JsonNode faultNode = root.get("faults");
        if (faultNode != null && !faultNode.isNull()) {
            faults = FaultJson.parseList(faultNode, "faults", problems);
        }

        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.stream().map(p -> source + ": " + p).toList());
        }
        return new Scenario(seed, timeScale, step, fundingTick, fundingHistory, markets, lighterAccounts,
                edgexAccounts, faults);
    }

    private static MarketSpec market(JsonReader m, int index) {
        m.rejectUnknown(Set.of("symbol", "startPrice", "volatility", "shocks", "book", "volume24h", "openInterest",
                "lighter", "edgex"));
        String symbol = m.string("symbol");
        BigDecimal startPrice = m.positive("startPrice");
        BigDecimal volatility = m.nonNegative("volatility");
        if (volatility != null && volatility.compareTo(BigDecimal.TEN) > 0) {
            m.problem("volatility", "is annualised (0.6 = 60 %/yr); must be at most 10, was " + volatility);
        }
        List<PriceShock> shocks = m.list("shocks", true, (s, i) -> {
            s.rejectUnknown(Set.of("at", "pct"));
            Duration at = s.duration("at");
            BigDecimal pct = s.decimal("pct");
            if (pct != null && pct.compareTo(new BigDecimal("-99")) < 0) {
                s.problem("pct", "must be above -99 (a price cannot reach zero), was " + pct);
                return null;
            }
            return at == null || pct == null ? null : new PriceShock(at, pct);
        });
        BookShape book = book(m.object("book"));
        BigDecimal volume = m.nonNegative("volume24h");
        BigDecimal openInterest = m.nonNegative("openInterest");
        JsonReader l = m.object("lighter");
        LighterMarketSpec lighter = l == null ? null : lighterMarket(l);
        JsonReader e = m.object("edgex");
        EdgexMarketSpec edgex = e == null ? null : edgexMarket(e);
        if (book != null && lighter != null && book.sizePerLevel().compareTo(lighter.stepSize()) < 0) {
            m.problem("book.sizePerLevel", "must be at least the Lighter step " + lighter.stepSize().toPlainString());
        }
        if (book != null && edgex != null && book.sizePerLevel().compareTo(edgex.stepSize()) < 0) {
            m.problem("book.sizePerLevel", "must be at least the EdgeX step " + edgex.stepSize().toPlainString());
        }
        if (symbol == null || startPrice == null || volatility == null || book == null || volume == null
                || openInterest == null || lighter == null || edgex == null) {
            return null;
        }
        return new MarketSpec(symbol, startPrice, volatility, shocks, book, volume, openInterest, lighter, edgex);
    }

    private static BookShape book(JsonReader b) {
        if (b == null) {
            return null;
        }
        b.rejectUnknown(Set.of("levels", "spreadBps", "levelSpacingBps", "sizePerLevel"));
        Integer levels = b.intIn("levels", 1, 250);
        BigDecimal spread = b.positive("spreadBps");
        BigDecimal spacing = b.positive("levelSpacingBps");
        BigDecimal size = b.positive("sizePerLevel");
        return levels == null || spread == null || spacing == null || size == null ? null
                : new BookShape(levels, spread, spacing, size);
    }

    private static LighterMarketSpec lighterMarket(JsonReader l) {
        l.rejectUnknown(Set.of("marketId", "sizeDecimals", "priceDecimals", "minBaseAmount", "minQuoteAmount",
                "takerFee", "makerFee", "initialMarginFraction", "maintenanceMarginFraction", "maxLeverage",
                "basisBps", "funding"));
        Integer marketId = l.intIn("marketId", 0, 254);
        Integer sizeDecimals = l.intIn("sizeDecimals", 0, 8);
        Integer priceDecimals = l.intIn("priceDecimals", 0, 8);
        BigDecimal minBase = l.positive("minBaseAmount");
        BigDecimal minQuote = l.nonNegative("minQuoteAmount");
        BigDecimal taker = fee(l, "takerFee");
        BigDecimal maker = fee(l, "makerFee");
        BigDecimal imf = l.fraction("initialMarginFraction");
        BigDecimal mmf = l.fraction("maintenanceMarginFraction");
        Integer maxLeverage = l.intIn("maxLeverage", 1, 200);
        BigDecimal basis = basis(l);
        FundingPath funding = fundingPath(l.object("funding"));
        if (imf != null && mmf != null && mmf.compareTo(imf) >= 0) {
            l.problem("maintenanceMarginFraction", "must be below initialMarginFraction " + imf.toPlainString());
        }
        if (mmf != null && maxLeverage != null
                && mmf.multiply(BigDecimal.valueOf(maxLeverage)).compareTo(BigDecimal.ONE) >= 0) {
            l.problem("maxLeverage", "at " + maxLeverage + "x the initial margin would not exceed the maintenance "
                    + "fraction " + mmf.toPlainString());
        }
        if (minBase != null && sizeDecimals != null && minBase.stripTrailingZeros().scale() > sizeDecimals) {
            l.problem("minBaseAmount", "has more decimals than sizeDecimals " + sizeDecimals);
        }
        if (marketId == null || sizeDecimals == null || priceDecimals == null || minBase == null || minQuote == null
                || taker == null || maker == null || imf == null || mmf == null || maxLeverage == null
                || basis == null || funding == null) {
            return null;
        }
        return new LighterMarketSpec(marketId, sizeDecimals, priceDecimals, minBase, minQuote, taker, maker, imf, mmf,
                maxLeverage, basis, funding);
    }

    private static EdgexMarketSpec edgexMarket(JsonReader e) {
        e.rejectUnknown(Set.of("contractId", "contractName", "tickSize", "stepSize", "minOrderSize", "maxOrderSize",
                "resolution", "takerFee", "makerFee", "fundingRateIntervalMin", "maxLeverage",
                "maintenanceMarginRate", "basisBps", "funding", "baseCoinName", "maxOrderBuyPriceRatio",
                "minOrderSellPriceRatio", "enableTrade", "enableDisplay", "enableOpenPosition"));
        String contractId = e.string("contractId");
        if (contractId != null && !DIGITS.matcher(contractId).matches()) {
            e.problem("contractId", "must be a positive int64 written as a decimal string, was \"" + contractId + "\"");
        }
        String contractName = e.string("contractName");
        BigDecimal tick = e.positive("tickSize");
        BigDecimal step = e.positive("stepSize");
        BigDecimal min = e.positive("minOrderSize");
        BigDecimal max = e.positive("maxOrderSize");
        String resolution = e.string("resolution");
        if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
            e.problem("resolution", "must be hex (\"0x2540be400\") or decimal digits, was \"" + resolution + "\"");
        }
        BigDecimal taker = fee(e, "takerFee");
        BigDecimal maker = fee(e, "makerFee");
        Integer interval = e.intIn("fundingRateIntervalMin", 60, 1440);
        if (interval != null && (interval % 60 != 0 || 1440 % interval != 0)) {
            e.problem("fundingRateIntervalMin", "must be a multiple of 60 that divides a day (00:00 UTC anchor), was "
                    + interval);
        }
        Integer maxLeverage = e.intIn("maxLeverage", 1, 200);
        BigDecimal mmr = e.fraction("maintenanceMarginRate");
        if (mmr != null && maxLeverage != null
                && mmr.multiply(BigDecimal.valueOf(maxLeverage)).compareTo(BigDecimal.ONE) >= 0) {
            e.problem("maxLeverage", "at " + maxLeverage + "x the initial margin would not exceed the maintenance "
                    + "rate " + mmr.toPlainString());
        }
        if (min != null && max != null && max.compareTo(min) < 0) {
            e.problem("maxOrderSize", "must be at least minOrderSize " + min.toPlainString());
        }
        if (min != null && step != null && min.remainder(step).signum() != 0) {
            e.problem("minOrderSize", "must be a multiple of stepSize " + step.toPlainString());
        }
        BigDecimal basis = basis(e);
        FundingPath funding = fundingPath(e.object("funding"));
        if (contractId == null || contractName == null || tick == null || step == null || min == null || max == null
                || resolution == null || taker == null || maker == null || interval == null || maxLeverage == null
                || mmr == null || basis == null || funding == null) {
            return null;
        }
        String baseCoinName = e.has("baseCoinName") ? e.string("baseCoinName") : null;
        BigDecimal buyBand = e.has("maxOrderBuyPriceRatio") ? e.fraction("maxOrderBuyPriceRatio")
                : EdgexMarketSpec.DEFAULT_PRICE_BAND_RATIO;
        BigDecimal sellBand = e.has("minOrderSellPriceRatio") ? e.fraction("minOrderSellPriceRatio")
                : EdgexMarketSpec.DEFAULT_PRICE_BAND_RATIO;
        Boolean trade = e.boolOr("enableTrade", true);
        Boolean display = e.boolOr("enableDisplay", true);
        Boolean open = e.boolOr("enableOpenPosition", true);
        if (buyBand == null || sellBand == null || trade == null || display == null || open == null) {
            return null;
        }
        return new EdgexMarketSpec(contractId, contractName, tick, step, min, max, resolution, taker, maker, interval,
                maxLeverage, mmr, basis, funding, baseCoinName, buyBand, sellBand, trade, display, open);
    }

    private static BigDecimal fee(JsonReader r, String name) {
        BigDecimal v = r.decimal(name);
        if (v != null && v.abs().compareTo(MAX_FEE) > 0) {
            r.problem(name, "is a fraction of notional (0.00038 = 0.038 %); must be within ±0.01, was "
                    + v.toPlainString());
            return null;
        }
        return v;
    }

    private static BigDecimal basis(JsonReader r) {
        BigDecimal v = r.decimal("basisBps");
        if (v != null && v.abs().compareTo(MAX_BASIS_BPS) > 0) {
            r.problem("basisBps", "must be within ±500 bps, was " + v.toPlainString());
            return null;
        }
        return v;
    }

    static FundingPath fundingPath(JsonReader f) {
        if (f == null) {
            return null;
        }
        FundingPathKind kind = f.enumValue("kind", FundingPathKind.class);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case CONSTANT -> {
                f.rejectUnknown(Set.of("kind", "rate"));
                BigDecimal rate = rate(f, "rate");
                return rate == null ? null : FundingPath.constant(rate);
            }
            case STEPS -> {
                f.rejectUnknown(Set.of("kind", "rate", "steps"));
                BigDecimal rate = rate(f, "rate");
                List<FundingStep> steps = f.list("steps", false, (s, i) -> {
                    s.rejectUnknown(Set.of("at", "rate"));
                    Duration at = s.duration("at");
                    BigDecimal r = rate(s, "rate");
                    return at == null || r == null ? null : new FundingStep(at, r);
                });
                for (int i = 1; i < steps.size(); i++) {
                    if (steps.get(i).at().compareTo(steps.get(i - 1).at()) <= 0) {
                        f.problem("steps[" + i + "].at", "must be later than the step before it");
                    }
                }
                return rate == null ? null
                        : new FundingPath(kind, rate, steps, null, null, null, null, null, null);
            }
            case MEAN_REVERTING -> {
                f.rejectUnknown(Set.of("kind", "rate", "mean", "reversion", "volatility", "seed", "min", "max"));
                BigDecimal rate = rate(f, "rate");
                BigDecimal mean = rate(f, "mean");
                BigDecimal reversion = f.positive("reversion");
                if (reversion != null && reversion.compareTo(BigDecimal.ONE) > 0) {
                    f.problem("reversion", "is the share of the gap closed per tick; must be at most 1, was "
                            + reversion.toPlainString());
                }
                BigDecimal volatility = f.nonNegative("volatility");
                Long seed = f.longValue("seed");
                BigDecimal min = rate(f, "min");
                BigDecimal max = rate(f, "max");
                if (min != null && max != null) {
                    if (min.compareTo(max) >= 0) {
                        f.problem("min", "must be below max " + max.toPlainString());
                    } else {
                        if (rate != null && (rate.compareTo(min) < 0 || rate.compareTo(max) > 0)) {
                            f.problem("rate", "must be within [min, max]");
                        }
                        if (mean != null && (mean.compareTo(min) < 0 || mean.compareTo(max) > 0)) {
                            f.problem("mean", "must be within [min, max]");
                        }
                    }
                }
                if (rate == null || mean == null || reversion == null || volatility == null || seed == null
                        || min == null || max == null) {
                    return null;
                }
                return new FundingPath(kind, rate, List.of(), mean, reversion, volatility, seed, min, max);
            }
            default -> throw new IllegalStateException("unhandled funding kind " + kind);
        }
    }

    /** A funding rate is a fraction per period; anything beyond ±5 % per period is surely a unit mistake. */
    private static BigDecimal rate(JsonReader r, String name) {
        BigDecimal v = r.decimal(name);
        if (v != null && v.abs().compareTo(new BigDecimal("0.05")) > 0) {
            r.problem(name, "is a fraction per funding period (0.0004 = 0.04 %); must be within ±0.05, was "
                    + v.toPlainString());
            return null;
        }
        return v;
    }

    private static LighterAccountSpec lighterAccount(JsonReader a, int index) {
        a.rejectUnknown(Set.of("accountIndex", "l1Address", "apiKeyIndex", "publicKeyHex", "collateral"));
        Long accountIndex = a.longValue("accountIndex");
        if (accountIndex != null && (accountIndex < 1 || accountIndex > MAX_LIGHTER_ACCOUNT_INDEX)) {
            a.problem("accountIndex", "must be between 1 and 2^48-2, was " + accountIndex);
        }
        String l1 = a.string("l1Address");
        if (l1 != null && !ADDRESS.matcher(l1).matches()) {
            a.problem("l1Address", "must be 0x followed by 40 hex digits");
        }
        Integer apiKeyIndex = a.intIn("apiKeyIndex", 0, 254);
        String publicKey = a.string("publicKeyHex");
        if (publicKey != null && !LIGHTER_PUBLIC_KEY.matcher(publicKey).matches()) {
            a.problem("publicKeyHex", "must be 80 hex digits without 0x (a 40-byte key)");
        }
        BigDecimal collateral = a.nonNegative("collateral");
        if (accountIndex == null || l1 == null || apiKeyIndex == null || publicKey == null || collateral == null) {
            return null;
        }
        return new LighterAccountSpec(accountIndex, l1, apiKeyIndex, publicKey.toLowerCase(), collateral);
    }

    private static EdgexAccountSpec edgexAccount(JsonReader a, int index) {
        a.rejectUnknown(Set.of("accountId", "tradingAddress", "apiKey", "passphrase", "secret", "collateral"));
        Long accountId = a.longValue("accountId");
        if (accountId != null && accountId < 1) {
            a.problem("accountId", "must be positive, was " + accountId);
        }
        String address = a.string("tradingAddress");
        if (address != null && !ADDRESS.matcher(address).matches()) {
            a.problem("tradingAddress", "must be 0x followed by 40 hex digits");
        }
        String apiKey = a.string("apiKey");
        String passphrase = a.string("passphrase");
        String secret = a.string("secret");
        BigDecimal collateral = a.nonNegative("collateral");
        if (accountId == null || address == null || apiKey == null || passphrase == null || secret == null
                || collateral == null) {
            return null;
        }
        return new EdgexAccountSpec(accountId, address, apiKey, passphrase, secret, collateral);
    }

    private static void checkUnique(List<MarketSpec> markets, List<String> problems) {
        unique(markets.stream().map(m -> (Object) m.symbol()).toList(), "markets[].symbol", problems);
        unique(markets.stream().map(m -> (Object) m.lighter().marketId()).toList(), "markets[].lighter.marketId",
                problems);
        unique(markets.stream().map(m -> (Object) m.edgex().contractId()).toList(), "markets[].edgex.contractId",
                problems);
        unique(markets.stream().map(m -> (Object) m.edgex().contractName()).toList(), "markets[].edgex.contractName",
                problems);
    }

    private static void unique(List<Object> values, String field, List<String> problems) {
        Set<Object> seen = new HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                problems.add(field + ": duplicate value " + v);
            }
        }
    }
}
