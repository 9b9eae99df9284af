package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.LighterAuthToken;
import io.perpcarry.crypto.lighter.LighterAuthTokenException;
import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.EngineRejection;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.FundingPayment;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.Position;
import io.perpcarry.emulator.engine.VenueMarket;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Accounts, API keys, nonces, and the auth-gated reads (position funding, active orders). */
final class LighterAccountHandlers {
    private final Exchange exchange;
    private final Clock clock;
    private final LighterApiKeys keys;
    private final LighterMarketHandlers markets;
    private final Map<Long, String> l1Addresses;

    LighterAccountHandlers(Exchange exchange, Clock clock, LighterApiKeys keys, LighterMarketHandlers markets,
                           Map<Long, String> l1Addresses) {
        this.exchange = exchange;
        this.clock = clock;
        this.keys = keys;
        this.markets = markets;
        this.l1Addresses = l1Addresses;
    }

    AccountSnapshot snapshot(long account) {
        try {
            return exchange.account(account);
        } catch (EngineRejection e) {
            throw LighterApiException.badRequest(LighterErrors.ACCOUNT_NOT_FOUND, "account not found");
        }
    }

    /** {@code /api/v1/account?by=index|l1_address&value=...}. */
    void account(RoutingContext ctx) {
        String by = ctx.request().getParam("by");
        String value = ctx.request().getParam("value");
        if (value == null || value.isBlank()) {
            throw LighterErrors.invalidParam("value is required");
        }
        long index;
        if ("index".equals(by)) {
            try {
                index = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw LighterErrors.invalidParam("value must be an account index");
            }
        } else if ("l1_address".equals(by)) {
            index = l1Addresses.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(value.trim()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> LighterApiException.badRequest(
                            LighterErrors.ACCOUNT_NOT_FOUND, "account not found"));
        } else {
            throw LighterErrors.invalidParam("by must be index or l1_address");
        }
        ObjectNode o = LighterJson.ok();
        o.put("total", 1);
        o.set("accounts", LighterJson.array().add(detailedAccount(index)));
        LighterWire.json(ctx, o);
    }

    ObjectNode detailedAccount(long index) {
        AccountSnapshot a = snapshot(index);
        return LighterAccountJson.detailedAccount(a, l1Addresses.getOrDefault(index, ""), positions(a));
    }

    /** Positions of an account as Lighter lists them (AccountPosition objects, one per touched market). */
    ArrayNode positions(AccountSnapshot a) {
        ArrayNode arr = LighterJson.array();
        for (Position p : a.positions()) {
            VenueMarket m = exchange.market(p.symbol());
            arr.add(LighterAccountJson.position(m, p, exchange.openOrders(a.accountId(), p.symbol()).size()));
        }
        return arr;
    }

    void apiKeys(RoutingContext ctx) {
        long account = LighterWire.requiredLong(ctx, "account_index");
        int keyIndex = (int) LighterWire.optionalLong(ctx, "api_key_index", 255);
        ArrayNode arr = LighterJson.array();
        for (long[] k : keys.keysOf(account, keyIndex)) {
            arr.add(LighterJson.object().put("account_index", account).put("api_key_index", (int) k[0])
                    .put("nonce", k[1]).put("public_key", keys.publicKeyHex(account, (int) k[0]))
                    .put("transaction_time", LighterJson.micros(clock.instant())));
        }
        ObjectNode o = LighterJson.ok();
        o.set("api_keys", arr);
        LighterWire.json(ctx, o);
    }

    void nextNonce(RoutingContext ctx) {
        long account = LighterWire.requiredLong(ctx, "account_index");
        int key = (int) LighterWire.requiredLong(ctx, "api_key_index");
        LighterWire.json(ctx, LighterJson.ok().put("nonce", keys.nextNonce(account, key)));
    }

