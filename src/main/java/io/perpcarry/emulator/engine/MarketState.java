package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** One market on one venue: its quotes, funding estimate and the history the venue publishes. */
final class MarketState {
    static final int TRADE_LIMIT = 50_000;
    static final int FUNDING_HISTORY_LIMIT = 20_000;

    final VenueMarket market;
    final SyntheticBook book;
    final FundingProcess funding;
    /** Newest first. */
    final Deque<Trade> trades = new ArrayDeque<>();
    /** Newest first. */
    final Deque<FundingSettlement> settlements = new ArrayDeque<>();
    BigDecimal lastTradePrice;
    BigDecimal lastSettledRate;
    Instant fundingUpdatedAt;

    MarketState(VenueMarket market, SyntheticBook book, FundingProcess funding, Instant start) {
        this.market = market;
        this.book = book;
        this.funding = funding;
        this.fundingUpdatedAt = start;
    }

    String symbol() {
        return market.symbol();
    }

    /** The fraction of notional one settlement exchanges (Lighter: the 8 h rate / 8). */
    BigDecimal ratePerSettlement() {
        return funding.rate().multiply(BigDecimal.valueOf(market.settlementMinutes()))
                .divide(BigDecimal.valueOf(market.ratePeriodMinutes()), Decimals.RATE, java.math.RoundingMode.HALF_EVEN);
    }

    void addTrade(Trade trade) {
        trades.addFirst(trade);
        lastTradePrice = trade.price();
        while (trades.size() > TRADE_LIMIT) {
            trades.removeLast();
        }
    }

    void addSettlement(FundingSettlement settlement) {
        settlements.addFirst(settlement);
        if (!settlement.backfilled()) {
            lastSettledRate = settlement.rate();
        }
        while (settlements.size() > FUNDING_HISTORY_LIMIT) {
            settlements.removeLast();
        }
    }

    /**
     * The estimate at market instant {@code now}: the period is the market clock's, its bounds handed out as the
     * wall instants {@code toWall} gives (the identity at time scale 1).
     */
    FundingEstimate estimate(Instant now, java.util.function.UnaryOperator<Instant> toWall) {
        long periodSeconds = market.settlementMinutes() * 60L;
        long startSecond = Math.floorDiv(now.getEpochSecond(), periodSeconds) * periodSeconds;
        Instant periodStart = Instant.ofEpochSecond(startSecond);
        return new FundingEstimate(symbol(), funding.rate(), market.ratePeriodMinutes(), market.settlementMinutes(),
                ratePerSettlement(), toWall.apply(periodStart), toWall.apply(periodStart.plusSeconds(periodSeconds)),
                lastSettledRate, fundingUpdatedAt);
    }
}
