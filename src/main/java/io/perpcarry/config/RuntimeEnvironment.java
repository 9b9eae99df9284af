package io.perpcarry.config;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment the bot runs in: mode, venue URLs and credentials, read from the process environment and
 * {@code .env}. Formats are checked whenever a value is set; live mode requires every credential. Error
 * messages name the variable and never contain its value.
 */
public record RuntimeEnvironment(RunMode mode, int lighterChainId,
                                 VenueEndpoints<LighterCredentials> lighter,
                                 VenueEndpoints<EdgexCredentials> edgex) {

    public static final String LIGHTER_MAINNET_URL = "https://mainnet.zklighter.elliot.ai";
    public static final String LIGHTER_MAINNET_WS = "wss://mainnet.zklighter.elliot.ai/stream";
    public static final int LIGHTER_MAINNET_CHAIN_ID = 304;
    public static final String EDGEX_MAINNET_URL = "https://edgex-prod-v2.edgex.exchange";
    public static final String EDGEX_MAINNET_WS = "wss://edgex-quote-prod-v2.edgex.exchange";

    static final List<String> LIGHTER_KEY = List.of("LIGHTER_API_KEY_PRIVATE_KEY", "API_KEY_PRIVATE_KEY");
    static final List<String> LIGHTER_ACCOUNT = List.of("LIGHTER_ACCOUNT_INDEX", "ACCOUNT_INDEX");
    static final List<String> LIGHTER_KEY_INDEX = List.of("LIGHTER_API_KEY_INDEX", "API_KEY_INDEX");
    static final List<String> EDGEX_NAMES = List.of("EDGEX_ACCOUNT_ID", "EDGEX_API_KEY", "EDGEX_API_PASSPHRASE",
            "EDGEX_API_SECRET", "EDGEX_TRADING_PRIVATE_KEY");

    public static RuntimeEnvironment read(EnvironmentSource env) {
        List<String> problems = new ArrayList<>();
        RunMode mode;
        try {
            mode = RunMode.parse(env.get("PERPCARRY_MODE").orElse(null));
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            mode = RunMode.DEMO;
        }
        int chainId = integer(env, List.of("LIGHTER_CHAIN_ID"), 1, Integer.MAX_VALUE, problems)
                .orElse((long) LIGHTER_MAINNET_CHAIN_ID).intValue();
        var lighter = new VenueEndpoints<>(
                url(env, "LIGHTER_BASE_URL", LIGHTER_MAINNET_URL, "http", problems),
                url(env, "LIGHTER_WS_URL", LIGHTER_MAINNET_WS, "ws", problems),
                lighterCredentials(env, mode, problems));
        var edgex = new VenueEndpoints<>(
                url(env, "EDGEX_BASE_URL", EDGEX_MAINNET_URL, "http", problems),
                url(env, "EDGEX_WS_URL", EDGEX_MAINNET_WS, "ws", problems),
                edgexCredentials(env, mode, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (mode == RunMode.PAPER) {
            // Paper trading never signs anything: credentials, even when set, are not handed to the connectors.
            lighter = new VenueEndpoints<>(lighter.baseUrl(), lighter.wsUrl(), Optional.empty());
            edgex = new VenueEndpoints<>(edgex.baseUrl(), edgex.wsUrl(), Optional.empty());
        }
        return new RuntimeEnvironment(mode, chainId, lighter, edgex);
    }

    /** What {@code check} prints: every variable, URLs in clear, credentials only as set or missing. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("PERPCARRY_MODE", mode.name().toLowerCase());
        out.put("LIGHTER_BASE_URL", lighter.baseUrl().toString());
        out.put("LIGHTER_WS_URL", lighter.wsUrl().toString());
        out.put("LIGHTER_CHAIN_ID", Integer.toString(lighterChainId));
        String lighterState = lighter.credentials().isPresent() ? "set " + Secret.MASK : "missing";
        for (List<String> names : List.of(LIGHTER_KEY, LIGHTER_ACCOUNT, LIGHTER_KEY_INDEX)) {
            out.put(names.get(0), lighterState);
        }
        out.put("EDGEX_BASE_URL", edgex.baseUrl().toString());
        out.put("EDGEX_WS_URL", edgex.wsUrl().toString());
        String edgexState = edgex.credentials().isPresent() ? "set " + Secret.MASK : "missing";
        EDGEX_NAMES.forEach(n -> out.put(n, edgexState));
        return out;
    }

    private static Optional<LighterCredentials> lighterCredentials(EnvironmentSource env, RunMode mode, List<String> problems) {
        int before = problems.size();
        Optional<String> key = env.first(LIGHTER_KEY).map(Map.Entry::getValue);
        key.ifPresent(k -> checkHex(LIGHTER_KEY.get(0), k, 40, problems));
        Optional<Long> account = integer(env, LIGHTER_ACCOUNT, 1, (1L << 48) - 2, problems);
        Optional<Long> keyIndex = integer(env, LIGHTER_KEY_INDEX, 0, 254, problems);
        boolean any = key.isPresent() || account.isPresent() || keyIndex.isPresent();
        if (mode == RunMode.LIVE || any) {
            requirePresent(LIGHTER_KEY, key.isPresent(), mode, problems);
            requirePresent(LIGHTER_ACCOUNT, account.isPresent(), mode, problems);
            requirePresent(LIGHTER_KEY_INDEX, keyIndex.isPresent(), mode, problems);
        }
        if (problems.size() > before || !any) {
            return Optional.empty();
        }
        return Optional.of(new LighterCredentials(Secret.of(strip0x(key.get())), account.get(), keyIndex.get().intValue()));
    }

    private static Optional<EdgexCredentials> edgexCredentials(EnvironmentSource env, RunMode mode, List<String> problems) {
        int before = problems.size();
        Optional<Long> account = integer(env, List.of("EDGEX_ACCOUNT_ID"), 1, Long.MAX_VALUE, problems);
        Optional<String> apiKey = env.get("EDGEX_API_KEY");
        Optional<String> passphrase = env.get("EDGEX_API_PASSPHRASE");
        Optional<String> secret = env.get("EDGEX_API_SECRET");
        Optional<String> trading = env.get("EDGEX_TRADING_PRIVATE_KEY");
        trading.ifPresent(t -> checkHex("EDGEX_TRADING_PRIVATE_KEY", t, 32, problems));
        List<Boolean> present = List.of(account.isPresent(), apiKey.isPresent(), passphrase.isPresent(),
                secret.isPresent(), trading.isPresent());
        boolean any = present.contains(true);
        if (mode == RunMode.LIVE || any) {
            for (int i = 0; i < EDGEX_NAMES.size(); i++) {
                requirePresent(List.of(EDGEX_NAMES.get(i)), present.get(i), mode, problems);
            }
        }
        if (problems.size() > before || !any) {
            return Optional.empty();
        }
        return Optional.of(new EdgexCredentials(account.get(), Secret.of(apiKey.get()), Secret.of(passphrase.get()),
                Secret.of(secret.get()), Secret.of(strip0x(trading.get()))));
    }

    private static void requirePresent(List<String> names, boolean present, RunMode mode, List<String> problems) {
        if (!present) {
            String why = mode == RunMode.LIVE ? "required in live mode" : "required because other credentials of this venue are set";
            String aliases = names.size() > 1 ? " (or " + String.join(", ", names.subList(1, names.size())) + ")" : "";
            problems.add(names.get(0) + aliases + " is missing: " + why);
        }
    }

    private static Optional<Long> integer(EnvironmentSource env, List<String> names, long min, long max, List<String> problems) {
        Optional<Map.Entry<String, String>> found = env.first(names);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String name = found.get().getKey();
        try {
            BigInteger v = new BigInteger(found.get().getValue());
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                problems.add(name + " is out of range [" + min + ", " + max + "]");
                return Optional.empty();
            }
            return Optional.of(v.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(name + " must be a whole number");
            return Optional.empty();
        }
    }

    private static void checkHex(String name, String value, int bytes, List<String> problems) {
        String hex = strip0x(value);
        if (!hex.matches("[0-9a-fA-F]*")) {
            problems.add(name + " must be hexadecimal (" + bytes + " bytes, optional 0x)");
        } else if (hex.length() != bytes * 2) {
            problems.add(name + " must be " + bytes + " bytes (" + bytes * 2 + " hex digits), got " + hex.length() + " hex digits");
        }
    }

    private static URI url(EnvironmentSource env, String name, String fallback, String scheme, List<String> problems) {
        String raw = env.get(name).orElse(fallback);
        try {
            URI uri = new URI(raw);
            String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(s.equals(scheme) || s.equals(scheme + "s")) || uri.getHost() == null) {
                problems.add(name + " must be a " + scheme + ":// or " + scheme + "s:// URL, got \"" + raw + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(name + " is not a valid URL: \"" + raw + "\"");
            return URI.create(fallback);
        }
    }

    private static String strip0x(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }
}
