package io.perpcarry.config;

import io.perpcarry.config.ConfigKey.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every key {@code bot.json} may hold. Keys of the original Python bot keep their names and meanings. */
public final class BotConfigSchema {
    public static final List<String> DEFAULT_SYMBOLS = List.of(
            "BTC", "ETH", "SOL", "PAXG", "HYPE", "XPL", "BNB", "XRP", "DOGE", "LINK", "AVAX", "SUI", "LTC", "AAVE", "ENA");

    public static final List<ConfigKey> KEYS = List.of(
            key("symbols_to_monitor", Type.SYMBOL_LIST, DEFAULT_SYMBOLS, null, null,
                    "Base symbols to scan; a symbol is traded only where both venues list it."),
            key("quote", Type.CHOICE, "USD", null, null, Set.of("USD"),
                    "Quote currency of the perpetuals (both venues settle in USD stablecoins)."),
            key("leverage", Type.INTEGER, 3, "1", "20",
                    "Leverage set on both venues (cross margin) before opening."),
            key("notional_per_position", Type.DECIMAL, bd("320"), "10", "10000000",
                    "Target notional per leg, USD; capped by the capital available on the weaker venue."),
            key("hold_duration_hours", Type.DECIMAL, bd("8"), "0.1", "720",
                    "How long a hedge is held before the rotation decision."),
            key("wait_between_cycles_minutes", Type.DECIMAL, bd("5"), "0", "1440",
                    "Pause after a close before the next scan may open."),
            key("check_interval_seconds", Type.INTEGER, 300, "5", "3600",
                    "Slow fallback poll of positions while holding (protection is stream-driven)."),
            key("scan_interval_seconds", Type.INTEGER, 60, "5", "3600",
                    "How often funding and books are scanned while idle."),
            key("min_net_apr_threshold", Type.DECIMAL, bd("5"), "0", "10000",
                    "Minimum net APR, percent, after fees, slippage and basis, to open."),
            key("stop_loss_percent", Type.OPTIONAL_DECIMAL, null, "0.1", "100",
                    "Per-leg stop-loss, percent of leg notional; null derives it from leverage (22.56 at 3x)."),
            key("enable_stop_loss", Type.BOOLEAN, true, null, null,
                    "Close both legs when either leg's loss reaches the stop-loss."),
            key("min_volume_usd", Type.DECIMAL, bd("250000000"), "0", null,
                    "Minimum 24h volume, USD, of both venues together for a market to be eligible (the original's filter)."),
            key("max_spread_pct", Type.DECIMAL, bd("0.15"), "0", "10",
                    "Largest gap between the two venues' mids, percent of their average (the original's filter)."),
            key("max_book_spread_pct", Type.DECIMAL, bd("0.15"), "0", "10",
                    "Largest bid/ask spread, percent of mid, on each venue for a market to be eligible."),
            key("cross_ticks", Type.INTEGER, 100, "0", "100000",
                    "Ticks beyond the best price for entry and exit limit orders, to fill at once."),
            key("open_retries", Type.INTEGER, 2, "0", "10",
                    "Retries of an opening leg's unfilled part, each IOC at a fresh price from the book; 0 = none."),
            key("max_price_deviation_pct", Type.DECIMAL, bd("3"), "0.01", "5",
                    "A limit price never goes further than this from mid (EdgeX refuses beyond 5%)."),
            key("rotation_mode", Type.CHOICE, "always", null, null, Set.of("always", "keep_if_best"),
                    "always: close and reopen every hold; keep_if_best: extend while the market stays best."),
            key("margin_buffer_pct", Type.DECIMAL, bd("20"), "0", "90",
                    "Share of capital kept back from sizing, percent."),
            key("liquidation_buffer_pct", Type.OPTIONAL_DECIMAL, null, "0.1", "50",
                    "Close when a leg's mark is within this percent of its liquidation price; null derives 50 / leverage."),
            key("max_leg_imbalance_pct", Type.DECIMAL, bd("5"), "0.1", "100",
                    "Maximum size difference between the legs, percent of the larger, before closing."),
            key("record_market_data", Type.BOOLEAN, true, null, null,
                    "The daemon records funding, books and settled funding to data/recordings/ for backtests."));

    /**
     * Keys of the original Python bot's {@code bot_config.json} that this bot accepts and ignores (one warning names
     * them): PnL is always tracked and health always monitored here. Keys starting with "comment" (the original's
     * convention) or "_" are comments.
     */
    public static final Map<String, String> KNOWN_UNUSED = Map.of(
            "enable_pnl_tracking", "PnL is always tracked",
            "enable_health_monitoring", "health is always monitored");

    /** A documentation key, ignored on purpose: "_..." here, "comment..." in the original bot's files. */
    public static boolean isComment(String name) {
        return name.startsWith("_") || name.startsWith("comment");
    }

    private static final Map<String, ConfigKey> BY_NAME = new LinkedHashMap<>();

    static {
        KEYS.forEach(k -> BY_NAME.put(k.name(), k));
    }

    private BotConfigSchema() {
    }

    public static Optional<ConfigKey> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The closest known key to a misspelt one, if it is close enough to be a likely typo. */
    public static Optional<String> suggest(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : BY_NAME.keySet()) {
            int d = Levenshtein.distance(unknown.toLowerCase(), known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, unknown.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static ConfigKey key(String name, Type type, Object def, String min, String max, String meaning) {
        return key(name, type, def, min, max, Set.of(), meaning);
    }

    private static ConfigKey key(String name, Type type, Object def, String min, String max, Set<String> choices, String meaning) {
        return new ConfigKey(name, type, def, min == null ? null : bd(min), max == null ? null : bd(max), choices, meaning);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
