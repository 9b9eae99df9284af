package io.perpcarry.emulator.lighter;

import static io.perpcarry.emulator.lighter.LighterJson.marketId;
import static io.perpcarry.emulator.lighter.LighterJson.num;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.engine.BookLevel;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.FundingSettlement;
import io.perpcarry.emulator.engine.MarketStats;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.Trade;
import io.perpcarry.emulator.engine.VenueMarket;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public market data: {@code /}, {@code /info}, order books, trades, stats, funding rates and history. */
final class LighterMarketHandlers {
    /** Lighter's mainnet network id in {@code GET /}. */
    static final int NETWORK_ID = 1;

    private final Exchange exchange;
    private final Clock clock;
    private final LighterTxLog txLog;

    LighterMarketHandlers(Exchange exchange, Clock clock, LighterTxLog txLog) {
        this.exchange = exchange;
        this.clock = clock;
        this.txLog = txLog;
    }

    LighterTxLog txLog() {
        return txLog;
    }

    /** The chain height: the emulator seals one block per second, so it is the epoch second. */
    static long height(Instant t) {
        return t.getEpochSecond();
    }

    /** Markets by Lighter market_id, ascending. */
    List<VenueMarket> markets() {
        List<VenueMarket> all = new ArrayList<>(exchange.markets());
        all.sort(Comparator.comparingInt(LighterJson::marketId));
        return all;
    }

    VenueMarket market(long marketId) {
        return exchange.marketByVenueId(Long.toString(marketId)).orElseThrow(() -> LighterApiException.badRequest(
                LighterErrors.INVALID_MARKET_INDEX, "invalid market index " + marketId));
    }

    /** Markets selected by the optional {@code market_id} (255 = all) and {@code filter} parameters. */
    private List<VenueMarket> selected(RoutingContext ctx) {
        long id = LighterWire.optionalLong(ctx, "market_id", 255);
        String filter = ctx.request().getParam("filter", "all");
        if (!List.of("all", "perp", "spot").contains(filter)) {
            throw LighterErrors.invalidParam("filter must be all, spot or perp");
        }
        if (filter.equals("spot")) {
            return List.of(); // the emulator lists perps only
        }
        return id == 255 ? markets() : List.of(market(id));
    }

    void status(RoutingContext ctx) {
        ObjectNode o = LighterJson.object().put("status", 200).put("network_id", NETWORK_ID)
                .put("timestamp", clock.instant().getEpochSecond());
        LighterWire.json(ctx, o);
    }

    void info(RoutingContext ctx) {
        LighterWire.json(ctx, LighterJson.object().put("contract_address",
                "0x3b4d794a66304f130a4db8f2551b0070dfcf5ca7"));
    }

    void orderBooks(RoutingContext ctx) {
        ArrayNode arr = LighterJson.array();
        selected(ctx).forEach(m -> arr.add(LighterJson.orderBook(m)));
        ObjectNode o = LighterJson.ok();
        o.set("order_books", arr);
        LighterWire.json(ctx, o);
    }

    void orderBookDetails(RoutingContext ctx) {
        ArrayNode arr = LighterJson.array();
        selected(ctx).forEach(m -> arr.add(LighterJson.orderBookDetail(m, exchange.stats(m.symbol()))));
        ObjectNode o = LighterJson.ok();
        o.set("order_book_details", arr);
        o.set("spot_order_book_details", LighterJson.array());
        LighterWire.json(ctx, o);
    }

