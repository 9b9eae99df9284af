package io.perpcarry.venue.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A venue's documented request budget: {@code capacity} units per rolling {@code window}; each request costs
 * {@link #costOf(String)} units by its path, and some transaction kinds have their own per-window caps.
 *
 * @param capacity    units per window
 * @param window      the rolling window
 * @param defaultCost what a request costs when its path has no own weight
 * @param pathCosts   path suffix → cost (matched on the path's end, e.g. "/api/v1/trades")
 * @param verified    false when no venue document gives the figures (the budget is then our conservative guess)
 * @param source      where the figures come from
 * @param marketData  path fragments of the venue's public market data (what a scan reads): these reads yield to the
 *                    rest ({@link RateLimiter#acquireRead}); account and order reads wait like writes
 */
public record RateBudget(long capacity, Duration window, long defaultCost, Map<String, Long> pathCosts,
                         boolean verified, String source, java.util.Set<String> marketData) {
    /** A budget without market-data paths (every read waits like a write). */
    public RateBudget(long capacity, Duration window, long defaultCost, Map<String, Long> pathCosts, boolean verified,
                      String source) {
        this(capacity, window, defaultCost, pathCosts, verified, source, java.util.Set.of());
    }

    public RateBudget {
        marketData = java.util.Set.copyOf(marketData);
        if (capacity < 1 || window.isZero() || window.isNegative() || defaultCost < 1) {
            throw new IllegalArgumentException("a rate budget needs capacity >= 1, a positive window and cost >= 1");
        }
        pathCosts = Map.copyOf(pathCosts);
        Objects.requireNonNull(source, "source");
        for (long c : pathCosts.values()) {
            if (c < 1 || c > capacity) {
                throw new IllegalArgumentException("a path cost must be 1.." + capacity + ", was " + c);
            }
        }
    }

    /** True for the venue's public market data: a read that yields to orders and account reads. */
    public boolean isMarketData(String path) {
        return path != null && marketData.stream().anyMatch(path::contains);
    }

    /** What one request to {@code path} costs. */
    public long costOf(String path) {
        for (Map.Entry<String, Long> e : pathCosts.entrySet()) {
            if (path != null && path.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return defaultCost;
    }

    /** The same budget with {@code factor} times the capacity (tests and accelerated demos only). */
    public RateBudget scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale must be a positive finite number, was " + factor);
        }
        return new RateBudget(Math.max(1, Math.round(capacity * factor)), window, defaultCost, pathCosts, verified,
                source + (factor == 1.0 ? "" : " (x" + factor + ")"), marketData);
    }

    /**
     * Lighter (apidocs.lighter.xyz/docs/rate-limits, stored in docs/reference/lighter.md §9): Standard accounts
     * 60 requests per rolling minute, and no more of an endpoint than a Premium account's 24,000 weighted
     * requests a minute allow at its weight (e.g. {@code trades}/{@code recentTrades}, weight 600: 40 a
     * minute). Both rules at once: 24,000 units a minute, a request costs max(400, weight).
     */
    public static final RateBudget LIGHTER_STANDARD = new RateBudget(24_000, Duration.ofMinutes(1), 400,
            Map.of("/api/v1/trades", 600L, "/api/v1/recentTrades", 600L, "/api/v1/transferFeeInfo", 500L,
                    "/api/v1/changeAccountTier", 3_000L, "/api/v1/notification/ack", 3_000L), true,
            "apidocs.lighter.xyz rate-limits: Standard 60 req/min; Premium 24,000 weighted/min",
            java.util.Set.of("/api/v1/funding-rates", "/api/v1/fundings", "/api/v1/orderBookDetails",
                    "/api/v1/orderBookOrders", "/api/v1/recentTrades"));

    /**
     * EdgeX publishes no REST budget (docs/reference/edgex.md §9: only a per-account createOrderPerMinuteLimit
     * without figures). UNVERIFIED and deliberately conservative: 120 requests per rolling minute.
     */
    public static final RateBudget EDGEX_UNVERIFIED = new RateBudget(120, Duration.ofMinutes(1), 1, Map.of(), false,
            "unverified: EdgeX documents no REST budget; conservative 120 req/min", java.util.Set.of("/public/"));
}
