package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.Liquidity;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.VenueMarket;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The account's history reads the bot settles orders from (minimal, spec-shaped): {@code accountInactiveOrders}
 * ({@code Orders}: ended orders, newest first) and {@code trades} filtered by {@code account_index} /
 * {@code order_index} ({@code Trades}). Both auth-gated like {@code accountActiveOrders}. No cursor: one page of at
 * most {@code limit} (1..100) rows, {@code next_cursor} empty.
 */
final class LighterHistoryHandlers {
    private static final int MAX_LIMIT = 100;

    private final Exchange exchange;
    private final LighterMarketHandlers markets;
    private final LighterAccountHandlers accounts;

    LighterHistoryHandlers(Exchange exchange, LighterMarketHandlers markets, LighterAccountHandlers accounts) {
        this.exchange = exchange;
        this.markets = markets;
        this.accounts = accounts;
    }

    void inactiveOrders(RoutingContext ctx) {
        long account = LighterWire.requiredLong(ctx, "account_index");
        accounts.authorize(ctx, account);
        int limit = limit(ctx);
        long marketId = LighterWire.optionalLong(ctx, "market_id", 255);
        String symbol = marketId == 255 ? null : markets.market(marketId).symbol();
        accounts.snapshot(account);
        ArrayNode arr = LighterJson.array();
        for (Order o : exchange.orderHistory(account, symbol, limit)) {
            arr.add(LighterJson.order(exchange.market(o.symbol()), o));
        }
        ObjectNode out = LighterJson.ok();
        out.put("next_cursor", "");
        out.set("orders", arr);
        LighterWire.json(ctx, out);
    }

    void trades(RoutingContext ctx) {
        String sortBy = ctx.request().getParam("sort_by");
        if (sortBy == null || !(sortBy.equals("block_height") || sortBy.equals("timestamp") || sortBy.equals("trade_id"))) {
            throw LighterErrors.invalidParam("sort_by must be block_height, timestamp or trade_id");
        }
        int limit = limit(ctx);
        long account = LighterWire.optionalLong(ctx, "account_index", -1);
        if (account < 0) {
            throw LighterErrors.invalidParam("this emulator serves trades by account_index only");
        }
        accounts.authorize(ctx, account);
        long marketId = LighterWire.optionalLong(ctx, "market_id", 255);
        long orderIndex = LighterWire.optionalLong(ctx, "order_index", -1);
        String symbol = marketId == 255 ? null : markets.market(marketId).symbol();
        accounts.snapshot(account);
        ArrayNode arr = LighterJson.array();
        for (Fill f : exchange.fills(account, symbol, 10_000)) {
            if (arr.size() >= limit) {
                break;
            }
            if (orderIndex >= 0 && f.orderId() != orderIndex) {
                continue;
            }
            VenueMarket m = exchange.market(f.symbol());
            ObjectNode t = LighterJson.trade(m, f);
            // fees as the venue sends them: an integer rate in millionths of usd_amount (ccxt's frame: maker_fee 20
            // = 0.002 %), under the role the account had
            BigDecimal quote = f.quote();
            int ppm = quote.signum() == 0 ? 0
                    : f.fee().movePointRight(6).divide(quote, 0, RoundingMode.HALF_EVEN).intValueExact();
            t.put(f.liquidity() == Liquidity.TAKER ? "taker_fee" : "maker_fee", ppm);
            arr.add(t);
        }
        ObjectNode out = LighterJson.ok();
        out.put("next_cursor", "");
        out.set("trades", arr);
        LighterWire.json(ctx, out);
    }

    private static int limit(RoutingContext ctx) {
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LighterErrors.invalidParam("limit must be 1.." + MAX_LIMIT);
        }
        return (int) limit;
    }
}