    /**
     * Resting ORDERS, not levels (several can share a price; captures/lighter/GET_api_v1_orderBookOrders.json):
     * the market maker's level remainder as one order, and every account's own resting orders. An unknown
     * market answers 200 with empty sides; a limit outside 1..250 is 20001 "invalid param " (both recorded).
     */
    void orderBookOrders(RoutingContext ctx) {
        long marketId = LighterWire.requiredLong(ctx, "market_id");
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > 250) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_PARAM, "invalid param ");
        }
        ObjectNode o = LighterJson.ok();
        java.util.Optional<VenueMarket> known = exchange.marketByVenueId(Long.toString(marketId));
        if (known.isEmpty()) {
            o.put("total_asks", 0).set("asks", LighterJson.array());
            o.put("total_bids", 0).set("bids", LighterJson.array());
            LighterWire.json(ctx, o);
            return;
        }
        VenueMarket m = known.get();
        OrderBookSnapshot book = exchange.book(m.symbol(), (int) limit);
        List<io.perpcarry.emulator.engine.Order> own = exchange.restingOrders(m.symbol());
        Instant now = clock.instant();
        ArrayNode asks = orders(m, book.asks(), own, true, now, (int) limit);
        ArrayNode bids = orders(m, book.bids(), own, false, now, (int) limit);
        o.put("total_asks", asks.size());
        o.set("asks", asks);
        o.put("total_bids", bids.size());
        o.set("bids", bids);
        LighterWire.json(ctx, o);
    }

    private static ArrayNode orders(VenueMarket m, List<BookLevel> levels, List<io.perpcarry.emulator.engine.Order> own,
                                    boolean ask, Instant now, int limit) {
        ArrayNode arr = LighterJson.array();
        for (BookLevel l : levels) {
            BigDecimal mine = BigDecimal.ZERO;
            List<io.perpcarry.emulator.engine.Order> here = new ArrayList<>();
            for (io.perpcarry.emulator.engine.Order o : own) {
                if ((o.side() == io.perpcarry.emulator.engine.Side.SELL) == ask && o.price().compareTo(l.price()) == 0) {
                    here.add(o);
                    mine = mine.add(o.remainingSize());
                }
            }
            BigDecimal maker = l.size().subtract(mine);
            if (maker.signum() > 0 && arr.size() < limit) {
                arr.add(LighterJson.simpleOrder(m, new BookLevel(l.price(), maker), ask, now));
            }
            for (io.perpcarry.emulator.engine.Order o : here) {
                if (arr.size() < limit) {
                    arr.add(LighterJson.simpleOrder(m, o));
                }
            }
        }
        return arr;
    }

    void recentTrades(RoutingContext ctx) {
        VenueMarket m = market(LighterWire.requiredLong(ctx, "market_id"));
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > 100) {
            throw LighterErrors.invalidParam("limit must be 1..100");
        }
        ArrayNode arr = LighterJson.array();
        for (Trade t : exchange.recentTrades(m.symbol(), (int) limit)) {
            arr.add(LighterJson.trade(m, t, txLog.hashOf(t)));
        }
        ObjectNode o = LighterJson.ok();
        o.set("trades", arr);
        LighterWire.json(ctx, o);
    }

    void exchangeStats(RoutingContext ctx) {
        ArrayNode arr = LighterJson.array();
        double usd = 0;
        long trades = 0;
        for (VenueMarket m : markets()) {
            MarketStats st = exchange.stats(m.symbol());
            arr.add(LighterJson.object().put("symbol", m.symbol()).put("last_trade_price", num(st.lastTradePrice()))
                    .put("daily_trades_count", st.trades24h()).put("daily_base_token_volume", num(st.volume24hBase()))
                    .put("daily_quote_token_volume", num(st.volume24hQuote()))
                    .put("daily_price_change", num(LighterJson.changePct(st))));
            usd += num(st.volume24hQuote());
            trades += st.trades24h();
        }
        ObjectNode o = LighterJson.ok();
        o.put("total", arr.size());
        o.set("order_book_stats", arr);
        o.put("daily_usd_volume", usd);
        o.put("daily_trades_count", trades);
        LighterWire.json(ctx, o);
    }

    /**
     * Current rates, fraction per 8 h, one row per market and venue. Lighter's row is the engine's estimate;
     * the other venues' rows are synthesized from it (damped towards each venue's usual 0.0001 baseline) so
     * that they move with the market but differ — the emulator has no other venues.
     */
    void fundingRates(RoutingContext ctx) {
        ArrayNode arr = LighterJson.array();
        for (VenueMarket m : markets()) {
            BigDecimal rate = exchange.funding(m.symbol()).rate();
            arr.add(fundingRow(m, "lighter", rate));
            arr.add(fundingRow(m, "binance", synth(rate, "0.6", "0.00004")));
            arr.add(fundingRow(m, "bybit", synth(rate, "0.5", "0.00005")));
            arr.add(fundingRow(m, "hyperliquid", synth(rate, "0.8", "0.00002")));
        }
        ObjectNode o = LighterJson.ok();
        o.set("funding_rates", arr);
        LighterWire.json(ctx, o);
    }

    private static BigDecimal synth(BigDecimal lighter, String weight, String baseline) {
        return lighter.multiply(new BigDecimal(weight)).add(new BigDecimal(baseline)).round(MathContext.DECIMAL64)
                .setScale(8, RoundingMode.HALF_EVEN);
    }

    private static ObjectNode fundingRow(VenueMarket m, String exchange, BigDecimal rate) {
        return LighterJson.object().put("market_id", marketId(m)).put("exchange", exchange).put("symbol", m.symbol())
                .put("rate", rate.doubleValue());
    }

    /**
     * Settled funding history. {@code rate} is percent of notional for the hour (unsigned), {@code direction}
     * the side that paid, {@code value} what one unit of base paid; timestamps in seconds, ascending. Query
     * timestamps are seconds; values above 10^11 are read as milliseconds (third-party clients send both).
     */
    void fundings(RoutingContext ctx) {
        VenueMarket m = market(LighterWire.requiredLong(ctx, "market_id"));
        String resolution = ctx.request().getParam("resolution");
        if (!"1h".equals(resolution) && !"1d".equals(resolution)) {
            throw LighterErrors.invalidParam("resolution must be 1h or 1d");
        }
        Instant from = instant(LighterWire.requiredLong(ctx, "start_timestamp"));
        Instant to = instant(LighterWire.requiredLong(ctx, "end_timestamp"));
        long countBack = LighterWire.requiredLong(ctx, "count_back");
        if (countBack < 0) {
            throw LighterErrors.invalidParam("count_back must be >= 0");
        }
        // end is inclusive for candle-style queries
        List<FundingSettlement> rows = new ArrayList<>(exchange.fundingHistory(m.symbol(), from, to.plusSeconds(1),
                resolution.equals("1h") ? (int) Math.min(countBack, 10_000) : 10_000));
        rows.sort(Comparator.comparing(FundingSettlement::time));
        Map<Long, BigDecimal[]> buckets = new LinkedHashMap<>(); // time → {rate per settlement, value}
        for (FundingSettlement s : rows) {
            long t = resolution.equals("1h") ? s.time().getEpochSecond()
                    : s.time().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            BigDecimal[] b = buckets.computeIfAbsent(t, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            b[0] = b[0].add(s.ratePerSettlement());
            b[1] = b[1].add(s.ratePerSettlement().multiply(s.markPrice()));
        }
        List<Map.Entry<Long, BigDecimal[]>> list = new ArrayList<>(buckets.entrySet());
        if (list.size() > countBack) {
            list = list.subList((int) (list.size() - countBack), list.size());
        }
        ArrayNode arr = LighterJson.array();
        for (Map.Entry<Long, BigDecimal[]> e : list) {
            BigDecimal r = e.getValue()[0];
            arr.add(LighterJson.object().put("timestamp", e.getKey())
                    .put("value", LighterJson.fixed(e.getValue()[1].abs(), 6))
                    .put("rate", LighterJson.fixed(r.abs().movePointRight(2), 4))
                    .put("direction", r.signum() >= 0 ? "long" : "short"));
        }
        ObjectNode o = LighterJson.ok();
        o.put("resolution", resolution);
        o.set("fundings", arr);
        LighterWire.json(ctx, o);
    }

    /**
     * {@code /api/v1/assetDetails}: the collateral asset, USDC (asset id 3 in live account captures). The
     * other values are the emulator's: no capture of this endpoint exists (docs/reference/lighter.md).
     */
    void assetDetails(RoutingContext ctx) {
        long id = LighterWire.optionalLong(ctx, "asset_id", 3);
        ArrayNode arr = LighterJson.array();
        if (id == 3 || id == 0) {
            arr.add(LighterJson.object().put("asset_id", 3).put("symbol", "USDC").put("l1_decimals", 6)
                    .put("decimals", 6).put("min_transfer_amount", "1.000000").put("min_withdrawal_amount", "1.000000")
                    .put("margin_mode", "enabled").put("index_price", "1.000000").put("price_decimals", 6)
                    .put("l1_address", "0xaf88d065e77c8cc2239327c5edb3a432268e5831").put("loan_to_value", "1.000000")
                    .put("liquidation_threshold", "1.000000").put("liquidation_factor", "1.000000")
                    .put("liquidation_fee", "0.000000").put("global_supply_cap", "0").put("user_supply_cap", "0")
                    .put("total_supplied", "0").put("multiplier", "1"));
        } else {
            throw LighterApiException.badRequest(LighterErrors.INVALID_PARAM, "invalid param ");
        }
        ObjectNode o = LighterJson.ok();
        o.set("asset_details", arr);
        LighterWire.json(ctx, o);
    }

    void currentHeight(RoutingContext ctx) {
        LighterWire.json(ctx, LighterJson.ok().put("height", height(clock.instant())));
    }

    private static final Map<String, java.time.Duration> CANDLE_RESOLUTIONS = Map.of("1m", java.time.Duration.ofMinutes(1),
            "5m", java.time.Duration.ofMinutes(5), "15m", java.time.Duration.ofMinutes(15),
            "30m", java.time.Duration.ofMinutes(30), "1h", java.time.Duration.ofHours(1),
            "4h", java.time.Duration.ofHours(4), "12h", java.time.Duration.ofHours(12), "1d", java.time.Duration.ofDays(1));

    /**
     * {@code /api/v1/candles} from the venue's trades (o/h/l/c last-trade prices, v base and V quote volume,
     * O/H/L/C the same prices: the emulator keeps no separate mark history per trade); timestamps in ms
     * (spec {@code Candle.t} int64; the unit is not stated, trades use ms). Buckets without trades are absent.
     */
    void candles(RoutingContext ctx) {
        VenueMarket m = market(LighterWire.requiredLong(ctx, "market_id"));
        java.time.Duration res = CANDLE_RESOLUTIONS.get(ctx.request().getParam("resolution", ""));
        if (res == null) {
            throw LighterErrors.invalidParam("resolution must be one of " + new java.util.TreeSet<>(CANDLE_RESOLUTIONS.keySet()));
        }
        Instant from = instant(LighterWire.requiredLong(ctx, "start_timestamp"));
        Instant to = instant(LighterWire.requiredLong(ctx, "end_timestamp"));
        long countBack = LighterWire.requiredLong(ctx, "count_back");
        if (countBack < 0) {
            throw LighterErrors.invalidParam("count_back must be >= 0");
        }
        java.util.TreeMap<Long, double[]> buckets = new java.util.TreeMap<>(); // t → o h l c v V n
        List<Trade> trades = new ArrayList<>(exchange.recentTrades(m.symbol(), 50_000));
        java.util.Collections.reverse(trades); // oldest first
        for (Trade t : trades) {
            if (t.time().isBefore(from) || t.time().isAfter(to)) {
                continue;
            }
            long bucket = Math.floorDiv(t.time().toEpochMilli(), res.toMillis()) * res.toMillis();
            double p = t.price().doubleValue();
            double[] b = buckets.computeIfAbsent(bucket, k -> new double[] {p, p, p, p, 0, 0, 0});
            b[1] = Math.max(b[1], p);
            b[2] = Math.min(b[2], p);
            b[3] = p;
            b[4] += t.size().doubleValue();
            b[5] += t.price().multiply(t.size()).doubleValue();
            b[6]++;
        }
        List<Map.Entry<Long, double[]>> list = new ArrayList<>(buckets.entrySet());
        if (list.size() > countBack) {
            list = list.subList((int) (list.size() - countBack), list.size());
        }
        ArrayNode arr = LighterJson.array();
        for (Map.Entry<Long, double[]> e : list) {
            double[] b = e.getValue();
            arr.add(LighterJson.object().put("t", e.getKey()).put("o", b[0]).put("h", b[1]).put("l", b[2]).put("c", b[3])
                    .put("O", b[0]).put("H", b[1]).put("L", b[2]).put("C", b[3]).put("v", b[4]).put("V", b[5])
                    .put("i", (long) b[6]));
        }
        ObjectNode o = LighterJson.ok();
        o.put("r", ctx.request().getParam("resolution"));
        o.set("c", arr);
        LighterWire.json(ctx, o);
    }

    /** {@code /api/v1/tx?by=hash|sequence_index&value=}: an executed transaction ({@code EnrichedTx}). */
    void tx(RoutingContext ctx) {
        String by = ctx.request().getParam("by");
        String value = ctx.request().getParam("value");
        if (value == null || value.isBlank()) {
            throw LighterErrors.invalidParam("value is required");
        }
        java.util.Optional<LighterTxLog.Entry> entry;
        if ("hash".equals(by)) {
            entry = txLog.byHash(value.trim().toLowerCase(java.util.Locale.ROOT).replaceFirst("^0x", ""));
        } else if ("sequence_index".equals(by)) {
            try {
                entry = txLog.bySequence(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                throw LighterErrors.invalidParam("value must be a sequence index");
            }
        } else {
            throw LighterErrors.invalidParam("by must be hash or sequence_index");
        }
        LighterTxLog.Entry e = entry.orElseThrow(() -> LighterApiException.badRequest(LighterErrors.TX_NOT_FOUND,
                "transaction not found"));
        ObjectNode o = LighterJson.ok();
        o.put("hash", e.hash()).put("type", e.txType()).put("info", e.info()).put("event_info", "")
                .put("status", 2).put("transaction_index", e.sequenceIndex()).put("l1_address", "")
                .put("account_index", e.accountIndex()).put("nonce", e.nonce()).put("expire_at", e.expireAt())
                .put("block_height", height(Instant.ofEpochMilli(e.executedAtMillis())))
                .put("queued_at", e.executedAtMillis()).put("executed_at", e.executedAtMillis())
                .put("sequence_index", e.sequenceIndex()).put("parent_hash", "")
                .put("api_key_index", e.apiKeyIndex()).put("transaction_time", e.executedAtMillis() * 1000)
                .put("committed_at", e.executedAtMillis()).put("verified_at", e.executedAtMillis());
        LighterWire.json(ctx, o);
    }

    private static Instant instant(long ts) {
        return ts > 100_000_000_000L ? Instant.ofEpochMilli(ts) : Instant.ofEpochSecond(ts);
    }

    /** The estimate a market's WS stats carry. */
    FundingEstimate funding(VenueMarket m) {
        return exchange.funding(m.symbol());
    }
}