    /** Auth-gated: {@code auth} / {@code authorization} query parameter or {@code Authorization} header. */
    void positionFunding(RoutingContext ctx) {
        long account = LighterWire.requiredLong(ctx, "account_index");
        authorize(ctx, account);
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > 100) {
            throw LighterErrors.invalidParam("limit must be 1..100");
        }
        long marketId = LighterWire.optionalLong(ctx, "market_id", 255);
        String side = ctx.request().getParam("side", "all");
        if (!side.equals("all") && !side.equals("long") && !side.equals("short")) {
            throw LighterErrors.invalidParam("side must be long, short or all");
        }
        String symbol = marketId == 255 ? null : markets.market(marketId).symbol();
        long from = LighterWire.optionalLong(ctx, "start_timestamp", Long.MIN_VALUE);
        long to = LighterWire.optionalLong(ctx, "end_timestamp", Long.MAX_VALUE);
        int offset = FundingCursor.offset(ctx.request().getParam("cursor"));
        snapshot(account);
        // newest first, the side and time filters before paging; next_cursor while rows remain (as the venue pages)
        List<FundingPayment> rows = exchange.fundingPayments(account, symbol, Integer.MAX_VALUE).stream()
                .filter(p -> side.equals("all") || side.equals("long") == (p.positionSize().signum() >= 0))
                .filter(p -> p.time().getEpochSecond() >= from && p.time().getEpochSecond() <= to)
                .toList();
        ArrayNode arr = LighterJson.array();
        int end = (int) Math.min(rows.size(), offset + limit);
        for (FundingPayment p : rows.subList(Math.min(offset, end), end)) {
            arr.add(LighterAccountJson.positionFunding(exchange.market(p.symbol()), p));
        }
        ObjectNode o = LighterJson.ok();
        o.set("position_fundings", arr);
        if (end < rows.size()) {
            o.put("next_cursor", FundingCursor.of(end));
        }
        LighterWire.json(ctx, o);
    }

    /** An opaque base64 cursor, shaped as the venue's ({@code eyJp...}: {@code {"i...}), holding the next row's offset. */
    static final class FundingCursor {
        private FundingCursor() {
        }

        static String of(int offset) {
            return java.util.Base64.getEncoder().encodeToString(("{\"i\":" + offset + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static int offset(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return 0;
            }
            try {
                String json = new String(java.util.Base64.getDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\{\"i\":(\\d{1,9})}$").matcher(json);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            } catch (IllegalArgumentException bad) {
                // not base64: refused below
            }
            throw LighterErrors.invalidParam("cursor is not valid");
        }
    }

    void activeOrders(RoutingContext ctx) {
        long account = LighterWire.requiredLong(ctx, "account_index");
        authorize(ctx, account);
        long marketId = LighterWire.optionalLong(ctx, "market_id", 255);
        String symbol = marketId == 255 ? null : markets.market(marketId).symbol();
        snapshot(account);
        ArrayNode arr = LighterJson.array();
        for (Order o : exchange.openOrders(account, symbol)) {
            arr.add(LighterJson.order(exchange.market(o.symbol()), o));
        }
        ObjectNode o = LighterJson.ok();
        o.set("orders", arr);
        LighterWire.json(ctx, o);
    }

    /**
     * {@code /api/v1/accountInactiveOrders} (auth): the account's ended orders (filled, canceled, expired),
     * newest first, with their final status; what settles a leg from evidence after an IOC.
     */
    void inactiveOrders(RoutingContext ctx) {
        long account = LighterWire.requiredLong(ctx, "account_index");
        authorize(ctx, account);
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > 100) {
            throw LighterErrors.invalidParam("limit must be 1..100");
        }
        long marketId = LighterWire.optionalLong(ctx, "market_id", 255);
        long askFilter = LighterWire.optionalLong(ctx, "ask_filter", -1);
        String symbol = marketId == 255 ? null : markets.market(marketId).symbol();
        long skip = cursor(ctx);
        snapshot(account);
        ArrayNode arr = LighterJson.array();
        long seen = 0;
        boolean more = false;
        for (Order o : exchange.orderHistory(account, symbol, io.perpcarry.emulator.engine.Exchange.HISTORY_READ_LIMIT)) {
            boolean ask = o.side() == io.perpcarry.emulator.engine.Side.SELL;
            if (askFilter == 0 && ask || askFilter == 1 && !ask) {
                continue;
            }
            if (seen++ < skip) {
                continue;
            }
            if (arr.size() == limit) {
                more = true;
                break;
            }
            arr.add(LighterJson.order(exchange.market(o.symbol()), o));
        }
        ObjectNode o = LighterJson.ok();
        if (more) {
            o.put("next_cursor", Long.toString(skip + limit));
        }
        o.set("orders", arr);
        LighterWire.json(ctx, o);
    }

    /**
     * {@code /api/v1/trades}: with {@code account_index} (auth) the account's fills, each with its client order
     * index and the hash of the tx that caused it; without, the market's public trades. Newest first.
     */
    void trades(RoutingContext ctx) {
        String sortBy = ctx.request().getParam("sort_by");
        if (!java.util.List.of("block_height", "timestamp", "trade_id").contains(String.valueOf(sortBy))) {
            throw LighterErrors.invalidParam("sort_by must be block_height, timestamp or trade_id");
        }
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > 100) {
            throw LighterErrors.invalidParam("limit must be 1..100");
        }
        long account = LighterWire.optionalLong(ctx, "account_index", -1);
        long marketId = LighterWire.optionalLong(ctx, "market_id", 255);
        long orderIndex = LighterWire.optionalLong(ctx, "order_index", -1);
        String symbol = marketId == 255 ? null : markets.market(marketId).symbol();
        long skip = cursor(ctx);
        ArrayNode all = LighterJson.array();
        if (account >= 0) {
            authorize(ctx, account);
            snapshot(account);
            for (io.perpcarry.emulator.engine.Fill f : exchange.fills(account, symbol,
                    io.perpcarry.emulator.engine.Exchange.HISTORY_READ_LIMIT)) {
                if (orderIndex >= 0 && f.orderId() != orderIndex) {
                    continue;
                }
                all.add(LighterJson.trade(exchange.market(f.symbol()), f, markets.txLog().hashOf(f)));
            }
        } else {
            for (VenueMarket m : symbol == null ? markets.markets() : java.util.List.of(markets.market(marketId))) {
                for (io.perpcarry.emulator.engine.Trade t : exchange.recentTrades(m.symbol(), 1_000)) {
                    all.add(LighterJson.trade(m, t, markets.txLog().hashOf(t)));
                }
            }
        }
        ArrayNode page = LighterJson.array();
        for (int i = (int) Math.min(skip, all.size()); i < all.size() && page.size() < limit; i++) {
            page.add(all.get(i));
        }
        ObjectNode o = LighterJson.ok();
        if (skip + page.size() < all.size()) {
            o.put("next_cursor", Long.toString(skip + page.size()));
        }
        o.set("trades", page);
        LighterWire.json(ctx, o);
    }

    /** {@code /api/v1/pnl} (auth): one entry, now: trade PnL = realised + unrealised of the account's positions. */
    void pnl(RoutingContext ctx) {
        if (!"index".equals(ctx.request().getParam("by"))) {
            throw LighterErrors.invalidParam("by must be index");
        }
        long account;
        try {
            account = Long.parseLong(String.valueOf(ctx.request().getParam("value")).trim());
        } catch (NumberFormatException e) {
            throw LighterErrors.invalidParam("value must be an account index");
        }
        String resolution = ctx.request().getParam("resolution", "");
        if (!java.util.List.of("1m", "5m", "15m", "1h", "4h", "1d").contains(resolution)) {
            throw LighterErrors.invalidParam("resolution must be 1m, 5m, 15m, 1h, 4h or 1d");
        }
        LighterWire.requiredLong(ctx, "start_timestamp");
        LighterWire.requiredLong(ctx, "end_timestamp");
        long countBack = LighterWire.requiredLong(ctx, "count_back");
        authorize(ctx, account);
        AccountSnapshot a = snapshot(account);
        java.math.BigDecimal trade = java.math.BigDecimal.ZERO;
        java.math.BigDecimal volume = java.math.BigDecimal.ZERO;
        for (Position p : a.positions()) {
            trade = trade.add(p.realizedPnl()).add(p.unrealizedPnl());
        }
        for (io.perpcarry.emulator.engine.Fill f : exchange.fills(account, null,
                io.perpcarry.emulator.engine.Exchange.HISTORY_READ_LIMIT)) {
            volume = volume.add(f.quote());
        }
        ArrayNode arr = LighterJson.array();
        if (countBack > 0) {
            ObjectNode e = LighterJson.object().put("timestamp", clock.instant().getEpochSecond())
                    .put("trade_pnl", trade.doubleValue()).put("trade_spot_pnl", 0.0).put("inflow", 0.0)
                    .put("outflow", 0.0).put("spot_outflow", 0.0).put("spot_inflow", 0.0).put("pool_pnl", 0.0)
                    .put("pool_inflow", 0.0).put("pool_outflow", 0.0).put("staking_pnl", 0.0)
                    .put("staking_inflow", 0.0).put("staking_outflow", 0.0).put("pool_total_shares", 0.0)
                    .put("staked_lit", 0.0).put("volume", volume.doubleValue());
            arr.add(e);
        }
        ObjectNode o = LighterJson.ok();
        o.put("resolution", resolution);
        o.set("pnl", arr);
        LighterWire.json(ctx, o);
    }

    /** {@code /api/v1/accountsByL1Address}: the accounts of an L1 address ({@code Account} objects). */
    void accountsByL1Address(RoutingContext ctx) {
        String l1 = ctx.request().getParam("l1_address");
        if (l1 == null || l1.isBlank()) {
            throw LighterErrors.invalidParam("l1_address is required");
        }
        ArrayNode arr = LighterJson.array();
        l1Addresses.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(l1.trim())).map(Map.Entry::getKey)
                .sorted().forEach(index -> {
                    AccountSnapshot a = snapshot(index);
                    arr.add(LighterAccountJson.account(a, l1Addresses.get(index)));
                });
        if (arr.isEmpty()) {
            throw LighterApiException.badRequest(LighterErrors.ACCOUNT_NOT_FOUND, "account not found");
        }
        ObjectNode o = LighterJson.ok();
        o.put("l1_address", l1.trim());
        o.set("sub_accounts", arr);
        LighterWire.json(ctx, o);
    }

    private static long cursor(RoutingContext ctx) {
        String c = ctx.request().getParam("cursor");
        if (c == null || c.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(c.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw LighterErrors.invalidParam("invalid cursor");
        }
    }

    /** Verifies the auth token's signature under the registered key, its deadline, and its account. */
    void authorize(RoutingContext ctx, long account) {
        String token = ctx.request().getParam("auth");
        if (token == null) {
            token = ctx.request().getParam("authorization");
        }
        if (token == null) {
            token = ctx.request().getHeader("Authorization");
        }
        verifyToken(token, account);
    }

    void verifyToken(String token, long account) {
        if (token == null || token.isBlank()) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_AUTH, "invalid auth: auth token is required");
        }
        try {
            LighterAuthToken parsed = LighterAuthToken.parse(token.trim());
            if (parsed.accountIndex() != account) {
                throw LighterApiException.badRequest(LighterErrors.INVALID_AUTH,
                        "invalid auth: token is for account " + parsed.accountIndex());
            }
            byte[] pk = HexFormat.of().parseHex(keys.publicKeyHex(account, parsed.apiKeyIndex()));
            LighterAuthToken.verify(token.trim(), pk, clock.instant().getEpochSecond());
        } catch (LighterAuthTokenException e) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_AUTH, "invalid auth: " + e.getMessage());
        }
    }
}
