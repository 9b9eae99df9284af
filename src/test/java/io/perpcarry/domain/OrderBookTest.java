package io.perpcarry.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.perpcarry.domain.TestMarkets.book;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OrderBookTest {

    // bids 99.94@1, 99.90@10 ; asks 99.96@50, 100.00@1000
    private final OrderBook book = book(Venue.EDGEX, "BTC",
            List.of("99.94@1", "99.90@10"), List.of("99.96@50", "100.00@1000"));

    @Test
    void topMidAndSpread() {
        assertThat(book.bestBid()).isEqualByComparingTo("99.94");
        assertThat(book.bestAsk()).isEqualByComparingTo("99.96");
        assertThat(book.mid()).isEqualByComparingTo("99.95");
        // 0.02 / 99.95 × 100 = 0.020010005...
        assertThat(book.spreadPct()).isCloseTo(d("0.0200100050025013"), within(d("1e-15")));
        assertThat(book.top()).isEqualTo(new BookTop(d("99.94"), d("99.96")));
    }

    @Test
    void vwapForSizeWalksTheRightSide() {
        // buy 60: 50 @ 99.96 + 10 @ 100.00 = 5998 / 60
        assertThat(book.vwapForSize(OrderSide.BUY, d("60")).orElseThrow())
                .isCloseTo(d("99.96666666666667"), within(d("1e-13")));
        // sell 6: 1 @ 99.94 + 5 @ 99.90 = 599.44 / 6
        assertThat(book.vwapForSize(OrderSide.SELL, d("6")).orElseThrow())
                .isCloseTo(d("99.90666666666667"), within(d("1e-13")));
        assertThat(book.vwapForSize(OrderSide.BUY, d("10")).orElseThrow()).isEqualByComparingTo("99.96");
        assertThat(book.vwapForSize(OrderSide.SELL, d("11.0001"))).isEmpty();
    }

    @Test
    void vwapForNotionalWalksTheRightSide() {
        // buy 10,000 USD: 4,998 USD @ 99.96 (50 base) + 5,002 USD @ 100.00 (50.02 base) → 10,000 / 100.02
        assertThat(book.vwapForNotional(OrderSide.BUY, d("10000")).orElseThrow())
                .isCloseTo(d("99.98000399920016"), within(d("1e-12")));
        assertThat(book.vwapForNotional(OrderSide.SELL, d("50")).orElseThrow())
                .isCloseTo(d("99.94"), within(d("1e-12")));
        // the bids hold 99.94 + 999 = 1,098.94 USD
        assertThat(book.vwapForNotional(OrderSide.SELL, d("1098.95"))).isEmpty();
    }

    @Test
    void slippageVsMidIsAlwaysACostAndIncludesTheHalfSpread() {
        BigDecimal buy = book.slippageVsMid(OrderSide.BUY, d("10000")).orElseThrow();
        // (99.98000399920016 − 99.95) / 99.95
        assertThat(buy).isCloseTo(d("0.0003001900870451226"), within(d("1e-15")));
        BigDecimal sell = book.slippageVsMid(OrderSide.SELL, d("50")).orElseThrow();
        assertThat(sell).isCloseTo(d("0.0001000500250125063"), within(d("1e-15")));
        assertThat(book.slippageVsMid(OrderSide.SELL, d("5000"))).isEmpty();
    }

    @Test
    void rejectsBrokenBooks() {
        assertThatThrownBy(() -> book(Venue.EDGEX, "BTC", List.of("100@1"), List.of("100@1")))
                .hasMessageContaining("crossed book");
        assertThatThrownBy(() -> book(Venue.EDGEX, "BTC", List.of("99@1", "99.5@1"), List.of("100@1")))
                .hasMessageContaining("bids must be strictly descending");
        assertThatThrownBy(() -> book(Venue.EDGEX, "BTC", List.of("99@1"), List.of("101@1", "100@1")))
                .hasMessageContaining("asks must be strictly ascending");
        assertThatThrownBy(() -> book(Venue.LIGHTER, "BTC", List.of(), List.of("101@1")))
                .hasMessageContaining("Lighter BTC book has an empty side");
        assertThatThrownBy(() -> new BookLevel(d("100"), d("0"))).hasMessageContaining("level size must be > 0");
        assertThatThrownBy(() -> book.vwapForSize(OrderSide.BUY, d("0"))).hasMessageContaining("baseSize");
    }
}
