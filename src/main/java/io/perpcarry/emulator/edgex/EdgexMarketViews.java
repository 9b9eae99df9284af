package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexJson.dec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.emulator.engine.BookLevel;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.FundingSettlement;
import io.perpcarry.emulator.engine.MarketStats;
import io.perpcarry.emulator.engine.OrderBookSnapshot;

/** Public market objects in the venue's shapes: Ticker (§3.3), Depth (§3.4), FundingRate (§3.6). */
final class EdgexMarketViews {
    private EdgexMarketViews() {
    }

    static ObjectNode ticker(EdgexContract c, MarketStats s, FundingEstimate f) {
        ObjectNode t = EdgexJson.object();
        BigDecimal change = s.lastTradePrice().subtract(s.openPrice24h());
        t.put("contractId", c.id());
        t.put("contractName", c.contractName());
        t.put("priceChange", dec(change));
        t.put("priceChangePercent", dec(s.openPrice24h().signum() == 0 ? BigDecimal.ZERO
                : change.divide(s.openPrice24h(), 6, RoundingMode.HALF_EVEN)));
        t.put("trades", Long.toString(s.trades24h()));
        t.put("size", dec(s.volume24hBase()));
        t.put("value", dec(s.volume24hQuote()));
        t.put("high", dec(s.high24h()));
        t.put("low", dec(s.low24h()));
        t.put("open", dec(s.openPrice24h()));
        t.put("close", dec(s.lastTradePrice()));
        // The engine keeps no high/low instants; the window bounds stand in for them.
        long end = s.time().toEpochMilli();
        long start = end - 24 * 3_600_000L;
        t.put("highTime", Long.toString(end));
        t.put("lowTime", Long.toString(end));
        t.put("startTime", Long.toString(start));
        t.put("endTime", Long.toString(end));
        t.put("lastPrice", dec(s.lastTradePrice()));
        t.put("indexPrice", dec(s.indexPrice()));
        t.put("oraclePrice", dec(s.indexPrice()));
        t.put("markPrice", dec(s.indexPrice())); // recorded v2 tickers: markPrice == oraclePrice
        t.put("openInterest", dec(s.openInterest()));
        // The ticker shows the forecast for nextFundingTime (live reading, docs/reference/edgex.md).
        t.put("fundingRate", dec(f.rate()));
        t.put("fundingTime", ms(f.currentPeriodStart()));
        t.put("nextFundingTime", ms(f.nextFundingTime()));
        return t;
    }

    /**
     * The {@code ticker.*} record: the REST fields plus {@code marketOpen}, and best bid/ask only in a snapshot frame
     * of a book with both sides (recorded ws_ticker: changed frames omit them, illiquid contracts never have them).
     */
    static ObjectNode wsTicker(EdgexContract c, MarketStats s, FundingEstimate f, OrderBookSnapshot bookOrNull) {
        ObjectNode t = ticker(c, s, f);
        if (bookOrNull != null && !bookOrNull.bids().isEmpty() && !bookOrNull.asks().isEmpty()) {
            t.put("bestAskPrice", dec(bookOrNull.asks().get(0).price()));
            t.put("bestBidPrice", dec(bookOrNull.bids().get(0).price()));
        }
        t.put("marketOpen", true);
        return t;
    }

    /** Depth object; {@code depthType} SNAPSHOT for full books, CHANGED for WS increments. */
    static ObjectNode depth(EdgexContract c, int level, String depthType, long startVersion, long endVersion,
                            List<BookLevel> bids, List<BookLevel> asks) {
        ObjectNode d = EdgexJson.object();
        d.put("startVersion", Long.toString(startVersion));
        d.put("endVersion", Long.toString(endVersion));
        d.put("level", level);
        d.put("contractId", c.id());
        d.put("contractName", c.contractName());
        d.put("depthType", depthType);
        d.set("asks", levels(asks));
        d.set("bids", levels(bids));
        return d;
    }

    /** A full book: like the live snapshot, its startVersion is below its endVersion. */
    static ObjectNode depthSnapshot(EdgexContract c, int level, OrderBookSnapshot b) {
        return depth(c, level, "SNAPSHOT", Math.max(0, b.version() - 1), b.version(),
                b.bids().subList(0, Math.min(level, b.bids().size())), b.asks().subList(0, Math.min(level, b.asks().size())));
    }

    private static ArrayNode levels(List<BookLevel> levels) {
        ArrayNode a = EdgexJson.array();
        for (BookLevel l : levels) {
            a.addObject().put("price", dec(l.price())).put("size", dec(l.size()));
        }
        return a;
    }

    /**
     * The running (minute) row of {@code getLatestFundingRate}: {@code fundingRate} is the rate fixed at the last
     * settlement ({@code fundingTime}), {@code forecastFundingRate} the engine's estimate that the next settlement
     * ({@code fundingTime} + interval) will charge. The two differ as on the venue (recorded doc row −0.00005537 vs
     * −0.00012293; docs/reference/edgex.md "Which funding rate is paid").
     */
    static ObjectNode latestFunding(EdgexContract c, FundingEstimate f, MarketStats s, BigDecimal lastFixed) {
        ObjectNode r = fundingBase(c, s.indexPrice());
        r.put("fundingTime", ms(f.currentPeriodStart()));
        r.put("fundingTimestamp", ms(f.updatedAt()));
        r.put("fundingRate", dec(lastFixed));
        r.put("isSettlement", false);
        r.put("forecastFundingRate", dec(f.rate()));
        r.put("previousFundingRate", dec(f.rate()));
        r.put("previousFundingTimestamp", ms(f.updatedAt()));
        r.put("premiumIndexTimestamp", ms(f.updatedAt()));
        return r;
    }

    static ObjectNode settledFunding(EdgexContract c, FundingSettlement s) {
        ObjectNode r = fundingBase(c, s.markPrice());
        r.put("fundingTime", ms(s.time()));
        r.put("fundingTimestamp", ms(s.time()));
        r.put("fundingRate", dec(s.rate()));
        r.put("isSettlement", true);
        r.put("forecastFundingRate", "");
        r.put("previousFundingRate", "");
        r.put("previousFundingTimestamp", "");
        r.put("premiumIndexTimestamp", ms(s.time()));
        return r;
    }

    private static ObjectNode fundingBase(EdgexContract c, BigDecimal price) {
        ObjectNode r = EdgexJson.object();
        r.put("contractId", c.id());
        r.put("oraclePrice", dec(price));
        r.put("indexPrice", dec(price));
        // The engine models the rate directly, not EdgeX's premium/interest decomposition.
        r.put("premiumIndex", "0");
        r.put("avgPremiumIndex", "0");
        r.put("impactMarginNotional", "0");
        r.put("impactAskPrice", "0");
        r.put("impactBidPrice", "0");
        r.put("interestRate", "0");
        r.put("predictedFundingRate", "0");
        r.put("fundingRateIntervalMin", Integer.toString(c.fundingRateIntervalMin()));
        return r;
    }

    static String ms(Instant t) {
        return Long.toString(t.toEpochMilli());
    }
}
