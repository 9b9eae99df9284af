package io.perpcarry.domain;

import java.math.BigDecimal;

import static io.perpcarry.domain.Checks.nonNegative;
import static io.perpcarry.domain.Checks.required;

/** Everything the ranker needs about one symbol on one venue, read at roughly the same moment. */
public record MarketSnapshot(MarketSpec spec, FundingQuote funding, OrderBook book, BigDecimal volume24hUsd) {

    public MarketSnapshot {
        required(spec, "spec");
        required(funding, "funding");
        required(book, "book");
        nonNegative(volume24hUsd, "volume24hUsd");
        requireSame(spec, funding.venue(), funding.symbol(), "funding quote");
        requireSame(spec, book.venue(), book.symbol(), "order book");
    }

    private static void requireSame(MarketSpec spec, Venue venue, String symbol, String what) {
        if (venue != spec.venue() || !symbol.equals(spec.symbol())) {
            throw new IllegalArgumentException(what + " is for " + venue + " " + symbol + " but the spec is "
                    + spec.label());
        }
    }

    public Venue venue() {
        return spec.venue();
    }

    public String symbol() {
        return spec.symbol();
    }
}
