package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A venue's ticker for one market.
 *
 * @param indexPrice      the engine's reference price (shared by both venues; EdgeX oracle/index, Lighter index)
 * @param markPrice       this venue's mid, rounded to its tick (used for PnL, margin and funding)
 * @param lastTradePrice  last trade on this venue, or the mark when there has been none
 * @param openPrice24h    index price 24 h of scenario time ago (or at the start)
 * @param volume24hBase   baseline plus this venue's trades, base units
 * @param volume24hQuote  baseline plus this venue's trades, USD
 * @param openInterest    baseline plus the long positions of known accounts, base units
 */
public record MarketStats(String symbol, BigDecimal indexPrice, BigDecimal markPrice, BigDecimal lastTradePrice,
                          BigDecimal openPrice24h, BigDecimal high24h, BigDecimal low24h, BigDecimal volume24hBase,
                          BigDecimal volume24hQuote, BigDecimal openInterest, long trades24h, Instant time) {
}
