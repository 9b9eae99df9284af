package io.perpcarry.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small builders for test markets. Levels are written "price@size". */
public final class TestMarkets {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestMarkets() {
    }

    public static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    public static OrderBook book(Venue venue, String symbol, List<String> bids, List<String> asks) {
        return new OrderBook(venue, symbol, levels(bids), levels(asks), T0);
    }

    /** Deep one-level book: 1,000,000 base on each side. */
    public static OrderBook book(Venue venue, String symbol, String bid, String ask) {
        return book(venue, symbol, List.of(bid + "@1000000"), List.of(ask + "@1000000"));
    }

    public static List<BookLevel> levels(List<String> specs) {
        List<BookLevel> out = new ArrayList<>();
        for (String s : specs) {
            String[] p = s.split("@");
            out.add(new BookLevel(d(p[0]), d(p[1])));
        }
        return out;
    }

    public static MarketSpec lighterSpec(String symbol, String taker) {
        return MarketSpec.lighter(symbol, 1, 4, 2, d("0.001"), d("10"), d(taker), BigDecimal.ZERO);
    }

    public static MarketSpec edgexSpec(String symbol, String taker) {
        return MarketSpec.edgex(symbol, "10000001", d("0.01"), d("0.001"), d("0.001"), d(taker), d("0.0002"), 240);
    }

    public static FundingQuote lighterFunding(String symbol, String ratePer8h) {
        return new FundingQuote(Venue.LIGHTER, symbol, d(ratePer8h), Duration.ofHours(8), T0);
    }

    public static FundingQuote edgexFunding(String symbol, String ratePer4h) {
        return new FundingQuote(Venue.EDGEX, symbol, d(ratePer4h), Duration.ofMinutes(240), T0);
    }
}
