package io.perpcarry.emulator.lighter;

import static io.perpcarry.emulator.lighter.LighterJson.fixed;
import static io.perpcarry.emulator.lighter.LighterJson.marketId;
import static io.perpcarry.emulator.lighter.LighterJson.object;
import static io.perpcarry.emulator.lighter.LighterJson.usdc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.FundingPayment;
import io.perpcarry.emulator.engine.Position;
import io.perpcarry.emulator.engine.VenueMarket;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Account shapes: OpenAPI {@code DetailedAccount}, {@code AccountPosition}, {@code PositionFunding}, WS user stats. */
final class LighterAccountJson {
    private LighterAccountJson() {
    }

    /** OpenAPI {@code Account} (the summary {@code accountsByL1Address} lists). */
    static ObjectNode account(AccountSnapshot a, String l1Address) {
        ObjectNode o = object();
        o.put("code", 0);
        o.put("account_type", 0);
        o.put("index", a.accountId());
        o.put("l1_address", l1Address);
        o.put("cancel_all_time", 0);
        o.put("total_order_count", a.openOrderCount());
        o.put("total_isolated_order_count", 0);
        o.put("pending_order_count", 0);
        o.put("available_balance", usdc(a.availableBalance()));
        o.put("status", 1);
        o.put("collateral", usdc(a.collateral()));
        o.put("transaction_time", LighterJson.micros(a.time()));
        o.put("account_trading_mode", 0);
        return o;
    }

    /** OpenAPI {@code DetailedAccount}; {@code openOrders} counts per market are looked up by the caller. */
    static ObjectNode detailedAccount(AccountSnapshot a, String l1Address, ArrayNode positions) {
        ObjectNode o = object();
        o.put("code", 0); // 0 inside the account, 200 only at the top (live capture, ccxt)
        o.put("account_type", 0);
        o.put("index", a.accountId());
        o.put("l1_address", l1Address);
        o.put("cancel_all_time", 0);
        o.put("total_order_count", a.openOrderCount());
        o.put("total_isolated_order_count", 0);
        o.put("pending_order_count", 0);
        o.put("available_balance", usdc(a.availableBalance()));
        o.put("status", 1);
        o.put("collateral", usdc(a.collateral()));
        o.put("transaction_time", LighterJson.micros(a.time()));
        o.put("account_trading_mode", 0);
        o.put("account_index", a.accountId());
        o.put("name", "");
        o.put("description", "");
        o.put("can_invite", false);
        o.put("referral_points_percentage", ""); // live: ""
        o.put("can_rfq", false);
        o.set("can_rfq_market_ids", LighterJson.array()); // live: null; the spec requires an array
        o.put("created_at", 1717200000L);
        o.set("metadata", object().put("color", ""));
        o.set("positions", positions);
        ArrayNode assets = LighterJson.array();
        assets.add(asset(a).put("multiplier", "1"));
        o.set("assets", assets);
        o.put("total_asset_value", usdc(a.equity()));
        o.put("cross_asset_value", usdc(a.equity()));
        o.put("cross_initial_margin_requirement", usdc(a.initialMargin()));
        o.put("cross_maintenance_margin_requirement", usdc(a.maintenanceMargin()));
        ObjectNode pool = object();
        pool.put("status", 0).put("operator_fee", "0").put("min_operator_share_rate", "0").put("total_shares", 0)
                .put("operator_shares", 0).put("annual_percentage_yield", 0.0).put("sharpe_ratio", 0.0);
        pool.set("daily_returns", LighterJson.array());
        pool.set("share_prices", LighterJson.array());
        pool.set("strategies", LighterJson.array());
        o.set("pool_info", pool);
        o.set("shares", LighterJson.array());
        o.set("pending_unlocks", LighterJson.array());
        o.set("approved_integrators", LighterJson.array());
        return o;
    }

    /**
     * One {@code AccountAsset}: USDC, asset 3. {@code balance} is the spot balance (the emulator has none) and
     * {@code margin_balance} the perp collateral; {@code margin_mode} "disabled" (live account and
     * account_all_assets captures).
     */
    static ObjectNode asset(AccountSnapshot a) {
        return object().put("symbol", "USDC").put("asset_id", 3).put("balance", usdc(BigDecimal.ZERO))
                .put("locked_balance", usdc(BigDecimal.ZERO)).put("margin_mode", "disabled")
                .put("margin_balance", usdc(a.collateral()));
    }

