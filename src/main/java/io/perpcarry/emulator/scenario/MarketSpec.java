package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * One perp market listed on both venues. The engine walks one reference (index) price per market; each
 * venue quotes around it with its own basis.
 *
 * @param symbol         base asset, as Lighter names it ("BTC")
 * @param startPrice     index price at the start
 * @param volatility     annualised volatility of the walk as a fraction (0.6 = 60 %/yr)
 * @param shocks         scripted jumps of the index price
 * @param book           shape of the synthetic book on both venues
 * @param volume24h      baseline 24 h quote volume (USD) reported in stats
 * @param openInterest   baseline open interest in base units reported in stats
 */
public record MarketSpec(
        String symbol,
        BigDecimal startPrice,
        BigDecimal volatility,
        List<PriceShock> shocks,
        BookShape book,
        BigDecimal volume24h,
        BigDecimal openInterest,
        LighterMarketSpec lighter,
        EdgexMarketSpec edgex) {

    public MarketSpec {
        shocks = List.copyOf(shocks);
    }
}
