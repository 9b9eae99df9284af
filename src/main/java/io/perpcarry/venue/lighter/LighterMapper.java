package io.perpcarry.venue.lighter;

import static io.perpcarry.venue.lighter.LighterJson.array;
import static io.perpcarry.venue.lighter.LighterJson.bool;
import static io.perpcarry.venue.lighter.LighterJson.decimal;
import static io.perpcarry.venue.lighter.LighterJson.integer;
import static io.perpcarry.venue.lighter.LighterJson.malformed;
import static io.perpcarry.venue.lighter.LighterJson.smallInt;
import static io.perpcarry.venue.lighter.LighterJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.FundingMath;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lighter REST JSON → our domain. Pure functions over parsed bodies; every unit conversion lives here.
 * Shapes follow {@code lighter-openapi.json}; units follow docs/reference/lighter.md.
 */
final class LighterMapper {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LighterMapper() {
    }

    /** Markets and their 24 h quote volume, both from one /api/v1/orderBookDetails body. */
    record MarketDetails(Map<String, LighterMarket> markets, Map<String, BigDecimal> volume24hUsd) {
    }

    /**
     * Active perps only (spot lives in {@code spot_order_book_details}; inactive markets cannot be traded).
     * {@code taker_fee}/{@code maker_fee} are percent strings ("0.0280" = 0.028 % = 0.00028 of notional);
     * a fee whose {@code is_*_fee_enabled} is false is charged as zero.
     */
    static MarketDetails marketDetails(JsonNode root) {
        Map<String, LighterMarket> markets = new LinkedHashMap<>();
        Map<String, BigDecimal> volumes = new LinkedHashMap<>();
        for (JsonNode m : array(root, "order_book_details", "orderBookDetails")) {
            String where = "orderBookDetails market " + m.path("market_id").asText("?");
            if (!"perp".equals(m.path("market_type").asText("perp")) || !"active".equals(text(m, "status", where))) {
                continue;
            }
            String symbol = text(m, "symbol", where);
            int marketId = smallInt(m, "market_id", where);
            BigDecimal taker = feeFraction(m, "taker_fee", "is_taker_fee_enabled", where);
            BigDecimal maker = feeFraction(m, "maker_fee", "is_maker_fee_enabled", where);
            MarketSpec spec;
            try {
                spec = MarketSpec.lighter(symbol, marketId, smallInt(m, "size_decimals", where),
                        smallInt(m, "price_decimals", where), decimal(m, "min_base_amount", where),
                        decimal(m, "min_quote_amount", where), taker, maker);
            } catch (IllegalArgumentException e) {
                throw malformed(where + ": " + e.getMessage());
            }
            LighterMarket market = new LighterMarket(spec, marketId, smallInt(m, "size_decimals", where),
                    smallInt(m, "price_decimals", where), smallInt(m, "min_initial_margin_fraction", where));
            if (markets.put(symbol, market) != null) {
                throw malformed("orderBookDetails: symbol " + symbol + " is listed twice");
            }
            volumes.put(symbol, decimal(m, "daily_quote_token_volume", where));
        }
        return new MarketDetails(Collections.unmodifiableMap(markets), Collections.unmodifiableMap(volumes));
    }

    private static BigDecimal feeFraction(JsonNode m, String fee, String enabledFlag, String where) {
        BigDecimal percent = decimal(m, fee, where);
        if (m.has(enabledFlag) && !bool(m, enabledFlag, where)) {
            return BigDecimal.ZERO;
        }
        if (percent.signum() < 0 && fee.startsWith("taker")) {
            throw malformed(where + ": negative taker fee " + percent.toPlainString());
        }
        return percent.divide(HUNDRED);
    }

    /** Rows of /api/v1/funding-rates with exchange "lighter": a fraction per 8 h (settled hourly at rate/8). */
    static Map<String, FundingQuote> fundingQuotes(JsonNode root, Instant observedAt) {
        Map<String, FundingQuote> quotes = new LinkedHashMap<>();
        for (JsonNode row : array(root, "funding_rates", "funding-rates")) {
            String where = "funding-rates row";
            if (!"lighter".equals(text(row, "exchange", where))) {
                continue;
            }
            String symbol = text(row, "symbol", where);
            quotes.put(symbol, FundingMath.lighterCurrent(symbol, decimal(row, "rate", where + " " + symbol), observedAt));
        }
        return Collections.unmodifiableMap(quotes);
    }

    /**
     * /api/v1/orderBookOrders lists single resting orders; levels are their remaining sizes summed per price.
     * Asks come ascending and bids descending; we sort anyway rather than trust it.
     */
    static OrderBook orderBookFromOrders(JsonNode root, String symbol, int depth, Instant observedAt) {
        List<BookLevel> bids = levels(array(root, "bids", "orderBookOrders " + symbol), Comparator.reverseOrder(), depth, symbol);
        List<BookLevel> asks = levels(array(root, "asks", "orderBookOrders " + symbol), Comparator.naturalOrder(), depth, symbol);
        try {
            return new OrderBook(Venue.LIGHTER, symbol, bids, asks, observedAt);
        } catch (IllegalArgumentException e) {
            throw malformed("orderBookOrders " + symbol + ": " + e.getMessage());
        }
    }

