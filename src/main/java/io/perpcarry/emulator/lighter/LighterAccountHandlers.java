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
        snapshot(account);
        ArrayNode arr = LighterJson.array();
        // fetch more than limit so the side filter can still fill the page
        for (FundingPayment p : exchange.fundingPayments(account, symbol, (int) limit * 4)) {
            boolean isLong = p.positionSize().signum() >= 0;
            if ((side.equals("long") && !isLong) || (side.equals("short") && isLong)) {
                continue;
            }
            if (arr.size() < limit) {
                arr.add(LighterAccountJson.positionFunding(exchange.market(p.symbol()), p));
            }
        }
        ObjectNode o = LighterJson.ok();
        o.set("position_fundings", arr);
        LighterWire.json(ctx, o);
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
