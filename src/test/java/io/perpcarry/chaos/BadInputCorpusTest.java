package io.perpcarry.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.app.Cli;
import io.perpcarry.config.BotConfigSchema;
import io.perpcarry.config.ConfigKey;
import io.perpcarry.emulator.scenario.ScenarioException;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad input corpus (generated from the config schema and the scenario, plus hand-written cases): malformed
 * bot.json, .env, scenario files, CLI arguments and control/state files. Each must fail with a clear error that
 * names the culprit, never echo a secret, and change nothing on disk. API requests: add cases to
 * {@link #apiCases()} (the ops engineer's API; none yet).
 */
class BadInputCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY40 = "2a50e06cb39ce07e44220819ebe5aeb94333974664eafaef0f5d31d9aad0e049eb89e8288f1a0521";
    static final Map<String, String> GOOD_ENV = new TreeMap<>(Map.of(
            "PERPCARRY_MODE", "live",
            "LIGHTER_API_KEY_PRIVATE_KEY", KEY40, "LIGHTER_ACCOUNT_INDEX", "66241", "LIGHTER_API_KEY_INDEX", "118",
            "EDGEX_ACCOUNT_ID", "500000000911321981", "EDGEX_API_KEY", "apikey-77", "EDGEX_API_PASSPHRASE", "phrase-88",
            "EDGEX_API_SECRET", "0d5c9d8cc5a13cb349a99b89b469a6e3", "EDGEX_TRADING_PRIVATE_KEY", KEY40.substring(0, 64)));

    /** One bad input: writes its files into {@code dir}, runs, and says what the error must name. */
    record Case(String name, Files2 prepare, Runner runner) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Runner {
        /** Runs on the prepared inputs; returns the error text; throws AssertionError when the input was accepted. */
        String run(Path dir) throws Exception;
    }

    record Outcome(int exit, String out, String err) {
    }

    static Outcome cli(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** A CLI case: exit code {@code exit} and an error naming {@code culprit}; never a secret in the output. */
    static Case cliCase(String name, int exit, String culprit, Files2 files, String... args) {
        return new Case(name, files, dir -> {
            String[] resolved = Arrays.stream(args).map(a -> a.replace("$DIR", dir.toString())).toArray(String[]::new);
            Outcome o = cli(resolved);
            assertThat(o.exit()).as(name + ": exit; err=" + o.err()).isEqualTo(exit);
            assertThat(o.err()).as(name + ": the error names the culprit").contains(culprit);
            assertThat(o.out() + o.err()).as("no secret echoed").doesNotContain(KEY40.substring(0, 24))
                    .doesNotContain("0d5c9d8cc5a13cb349a99b89b469a6e3").doesNotContain("phrase-88");
            return o.err();
        });
    }

    interface Files2 {
        void write(Path dir) throws IOException;
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> all = new ArrayList<>();
        all.addAll(botJsonCases());
        all.addAll(envCases());
        all.addAll(scenarioCases());
        all.addAll(cliArgumentCases());
        all.addAll(controlFileCases());
        all.addAll(apiCases());
        return all.stream();
    }

    @org.junit.jupiter.api.Test
    void corpusHasAtLeastAHundredCases() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(100);
    }

    /** Defects this corpus found in other engineers' areas, reported and not fixed yet (none open). */
    static final java.util.Set<String> KNOWN_DEFECTS = java.util.Set.of();

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsRefusedNamingTheCulpritAndChangesNothing(Case c, @TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(KNOWN_DEFECTS.contains(c.name()), "known defect, reported: " + c.name());
        Path untouched = Files.createDirectories(dir.resolve("case"));
        c.prepare().write(untouched);
        Map<String, String> before = snapshot(untouched);
        c.runner().run(untouched);
        assertThat(snapshot(untouched)).as("nothing changed on disk").isEqualTo(before);
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Arrays.toString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) : "dir");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    // ---- bot.json: generated from the schema (wrong type, below min, above max) plus hand-written breakage

    static List<Case> botJsonCases() {
        List<Case> out = new ArrayList<>();
        for (ConfigKey k : BotConfigSchema.KEYS) {
            String wrong = switch (k.type()) {
                case INTEGER, DECIMAL, OPTIONAL_DECIMAL -> "\"abc\"";
                case BOOLEAN -> "\"yes\"";
                case STRING, CHOICE -> "42";
                case SYMBOL_LIST -> "\"BTC\"";
            };
            out.add(botJson("bot.json " + k.name() + " wrong type", "{\"" + k.name() + "\": " + wrong + "}", k.name()));
            if (k.min() != null) {
                out.add(botJson("bot.json " + k.name() + " below min", "{\"" + k.name() + "\": "
                        + k.min().subtract(java.math.BigDecimal.ONE).toPlainString() + "}", k.name()));
            }
            if (k.max() != null) {
                out.add(botJson("bot.json " + k.name() + " above max", "{\"" + k.name() + "\": "
                        + k.max().multiply(java.math.BigDecimal.TEN).add(java.math.BigDecimal.ONE).toPlainString() + "}", k.name()));
            }
        }
        out.add(botJson("bot.json empty file", "", "bot.json"));
        out.add(botJson("bot.json unterminated object", "{\"leverage\": 3", "bot.json"));
        out.add(botJson("bot.json double comma", "{\n  \"leverage\": 3,,\n}", "line 2"));
        out.add(botJson("bot.json an array", "[1, 2]", "bot.json"));
        out.add(botJson("bot.json null", "null", "bot.json"));
        out.add(botJson("bot.json single quotes", "{'leverage': 3}", "bot.json"));
        out.add(botJson("bot.json missing value", "{\"leverage\": }", "bot.json"));
        out.add(botJson("bot.json misspelt key", "{\"levrage\": 3}", "levrage"));
        out.add(botJson("bot.json unknown key", "{\"telegram_token\": \"x\"}", "telegram_token"));
        out.add(botJson("bot.json empty symbol list", "{\"symbols_to_monitor\": []}", "symbols_to_monitor"));
        out.add(botJson("bot.json fractional leverage", "{\"leverage\": 2.5}", "leverage"));
        out.add(botJson("bot.json rotation mode unknown", "{\"rotation_mode\": \"sometimes\"}", "rotation_mode"));
        return out;
    }

    static Case botJson(String name, String text, String culprit) {
        return cliCase(name, Cli.EXIT_CONFIG, culprit, dir -> Files.writeString(dir.resolve("bot.json"), text),
                "check", "--config", "$DIR/bot.json", "--env-file", "$DIR/none.env");
    }

    // ---- .env: one bad variable among valid live credentials

    static List<Case> envCases() {
        List<Case> out = new ArrayList<>();
        Object[][] bad = {
                {"LIGHTER_API_KEY_PRIVATE_KEY", "abcdef0123456789"},
                {"LIGHTER_API_KEY_PRIVATE_KEY", "zz" + KEY40.substring(2)},
                {"LIGHTER_API_KEY_PRIVATE_KEY", ""},
                {"LIGHTER_ACCOUNT_INDEX", "abc"},
                {"LIGHTER_ACCOUNT_INDEX", "0"},
                {"LIGHTER_ACCOUNT_INDEX", "-5"},
                {"LIGHTER_API_KEY_INDEX", "255"},
                {"LIGHTER_API_KEY_INDEX", "x1"},
                {"EDGEX_ACCOUNT_ID", "not-a-number"},
                {"EDGEX_TRADING_PRIVATE_KEY", "1234"},
                {"EDGEX_TRADING_PRIVATE_KEY", "g".repeat(64)},
                {"EDGEX_API_SECRET", ""},
                {"EDGEX_API_KEY", ""},
                {"LIGHTER_BASE_URL", "ftp://example.com"},
                {"LIGHTER_WS_URL", "http://example.com/stream"},
                {"EDGEX_BASE_URL", "not a url"},
                {"EDGEX_WS_URL", "https://example.com"},
                {"LIGHTER_CHAIN_ID", "mainnet"},
                {"PERPCARRY_MODE", "production"},
        };
        for (Object[] b : bad) {
            String var = (String) b[0];
            Map<String, String> env = new TreeMap<>(GOOD_ENV);
            env.put(var, (String) b[1]);
            out.add(env(".env " + var + "=" + abbreviate((String) b[1]), env, var));
        }
        for (String missing : List.of("LIGHTER_API_KEY_PRIVATE_KEY", "EDGEX_API_PASSPHRASE", "EDGEX_ACCOUNT_ID")) {
            Map<String, String> env = new TreeMap<>(GOOD_ENV);
            env.remove(missing);
            out.add(env(".env live without " + missing, env, missing));
        }
        return out;
    }

    private static String abbreviate(String v) {
        return v.length() > 12 ? v.substring(0, 6) + "…" : v.isEmpty() ? "(empty)" : v;
    }

    static Case env(String name, Map<String, String> vars, String culprit) {
        StringBuilder text = new StringBuilder();
        vars.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return cliCase(name, Cli.EXIT_CONFIG, culprit, dir -> Files.writeString(dir.resolve(".env"), text),
                "check", "--config", "config/bot.json", "--env-file", "$DIR/.env");
    }

    // ---- scenario files: the chaos scenario with one field broken

    static List<Case> scenarioCases() throws IOException {
        List<Case> out = new ArrayList<>();
        String[][] edits = {
                {"/seed", "\"seven\""}, {"/timeScale", "-1"}, {"/timeScale", "\"fast\""}, {"/step", "\"one second\""},
                {"/markets", "{}"}, {"/markets/0/symbol", "7"}, {"/markets/0/startPrice", "\"-25\""},
                {"/markets/0/volatility", "\"wild\""}, {"/markets/0/book/levels", "-3"},
                {"/markets/0/lighter/marketId", "\"x\""}, {"/markets/0/lighter/sizeDecimals", "-1"},
                {"/markets/0/lighter/funding/kind", "\"SOMETIMES\""}, {"/markets/0/edgex/tickSize", "\"tiny\""},
                {"/markets/0/edgex/fundingRateIntervalMin", "-240"}, {"/accounts/lighter/0/collateral", "\"lots\""},
                {"/accounts/edgex/0/accountId", "\"abc\""},
        };
        for (String[] e : edits) {
            String field = e[0].substring(e[0].lastIndexOf('/') + 1);
            String text = edited(e[0], e[1]);
            out.add(new Case("scenario " + e[0] + " = " + e[1], dir -> Files.writeString(dir.resolve("scenario.json"), text), dir -> {
                Path f = dir.resolve("scenario.json");
                try {
                    ScenarioLoader.load(f);
                } catch (ScenarioException ex) {
                    assertThat(ex.getMessage()).as("names the field").contains(field);
                    return ex.getMessage();
                }
                throw new AssertionError("scenario accepted with " + e[0] + " = " + e[1]);
            }));
        }
        out.add(new Case("scenario not JSON", dir -> Files.writeString(dir.resolve("scenario.json"), "{\"seed\": 7,"), dir -> {
            Path f = dir.resolve("scenario.json");
            try {
                ScenarioLoader.load(f);
            } catch (ScenarioException ex) {
                assertThat(ex.getMessage()).contains("scenario.json");
                return ex.getMessage();
            }
            throw new AssertionError("broken JSON accepted");
        }));
        return out;
    }

    private static String edited(String pointer, String valueJson) throws IOException {
        JsonNode root;
        try (var in = BadInputCorpusTest.class.getResourceAsStream("/chaos/scenario.json")) {
            root = JSON.readTree(in);
        }
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode p = parent.isEmpty() ? root : root.at(parent);
        JsonNode value = JSON.readTree(valueJson);
        if (p.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) p).set(Integer.parseInt(field), value);
        } else {
            ((ObjectNode) p).set(field, value);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    // ---- CLI arguments

    static List<Case> cliArgumentCases() {
        Files2 none = dir -> { };
        String[][] cases = {
                {"nope", "nope"},
                {"funding-all --wait-seconds abc", "--wait-seconds"},
                {"funding BTC --settled x", "--settled"},
                {"status --funding-hours x", "--funding-hours"},
                {"capacity --bogus", "--bogus"},
                {"journal --cycles x", "--cycles"},
                {"resume --wait-seconds x", "--wait-seconds"},
                {"open", "SYMBOL"},
                {"open BTC --size-quote abc", "--size-quote"},
                {"open BTC --long binance", "--long"},
                {"close --bogus", "--bogus"},
                {"test --notional x", "--notional"},
                {"emergency-close --bogus", "--bogus"},
                {"monitor --interval x", "--interval"},
                {"monitor --color purple", "--color"},
                {"emulator --time-scale 0", "--time-scale"},
                {"emulator --lighter-port x", "--lighter-port"},
                {"emulator --lighter-api-key x", "--lighter-api-key"},
                {"emulator --edgex-account a:b", "--edgex-account"},
                {"chaos --trials 0", "--trials"},
                {"chaos nope", "nope"},
                {"chaos --faults some", "--faults"},
                {"chaos --soak-hours -1", "--soak-hours"},
                {"check --config", "--config"},
                {"run --bogus", "--bogus"},
        };
        List<Case> out = new ArrayList<>();
        for (String[] c : cases) {
            out.add(cliCase("cli: " + c[0], Cli.EXIT_CONFIG, c[1], none, c[0].split(" ")));
        }
        return out;
    }

    // ---- control and state files the operator commands read

    static List<Case> controlFileCases() {
        List<Case> out = new ArrayList<>();
        String[][] broken = {
                {"state.json", "{\"state\": \"HALTED\","},
                {"state.json", "[]"},
                {"state.json", "{\"state\": \"NAPPING\"}"},
        };
        for (String[] b : broken) {
            out.add(stateCase("resume with " + b[0] + " = " + b[1], b, "resume"));
            out.add(stateCase("journal with " + b[0] + " = " + b[1], b, "journal"));
        }
        return out;
    }

    static Case stateCase(String name, String[] file, String command) {
        return new Case(name, dir -> Files.writeString(Files.createDirectories(dir.resolve("data")).resolve(file[0]), file[1]), dir -> {
            Path data = dir.resolve("data");
            Outcome o = cli(command, "--data-dir", data.toString());
            assertThat(o.exit()).as(name + ": exit; out=" + o.out() + " err=" + o.err()).isNotZero();
            assertThat(o.err()).as(name + ": names the file").contains(file[0]);
            return o.err();
        });
    }

    /** API requests (the ops engineer's HTTP API): none yet; add {@link Case}s here when it exists. */
    static List<Case> apiCases() {
        return List.of();
    }
}