    /**
     * OpenAPI {@code AccountPosition}: {@code sign} 1 long or FLAT, -1 short (a flat position is never 0 in
     * live captures), {@code position} absolute, {@code position_value} negative for a short,
     * {@code initial_margin_fraction} in percent ("20.00" = 5x).
     */
    static ObjectNode position(VenueMarket m, Position p, int openOrders) {
        ObjectNode o = object();
        o.put("market_id", marketId(m));
        o.put("symbol", m.symbol());
        o.put("initial_margin_fraction",
                fixed(BigDecimal.valueOf(100).divide(BigDecimal.valueOf(p.leverage()), 2, RoundingMode.HALF_EVEN), 2));
        o.put("open_order_count", openOrders);
        o.put("pending_order_count", 0);
        o.put("position_tied_order_count", 0);
        o.put("sign", p.size().signum() < 0 ? -1 : 1);
        o.put("position", LighterJson.size(m, p.size().abs()));
        o.put("avg_entry_price", LighterJson.price(m, p.avgEntryPrice()));
        o.put("position_value", usdc(p.size().signum() < 0 ? p.positionValue().abs().negate() : p.positionValue().abs()));
        o.put("unrealized_pnl", usdc(p.unrealizedPnl()));
        o.put("realized_pnl", usdc(p.realizedPnl()));
        o.put("liquidation_price", LighterJson.price(m, p.liquidationPrice() == null ? BigDecimal.ZERO
                : p.liquidationPrice()));
        // positive = paid out, the opposite of the engine's cash-flow sign
        o.put("total_funding_paid_out", usdc(p.fundingNet().negate()));
        o.put("margin_mode", p.crossMargin() ? 0 : 1);
        o.put("margin_set_flag", 0);
        o.put("allocated_margin", usdc(BigDecimal.ZERO));
        o.put("total_discount", usdc(BigDecimal.ZERO));
        return o;
    }

    /**
     * OpenAPI {@code PositionFunding}. {@code change} is the signed cash flow to the account (negative = paid);
     * {@code rate} is percent of notional for the hour, like {@code /api/v1/fundings}; timestamp in seconds.
     */
    static ObjectNode positionFunding(VenueMarket m, FundingPayment p) {
        ObjectNode o = object();
        o.put("timestamp", p.time().getEpochSecond());
        o.put("market_id", marketId(m));
        o.put("funding_id", p.fundingId());
        o.put("change", usdc(p.amount()));
        o.put("rate", fixed(p.ratePerSettlement().movePointRight(2), 4));
        o.put("position_size", LighterJson.size(m, p.positionSize().abs()));
        o.put("position_side", p.positionSize().signum() >= 0 ? "long" : "short");
        o.put("discount", usdc(BigDecimal.ZERO));
        return o;
    }

    /** WS {@code user_stats} payload. */
    static ObjectNode userStats(AccountSnapshot a) {
        ObjectNode s = statsBlock(a);
        s.set("cross_stats", statsBlock(a));
        s.set("total_stats", statsBlock(a));
        s.put("account_trading_mode", 0);
        return s;
    }

    private static ObjectNode statsBlock(AccountSnapshot a) {
        BigDecimal notional = BigDecimal.ZERO;
        for (Position p : a.positions()) {
            notional = notional.add(p.positionValue().abs());
        }
        BigDecimal eq = a.equity();
        BigDecimal lev = eq.signum() > 0 ? notional.divide(eq, 6, RoundingMode.HALF_EVEN) : BigDecimal.ZERO;
        BigDecimal usage = eq.signum() > 0
                ? a.initialMargin().add(a.orderMargin()).movePointRight(2).divide(eq, 2, RoundingMode.HALF_EVEN)
                : BigDecimal.ZERO;
        return object().put("collateral", usdc(a.collateral())).put("portfolio_value", usdc(eq))
                .put("leverage", fixed(lev, 2)).put("available_balance", usdc(a.availableBalance()))
                .put("margin_usage", fixed(usage, 2))
                .put("buying_power", usdc(a.availableBalance()));
    }
}
