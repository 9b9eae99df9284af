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

    LighterMarketHandlers(Exchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
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

    void orderBookOrders(RoutingContext ctx) {
        VenueMarket m = market(LighterWire.requiredLong(ctx, "market_id"));
        long limit = LighterWire.requiredLong(ctx, "limit");
        if (limit < 1 || limit > 250) {
            throw LighterErrors.invalidParam("limit must be 1..250");
        }
        OrderBookSnapshot book = exchange.book(m.symbol(), (int) limit);
        Instant now = clock.instant();
        ObjectNode o = LighterJson.ok();
        o.put("total_asks", book.asks().size());
        o.set("asks", levels(m, book.asks(), true, now));
        o.put("total_bids", book.bids().size());
        o.set("bids", levels(m, book.bids(), false, now));
        LighterWire.json(ctx, o);
    }

    private static ArrayNode levels(VenueMarket m, List<BookLevel> levels, boolean ask, Instant now) {
        ArrayNode arr = LighterJson.array();
        levels.forEach(l -> arr.add(LighterJson.simpleOrder(m, l, ask, now)));
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
            arr.add(LighterJson.trade(m, t));
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

    private static Instant instant(long ts) {
        return ts > 100_000_000_000L ? Instant.ofEpochMilli(ts) : Instant.ofEpochSecond(ts);
    }

    /** The estimate a market's WS stats carry. */
    FundingEstimate funding(VenueMarket m) {
        return exchange.funding(m.symbol());
    }
}
