package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.Fill;
import io.perpcarry.venue.OrderOutcome;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settling our orders from Lighter's records. Lighter acknowledges {@code sendTx} before the sequencer executes it,
 * so an order is first nowhere, then open or ended: {@code accountActiveOrders} then {@code accountInactiveOrders}
 * (newest 100 ended orders of the market), matched by {@code client_order_index} (unique per account). Fills come
 * from {@code trades} filtered by account and market, our side found by account id (recorded
 * {@code account_all_trades} frames: match the account against {@code ask_account_id}/{@code bid_account_id}).
 */
final class LighterFills {
    static final String INACTIVE_ORDERS = "/api/v1/accountInactiveOrders";
    static final String TRADES = "/api/v1/trades";
    private static final int PAGE = 100;
    /** Trade fee fields are integer rates in millionths of usd_amount (ccxt's frame: maker_fee 20 = 0.002 %). */
    private static final int FEE_RATE_SCALE = 6;

    /** An auth-gated GET answering the parsed, code-checked body. */
    interface AuthedGet {
        JsonNode get(String path, Map<String, String> query, String what);
    }

    private final long account;
    private final AuthedGet http;

    LighterFills(long account, AuthedGet http) {
        this.account = account;
        this.http = http;
    }

    OrderOutcome outcome(String symbol, int marketId, long clientOrderId) {
        Map<String, String> q = Map.of("account_index", Long.toString(account), "market_id", Integer.toString(marketId));
        JsonNode active = http.get(LighterConnector.ACTIVE_ORDERS, q, "accountActiveOrders");
        Optional<JsonNode> found = find(LighterJson.array(active, "orders", "accountActiveOrders"), clientOrderId);
        if (found.isEmpty()) {
            JsonNode ended = http.get(INACTIVE_ORDERS, Map.of("account_index", Long.toString(account), "market_id",
                    Integer.toString(marketId), "limit", Integer.toString(PAGE)), "accountInactiveOrders");
            found = find(LighterJson.array(ended, "orders", "accountInactiveOrders"), clientOrderId);
        }
        return found.map(o -> outcome(symbol, clientOrderId, o))
                .orElseGet(() -> OrderOutcome.notFound(Venue.LIGHTER, symbol, clientOrderId));
    }

    List<Fill> fills(String symbol, int marketId, Instant since) {
        JsonNode root = http.get(TRADES, Map.of("account_index", Long.toString(account), "market_id",
                Integer.toString(marketId), "sort_by", "timestamp", "limit", Integer.toString(PAGE)), "trades");
        List<Fill> out = new ArrayList<>();
        for (JsonNode t : LighterJson.array(root, "trades", "trades")) {
            Fill f = fill(symbol, t);
            if (!f.time().isBefore(since)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    private Fill fill(String symbol, JsonNode t) {
        String where = "trades";
        boolean bid = LighterJson.integer(t, "bid_account_id", where) == account;
        if (!bid && LighterJson.integer(t, "ask_account_id", where) != account) {
            throw LighterJson.malformed("trade " + t.path("trade_id") + " is not account " + account + "'s");
        }
        String side = bid ? "bid" : "ask";
        boolean makerIsAsk = LighterJson.bool(t, "is_maker_ask", where);
        boolean maker = makerIsAsk != bid;
        BigDecimal usd = LighterJson.decimal(t, "usd_amount", where);
        // omitted when zero (the 2025 ccxt frame carries maker_fee only)
        JsonNode rate = t.get(maker ? "maker_fee" : "taker_fee");
        BigDecimal fee = rate == null || rate.isNull() ? BigDecimal.ZERO
                : usd.multiply(BigDecimal.valueOf(LighterJson.integer(t, maker ? "maker_fee" : "taker_fee", where)))
                        .movePointLeft(FEE_RATE_SCALE);
        return new Fill(Venue.LIGHTER, symbol, Long.toString(LighterJson.integer(t, "trade_id", where)),
                Long.toString(LighterJson.integer(t, side + "_id", where)),
                LighterJson.integer(t, side + "_client_id", where), bid ? OrderSide.BUY : OrderSide.SELL,
                LighterJson.decimal(t, "price", where), LighterJson.decimal(t, "size", where), fee,
                timestamp(LighterJson.integer(t, "timestamp", where)));
    }

    /** Trade timestamps are ms in recorded frames; the spec's example is in seconds: tell them apart by size. */
    private static Instant timestamp(long v) {
        return v < 100_000_000_000L ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
    }

    private static Optional<JsonNode> find(JsonNode orders, long clientOrderId) {
        for (JsonNode o : orders) {
            if (LighterJson.integer(o, "client_order_index", "order") == clientOrderId) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static OrderOutcome outcome(String symbol, long clientOrderId, JsonNode o) {
        String where = "order #" + clientOrderId;
        String status = LighterJson.text(o, "status", where);
        BigDecimal filled = LighterJson.decimal(o, "filled_base_amount", where);
        BigDecimal quote = LighterJson.decimal(o, "filled_quote_amount", where);
        OrderOutcome.State state;
        if (status.equals("filled")) {
            state = OrderOutcome.State.FILLED;
        } else if (status.startsWith("canceled")) {
            state = filled.signum() > 0 ? OrderOutcome.State.PARTIALLY_FILLED : OrderOutcome.State.CANCELED;
        } else if (status.equals("open") || status.equals("pending") || status.equals("in-progress")) {
            state = OrderOutcome.State.OPEN;
        } else {
            throw LighterJson.malformed(where + ": unknown order status '" + status + "'");
        }
        Optional<BigDecimal> avg = filled.signum() > 0
                ? Optional.of(quote.divide(filled, MathContext.DECIMAL64)) : Optional.empty();
        return new OrderOutcome(Venue.LIGHTER, symbol, clientOrderId, Optional.of(LighterJson.text(o, "order_id", where)),
                state, filled, avg, status);
    }
}
