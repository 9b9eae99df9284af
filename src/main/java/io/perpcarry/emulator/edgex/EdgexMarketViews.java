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
        t.put("openInterest", dec(s.openInterest()));
        t.put("fundingRate", dec(f.rate()));
        t.put("fundingTime", ms(f.currentPeriodStart()));
        t.put("nextFundingTime", ms(f.nextFundingTime()));
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

    static ObjectNode depthSnapshot(EdgexContract c, int level, OrderBookSnapshot b) {
        return depth(c, level, "SNAPSHOT", b.version(), b.version(), b.bids(), b.asks());
    }

    private static ArrayNode levels(List<BookLevel> levels) {
        ArrayNode a = EdgexJson.array();
        for (BookLevel l : levels) {
            a.addObject().put("price", dec(l.price())).put("size", dec(l.size()));
        }
        return a;
    }

    /** The running (minute) rate of {@code getLatestFundingRate}: not a settlement. */
    static ObjectNode latestFunding(EdgexContract c, FundingEstimate f, MarketStats s) {
        ObjectNode r = fundingBase(c, s.indexPrice());
        r.put("fundingTime", ms(f.currentPeriodStart()));
        r.put("fundingTimestamp", ms(f.updatedAt()));
        r.put("fundingRate", dec(f.rate()));
        r.put("isSettlement", false);
        r.put("forecastFundingRate", dec(f.rate()));
        r.put("previousFundingRate", f.lastSettledRate() == null ? "" : dec(f.lastSettledRate()));
        r.put("previousFundingTimestamp", f.lastSettledRate() == null ? "" : ms(f.currentPeriodStart()));
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
        r.put("starkExFundingIndex", "0");
        return r;
    }

    static String ms(Instant t) {
        return Long.toString(t.toEpochMilli());
    }
}