    private static List<BookLevel> levels(JsonNode orders, Comparator<BigDecimal> order, int depth, String symbol) {
        TreeMap<BigDecimal, BigDecimal> byPrice = new TreeMap<>(order);
        for (JsonNode o : orders) {
            String where = "orderBookOrders " + symbol + " order";
            BigDecimal price = decimal(o, "price", where);
            BigDecimal size = decimal(o, "remaining_base_amount", where);
            if (price.signum() <= 0 || size.signum() < 0) {
                throw malformed(where + ": non-positive price or negative size");
            }
            if (size.signum() > 0) {
                byPrice.merge(price, size, BigDecimal::add);
            }
        }
        List<BookLevel> out = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : byPrice.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new BookLevel(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * /api/v1/account?by=index: the one account with our index. A position's size is {@code sign × position}
     * (1 long, −1 short); a liquidation price of 0 means "none". Equity is {@code total_asset_value}
     * (collateral plus unrealized PnL).
     */
    static AccountState account(JsonNode root, long accountIndex, Instant observedAt) {
        JsonNode accounts = array(root, "accounts", "account");
        JsonNode acct = null;
        for (JsonNode a : accounts) {
            if (integer(a, "index", "account") == accountIndex) {
                acct = a;
            }
        }
        if (acct == null) {
            throw malformed("account: the configured account is not in the answer (" + accounts.size() + " accounts)");
        }
        List<Position> positions = new ArrayList<>();
        for (JsonNode p : array(acct, "positions", "account")) {
            Position position = position(p);
            if (!position.isFlat()) {
                positions.add(position);
            }
        }
        return new AccountState(Venue.LIGHTER, decimal(acct, "total_asset_value", "account"),
                decimal(acct, "available_balance", "account"), positions, observedAt);
    }

    static Position position(JsonNode p) {
        String symbol = text(p, "symbol", "account position");
        String where = "account position " + symbol;
        BigDecimal size = decimal(p, "position", where);
        int sign = smallInt(p, "sign", where);
        if (size.signum() < 0) {
            throw malformed(where + ": position must be unsigned (the side is in 'sign'), got " + size.toPlainString());
        }
        if (size.signum() != 0 && sign != 1 && sign != -1) {
            throw malformed(where + ": sign must be 1 or -1 for an open position, got " + sign);
        }
        BigDecimal signed = size.signum() == 0 ? BigDecimal.ZERO : sign == 1 ? size : size.negate();
        BigDecimal liquidation = decimal(p, "liquidation_price", where);
        try {
            return new Position(Venue.LIGHTER, symbol, signed, decimal(p, "avg_entry_price", where),
                    decimal(p, "unrealized_pnl", where), liquidation.signum() == 0 ? null : liquidation, null);
        } catch (IllegalArgumentException e) {
            throw malformed(where + ": " + e.getMessage());
        }
    }

    /**
     * The account's current cross-margin initial margin fraction in a market, in 1/10000 (UpdateLeverage's
     * unit), from its position row: {@code initial_margin_fraction} is a PERCENT string ("20.00" = 2000 =
     * 5x; recorded in captures/lighter/GET_api_v1_account.json), {@code margin_mode} 0 cross / 1 isolated.
     * Empty when the market has no position row or the row is isolated: the current value is then unknown.
     */
    static java.util.Optional<Integer> crossMarginFraction(JsonNode root, long accountIndex, int marketId) {
        for (JsonNode a : array(root, "accounts", "account")) {
            if (integer(a, "index", "account") != accountIndex) {
                continue;
            }
            for (JsonNode p : array(a, "positions", "account")) {
                String where = "account position";
                if (smallInt(p, "market_id", where) != marketId) {
                    continue;
                }
                if (p.has("margin_mode") && smallInt(p, "margin_mode", where) != 0) {
                    return java.util.Optional.empty();
                }
                BigDecimal percent = decimal(p, "initial_margin_fraction", where);
                BigDecimal ticks = percent.movePointRight(2);
                if (ticks.signum() <= 0 || ticks.stripTrailingZeros().scale() > 0) {
                    throw malformed(where + ": initial_margin_fraction must be a positive percent with at most 2 "
                            + "decimals, got " + percent.toPlainString());
                }
                return java.util.Optional.of(ticks.intValueExact());
            }
        }
        return java.util.Optional.empty();
    }

    /** Per-market order counts from the account answer: where {@code accountActiveOrders} must look. */
    static Map<Integer, Integer> orderCountsByMarket(JsonNode root, long accountIndex) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (JsonNode a : array(root, "accounts", "account")) {
            if (integer(a, "index", "account") != accountIndex) {
                continue;
            }
            for (JsonNode p : array(a, "positions", "account")) {
                String where = "account position";
                int n = smallInt(p, "open_order_count", where) + smallInt(p, "pending_order_count", where)
                        + (p.has("position_tied_order_count") ? smallInt(p, "position_tied_order_count", where) : 0);
                if (n > 0) {
                    counts.put(smallInt(p, "market_id", where), n);
                }
            }
        }
        return counts;
    }

    /** The account's own order total, to check the per-market counts cover every order. */
    static long totalOrderCount(JsonNode root, long accountIndex) {
        for (JsonNode a : array(root, "accounts", "account")) {
            if (integer(a, "index", "account") == accountIndex) {
                return integer(a, "total_order_count", "account");
            }
        }
        throw malformed("account: the configured account is not in the answer");
    }

    /** /api/v1/accountActiveOrders. The order id we report is Lighter's {@code order_index}. */
    static List<OpenOrder> openOrders(JsonNode root, Map<Integer, String> symbolsById) {
        List<OpenOrder> out = new ArrayList<>();
        for (JsonNode o : array(root, "orders", "accountActiveOrders")) {
            String where = "accountActiveOrders order";
            int marketId = smallInt(o, "market_index", where);
            String symbol = symbolsById.get(marketId);
            if (symbol == null) {
                throw malformed(where + ": market " + marketId + " is not a known perp market");
            }
            OrderSide side = bool(o, "is_ask", where) ? OrderSide.SELL : OrderSide.BUY;
            out.add(new OpenOrder(Venue.LIGHTER, symbol, Long.toString(integer(o, "order_index", where)),
                    integer(o, "client_order_index", where), side, decimal(o, "price", where),
                    decimal(o, "remaining_base_amount", where), bool(o, "reduce_only", where)));
        }
        return out;
    }

    /**
     * /api/v1/positionFunding rows. {@code change} is taken as the signed change of the account's collateral
     * (positive received, negative paid; unconfirmed by the official docs, lighter.md 4.9, but what the
     * emulator and the SDK's naming say). {@code rate} is percent of notional for the hour and carries no
     * reliable sign, so it becomes a fraction per hour signed from the cash flow: positive when longs paid.
     * A market no longer listed keeps its id as "market-N".
     */
    static List<FundingPayment> fundingPayments(JsonNode root, Map<Integer, String> symbolsById) {
        List<FundingPayment> out = new ArrayList<>();
        for (JsonNode f : array(root, "position_fundings", "positionFunding")) {
            String where = "positionFunding row";
            int marketId = smallInt(f, "market_id", where);
            String symbol = symbolsById.getOrDefault(marketId, "market-" + marketId);
            String side = text(f, "position_side", where);
            BigDecimal size = decimal(f, "position_size", where).abs();
            BigDecimal signedSize = switch (side) {
                case "long" -> size;
                case "short" -> size.negate();
                default -> throw malformed(where + ": position_side must be long or short, got '" + side + "'");
            };
            BigDecimal change = decimal(f, "change", where);
            BigDecimal hourly = decimal(f, "rate", where).abs().divide(HUNDRED);
            boolean longsPaid = (change.signum() < 0) == side.equals("long");
            BigDecimal rate = change.signum() == 0 || longsPaid ? hourly : hourly.negate();
            out.add(new FundingPayment(Venue.LIGHTER, symbol, Instant.ofEpochSecond(integer(f, "timestamp", where)),
                    rate, signedSize, change));
        }
        return out;
    }

    /**
     * /api/v1/fundings rows → signed hourly fractions, newest first. {@code rate} is unsigned percent for the hour and
     * {@code direction} the side that paid (docs/reference/lighter.md 4.8); timestamps are seconds.
     */
    static List<FundingQuote> settledFunding(JsonNode root, String symbol) {
        List<FundingQuote> out = new ArrayList<>();
        for (JsonNode f : array(root, "fundings", "fundings")) {
            String where = "fundings row of " + symbol;
            BigDecimal hourly;
            try {
                hourly = FundingMath.lighterSettledHourly(decimal(f, "rate", where), text(f, "direction", where));
            } catch (IllegalArgumentException e) {
                throw malformed(where + ": " + e.getMessage());
            }
            out.add(new FundingQuote(Venue.LIGHTER, symbol, hourly, java.time.Duration.ofHours(1),
                    Instant.ofEpochSecond(integer(f, "timestamp", where))));
        }
        out.sort(Comparator.comparing(FundingQuote::observedAt).reversed());
        return out;
    }

    /** /api/v1/nextNonce. */
    static long nextNonce(JsonNode root) {
        long nonce = integer(root, "nonce", "nextNonce");
        if (nonce < 0) {
            throw malformed("nextNonce: negative nonce " + nonce);
        }
        return nonce;
    }

    /** /api/v1/sendTx success: the tx hash (lower-case hex, no 0x). */
    static String txHash(JsonNode root) {
        return text(root, "tx_hash", "sendTx");
    }
}
