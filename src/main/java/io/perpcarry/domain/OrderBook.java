package io.perpcarry.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.perpcarry.domain.Checks.positive;
import static io.perpcarry.domain.Checks.required;
import static io.perpcarry.domain.Checks.text;

/**
 * Depth snapshot of one market. Bids strictly descending, asks strictly ascending, both sides non-empty
 * (an adapter that sees an empty side has no usable book and must not build one).
 */
public record OrderBook(Venue venue, String symbol, List<BookLevel> bids, List<BookLevel> asks, Instant observedAt) {

    public OrderBook {
        required(venue, "venue");
        text(symbol, "symbol");
        bids = List.copyOf(required(bids, "bids"));
        asks = List.copyOf(required(asks, "asks"));
        required(observedAt, "observedAt");
        if (bids.isEmpty() || asks.isEmpty()) {
            throw new IllegalArgumentException(venue + " " + symbol + " book has an empty side");
        }
        requireSorted(bids, -1, venue + " " + symbol + " bids must be strictly descending");
        requireSorted(asks, 1, venue + " " + symbol + " asks must be strictly ascending");
        new BookTop(bids.get(0).price(), asks.get(0).price()); // rejects crossed books
    }

    private static void requireSorted(List<BookLevel> levels, int direction, String message) {
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).price().compareTo(levels.get(i - 1).price()) * direction <= 0) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    public BookTop top() {
        return new BookTop(bestBid(), bestAsk());
    }

    public BigDecimal bestBid() {
        return bids.get(0).price();
    }

    public BigDecimal bestAsk() {
        return asks.get(0).price();
    }

    public BigDecimal mid() {
        return top().mid();
    }

    public BigDecimal spreadPct() {
        return top().spreadPct();
    }

    /** Levels a taker order of this side consumes: a BUY lifts the asks, a SELL hits the bids. */
    public List<BookLevel> liquidityFor(OrderSide side) {
        return side == OrderSide.BUY ? asks : bids;
    }

    /** Average fill price of a taker order for {@code baseSize}; empty when the visible book is too thin. */
    public Optional<BigDecimal> vwapForSize(OrderSide side, BigDecimal baseSize) {
        positive(baseSize, "baseSize");
        BigDecimal left = baseSize;
        BigDecimal cost = BigDecimal.ZERO;
        for (BookLevel level : liquidityFor(side)) {
            BigDecimal take = left.min(level.size());
            cost = cost.add(take.multiply(level.price()));
            left = left.subtract(take);
            if (left.signum() == 0) {
                return Optional.of(cost.divide(baseSize, MathContext.DECIMAL64));
            }
        }
        return Optional.empty();
    }

    /** Average fill price of a taker order spending/receiving {@code quoteNotional}; empty when too thin. */
    public Optional<BigDecimal> vwapForNotional(OrderSide side, BigDecimal quoteNotional) {
        positive(quoteNotional, "quoteNotional");
        BigDecimal left = quoteNotional;
        BigDecimal base = BigDecimal.ZERO;
        for (BookLevel level : liquidityFor(side)) {
            BigDecimal takeQuote = left.min(level.notional());
            base = base.add(takeQuote.divide(level.price(), MathContext.DECIMAL64));
            left = left.subtract(takeQuote);
            if (left.signum() == 0) {
                return Optional.of(quoteNotional.divide(base, MathContext.DECIMAL64));
            }
        }
        return Optional.empty();
    }

    /**
     * Execution cost of a taker order of {@code quoteNotional} versus mid, as a fraction of notional
     * (always >= 0: it includes the half spread). Empty when the book is too thin.
     */
    public Optional<BigDecimal> slippageVsMid(OrderSide side, BigDecimal quoteNotional) {
        BigDecimal mid = mid();
        return vwapForNotional(side, quoteNotional).map(vwap -> {
            BigDecimal adverse = side == OrderSide.BUY ? vwap.subtract(mid) : mid.subtract(vwap);
            return adverse.divide(mid, MathContext.DECIMAL64);
        });
    }
}
