package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.engine.BookLevel;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.MarketStats;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.OrderStatus;
import io.perpcarry.emulator.engine.Side;
import io.perpcarry.emulator.engine.Trade;
import io.perpcarry.emulator.engine.VenueMarket;
import io.perpcarry.emulator.scenario.LighterMarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Lighter's JSON shapes (OpenAPI {@code definitions}) built from engine records. Decimal strings carry exactly
 * the market's decimals because the SDK turns {@code "3024.66"} into the integer 302466 by deleting the dot.
 */
final class LighterJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int USDC_DECIMALS = 6;
    /** Percent strings, as recorded in live market_stats (captures/lighter/ws_market_stats.json). */
    static final String FUNDING_CLAMP_SMALL = "0.0500";
    static final String FUNDING_CLAMP_BIG = "4.0000";
    static final String BASE_INTEREST_RATE = "0.0100";

    private LighterJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode ok() {
        return object().put("code", 200);
    }

    static String fixed(BigDecimal v, int decimals) {
        return (v == null ? BigDecimal.ZERO : v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String usdc(BigDecimal v) {
        return fixed(v, USDC_DECIMALS);
    }

    static String price(VenueMarket m, BigDecimal v) {
        return fixed(v, m.priceDecimals());
    }

    static String size(VenueMarket m, BigDecimal v) {
        return fixed(v, m.sizeDecimals());
    }

    static double num(BigDecimal v) {
        return v == null ? 0.0 : v.doubleValue();
    }

    static LighterMarketSpec spec(VenueMarket m) {
        return m.spec().lighter();
    }

    static int marketId(VenueMarket m) {
        return Integer.parseInt(m.venueMarketId());
    }

    /** Margin fraction as Lighter's integer in 1/10000. */
    static int fractionTicks(BigDecimal fraction) {
        return fraction.movePointRight(4).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** OpenAPI {@code OrderBook}. Fees as percentages (Lighter documents them "in percentage"). */
    static ObjectNode orderBook(VenueMarket m) {
        LighterMarketSpec s = spec(m);
        ObjectNode o = object();
        o.put("symbol", m.symbol());
        o.put("market_id", marketId(m));
        o.put("market_type", "perp");
        o.put("base_asset_id", 0);
        o.put("quote_asset_id", 0); // perps: 0 in live orderBooks/orderBookDetails captures
        o.put("status", "active");
        o.put("taker_fee", fixed(m.takerFee().movePointRight(2), 4));
        o.put("is_taker_fee_enabled", m.takerFee().signum() != 0);
        o.put("maker_fee", fixed(m.makerFee().movePointRight(2), 4));
        o.put("is_maker_fee_enabled", m.makerFee().signum() != 0);
        o.put("liquidation_fee", "1.0000");
        o.put("min_base_amount", size(m, s.minBaseAmount()));
        o.put("min_quote_amount", fixed(s.minQuoteAmount(), USDC_DECIMALS));
        o.put("order_quote_limit", "281474976.710655"); // live 2026 captures
        o.put("supported_size_decimals", m.sizeDecimals());
        o.put("supported_price_decimals", m.priceDecimals());
        o.put("supported_quote_decimals", USDC_DECIMALS); // always 6 in live captures
        o.put("created_at", "1717200000000");
        o.put("multiplier", "1.000000000000000000");
        return o;
    }

    /** OpenAPI {@code PerpsOrderBookDetail}. */
    static ObjectNode orderBookDetail(VenueMarket m, MarketStats st) {
        LighterMarketSpec s = spec(m);
        ObjectNode o = orderBook(m);
        o.put("size_decimals", m.sizeDecimals());
        o.put("price_decimals", m.priceDecimals());
        o.put("quote_multiplier", 1);
        o.put("default_initial_margin_fraction", fractionTicks(s.initialMarginFraction()));
        o.put("min_initial_margin_fraction", Math.max(1, 10_000 / s.maxLeverage()));
        o.put("maintenance_margin_fraction", fractionTicks(s.maintenanceMarginFraction()));
        o.put("closeout_margin_fraction", Math.max(1, fractionTicks(s.maintenanceMarginFraction()) * 2 / 3));
        o.put("mark_price", price(m, st.markPrice()));
        o.put("index_price", price(m, st.indexPrice()));
        o.put("last_trade_price", num(st.lastTradePrice()));
        o.put("daily_trades_count", st.trades24h());
        o.put("daily_base_token_volume", num(st.volume24hBase()));
        o.put("daily_quote_token_volume", num(st.volume24hQuote()));
        o.put("daily_price_low", num(st.low24h()));
        o.put("daily_price_high", num(st.high24h()));
        o.put("daily_price_change", num(changePct(st)));
        o.put("open_interest", num(st.openInterest()));
        o.set("daily_chart", object());
        ObjectNode cfg = object();
        cfg.put("market_margin_mode", 0);
        cfg.put("insurance_fund_account_index", 281474976710655L);
        cfg.put("liquidation_mode", 0);
        cfg.put("force_reduce_only", false);
        cfg.put("trading_hours", "");
        cfg.put("funding_fee_discounts_enabled", false);
        cfg.put("hidden", false);
        cfg.put("rfq_enabled", false);
        o.set("market_config", cfg);
        o.put("strategy_index", 0);
        o.put("market_flags", 0);
        o.put("funding_premium_multiplier", 100);
        // required by the OpenAPI spec though absent from live orderBookDetails; values and PERCENT units
        // as live market_stats frames carry them (captures/lighter/ws_market_stats.json)
        o.put("funding_clamp_small", FUNDING_CLAMP_SMALL);
        o.put("funding_clamp_big", FUNDING_CLAMP_BIG);
        o.put("base_interest_rate", BASE_INTEREST_RATE);
        return o;
    }

    static BigDecimal changePct(MarketStats st) {
        if (st.openPrice24h() == null || st.openPrice24h().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return st.markPrice().subtract(st.openPrice24h()).movePointRight(2)
                .divide(st.openPrice24h(), 6, RoundingMode.HALF_EVEN);
    }

    /**
     * OpenAPI {@code SimpleOrder} for one synthetic book level (the engine's market maker, account 0). The
     * order index is derived from the price so a level keeps its index while it rests.
     */
    static ObjectNode simpleOrder(VenueMarket m, BookLevel l, boolean ask, Instant now) {
        long idx = (1L << 48) + (ask ? 1L << 47 : 0) + l.price().movePointRight(m.priceDecimals()).longValue();
        ObjectNode o = object();
        o.put("order_index", idx);
        o.put("order_id", Long.toString(idx));
        o.put("owner_account_index", 0);
        o.put("initial_base_amount", size(m, l.size()));
        o.put("remaining_base_amount", size(m, l.size()));
        o.put("price", price(m, l.price()));
        o.put("order_expiry", now.plus(java.time.Duration.ofDays(28)).toEpochMilli());
        o.put("transaction_time", 0); // 0 in every live capture of this endpoint
        return o;
    }

    /** OpenAPI {@code SimpleOrder} for an account's own resting order (it is in the public book). */
    static ObjectNode simpleOrder(VenueMarket m, Order order) {
        ObjectNode o = object();
        o.put("order_index", order.orderId());
        o.put("order_id", Long.toString(order.orderId()));
        o.put("owner_account_index", order.accountId());
        o.put("initial_base_amount", size(m, order.size()));
        o.put("remaining_base_amount", size(m, order.remainingSize()));
        o.put("price", price(m, order.price()));
        o.put("order_expiry", order.expiry() == null ? 0 : order.expiry().toEpochMilli());
        o.put("transaction_time", 0);
        return o;
    }

    /** OpenAPI {@code Trade} from a public trade; {@code txHash} the transaction that caused it. */
    static ObjectNode trade(VenueMarket m, Trade t, String txHash) {
        boolean takerBuys = t.takerSide() == Side.BUY;
        return tradeNode(m, t.tradeId(), t.price(), t.size(), t.sellOrderId(), t.buyOrderId(), cid(t.sellClientOrderId()),
                cid(t.buyClientOrderId()), t.sellerAccountId(), t.buyerAccountId(), takerBuys, t.liquidation(), t.time(),
                txHash);
    }

    private static long cid(String clientOrderId) {
        return clientOrderId == null ? 0 : Long.parseLong(clientOrderId);
    }

    /** A trade the emulator's market maker caused (no client tx): a hash derived from the trade id. */
    static String makerTxHash(long tradeId) {
        return String.format("%080x", tradeId);
    }

    /**
     * OpenAPI {@code Trade} from one of the account's fills (the counterparty is the market maker, account 0);
     * {@code txHash} the transaction that caused it.
     */
    static ObjectNode trade(VenueMarket m, Fill f, String txHash) {
        boolean buy = f.side() == Side.BUY;
        boolean taker = f.liquidity() == io.perpcarry.emulator.engine.Liquidity.TAKER;
        long cid = f.clientOrderId() == null ? 0 : Long.parseLong(f.clientOrderId());
        // the account is the bid when it buys; the maker is the side that was resting
        boolean makerIsAsk = buy == taker;
        return tradeNode(m, f.tradeId(), f.price(), f.size(), buy ? 0 : f.orderId(), buy ? f.orderId() : 0,
                buy ? 0 : cid, buy ? cid : 0, buy ? 0 : f.accountId(), buy ? f.accountId() : 0, makerIsAsk,
                f.liquidation(), f.time(), txHash);
    }

    private static ObjectNode tradeNode(VenueMarket m, long id, BigDecimal px, BigDecimal sz, long askId, long bidId,
                                        long askCid, long bidCid, long askAccount, long bidAccount, boolean makerIsAsk,
                                        boolean liquidation, Instant time, String txHash) {
        ObjectNode o = object();
        o.put("trade_id", id);
        o.put("trade_id_str", Long.toString(id));
        o.put("tx_hash", txHash);
        o.put("type", liquidation ? "liquidation" : "trade");
        o.put("market_id", marketId(m));
        o.put("size", size(m, sz));
        o.put("price", price(m, px));
        o.put("usd_amount", usdc(px.multiply(sz)));
        o.put("ask_id", askId);
        o.put("ask_id_str", Long.toString(askId));
        o.put("bid_id", bidId);
        o.put("bid_id_str", Long.toString(bidId));
        o.put("ask_client_id", askCid);
        o.put("ask_client_id_str", Long.toString(askCid));
        o.put("bid_client_id", bidCid);
        o.put("bid_client_id_str", Long.toString(bidCid));
        o.put("ask_account_id", askAccount);
        o.put("bid_account_id", bidAccount);
        o.put("is_maker_ask", makerIsAsk);
        o.put("block_height", time.getEpochSecond());
        o.put("timestamp", time.toEpochMilli());
        o.put("taker_fee", 0);
        o.put("taker_position_size_before", "0");
        o.put("taker_entry_quote_before", "0");
        o.put("taker_initial_margin_fraction_before", 0);
        o.put("taker_position_sign_changed", false);
        o.put("maker_fee", 0);
        o.put("maker_position_size_before", "0");
        o.put("maker_entry_quote_before", "0");
        o.put("maker_initial_margin_fraction_before", 0);
        o.put("maker_position_sign_changed", false);
        o.put("transaction_time", micros(time));
        o.put("ask_account_pnl", "0");
        o.put("bid_account_pnl", "0");
        o.put("integrator_taker_fee", 0);
        o.put("integrator_taker_fee_collector_index", 0);
        o.put("integrator_maker_fee", 0);
        o.put("integrator_maker_fee_collector_index", 0);
        o.put("taker_allocated_margin_usdc_before", 0);
        o.put("taker_allocated_margin_usdc_after", 0);
        o.put("maker_allocated_margin_usdc_before", 0);
        o.put("maker_allocated_margin_usdc_after", 0);
        return o;
    }

    /** OpenAPI {@code Order}. */
    static ObjectNode order(VenueMarket m, Order o) {
        ObjectNode n = object();
        long cid = o.clientOrderId() == null ? 0 : Long.parseLong(o.clientOrderId());
        BigDecimal px = o.price() == null ? BigDecimal.ZERO : o.price();
        n.put("order_index", o.orderId());
        n.put("client_order_index", cid);
        n.put("order_id", Long.toString(o.orderId()));
        n.put("client_order_id", Long.toString(cid));
        n.put("market_index", marketId(m));
        n.put("owner_account_index", o.accountId());
        n.put("initial_base_amount", size(m, o.size()));
        n.put("price", price(m, px));
        n.put("nonce", 0);
        n.put("remaining_base_amount", size(m, o.remainingSize()));
        n.put("is_ask", o.side() == Side.SELL);
        n.put("base_size", o.size().movePointRight(m.sizeDecimals()).longValue());
        n.put("base_price", px.movePointRight(m.priceDecimals()).intValue());
        n.put("filled_base_amount", size(m, o.filledSize()));
        n.put("filled_quote_amount", usdc(o.filledQuote()));
        n.put("side", ""); // live answers leave it empty; the side is is_ask (captures accountActiveOrders)
        n.put("type", o.type() == io.perpcarry.emulator.engine.OrderType.MARKET ? "market" : "limit");
        n.put("time_in_force", switch (o.timeInForce()) {
            case IOC, FOK -> "immediate-or-cancel";
            case GTT -> "good-till-time";
            case POST_ONLY -> "post-only";
        });
        n.put("reduce_only", o.reduceOnly());
        n.put("trigger_price", price(m, BigDecimal.ZERO));
        n.put("order_expiry", o.expiry() == null ? 0 : o.expiry().toEpochMilli());
        n.put("status", status(o));
        n.put("trigger_status", "na");
        n.put("trigger_time", 0);
        n.put("parent_order_index", 0);
        n.put("parent_order_id", "0");
        n.put("to_trigger_order_id_0", "0");
        n.put("to_trigger_order_id_1", "0");
        n.put("to_cancel_order_id_0", "0");
        n.put("integrator_fee_collector_index", "0");
        n.put("integrator_taker_fee", "0");
        n.put("integrator_maker_fee", "0");
        n.put("order_flags", 0);
        n.put("block_height", o.updatedAt().getEpochSecond());
        n.put("timestamp", o.createdAt().getEpochSecond());
        n.put("created_at", o.createdAt().getEpochSecond());
        n.put("updated_at", o.updatedAt().getEpochSecond());
        n.put("transaction_time", micros(o.updatedAt()));
        return n;
    }

    static String status(Order o) {
        if (o.status() == OrderStatus.OPEN) {
            return "open";
        }
        if (o.status() == OrderStatus.FILLED) {
            return "filled";
        }
        return switch (o.cancelReason() == null ? io.perpcarry.emulator.engine.CancelReason.USER : o.cancelReason()) {
            case USER -> "canceled";
            case IMMEDIATE_REMAINDER -> "canceled-not-enough-liquidity";
            case EXPIRED -> "canceled-expired";
            case REDUCE_ONLY -> "canceled-reduce-only";
            case LIQUIDATION -> "canceled-liquidation";
            case MARGIN_NOT_ALLOWED -> "canceled-margin-not-allowed";
            case REFUSED_AT_EXECUTION -> "canceled-invalid-balance";
        };
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
