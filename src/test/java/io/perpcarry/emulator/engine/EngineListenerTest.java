package io.perpcarry.emulator.engine;

import static io.perpcarry.emulator.TestScenarios.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.TestScenarios;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineListenerTest {
    private final MutableClock clock = new MutableClock(START);
    private final MarketEngine engine = TestScenarios.flatEngine(clock);
    private final List<String> heard = new ArrayList<>();

    EngineListenerTest() {
        engine.addListener(new EngineListener() {
            @Override
            public void onBookChanged(VenueId venue, OrderBookSnapshot book) {
                heard.add("book " + venue + " " + book.symbol());
            }

            @Override
            public void onFill(VenueId venue, Fill fill) {
                heard.add("fill " + venue + " " + fill.size().stripTrailingZeros().toPlainString());
            }

            @Override
            public void onTrade(VenueId venue, Trade trade) {
                heard.add("trade " + venue);
            }

            @Override
            public void onOrderChanged(VenueId venue, Order order) {
                heard.add("order " + venue + " " + order.status());
            }

            @Override
            public void onAccountChanged(VenueId venue, AccountSnapshot account) {
                heard.add("account " + venue + " " + account.accountId());
            }
        });
    }

    @Test
    void anOrderProducesFillTradeOrderThenOneBookAndOneAccountSnapshot() {
        engine.venue(VenueId.LIGHTER).submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.8")));
        assertThat(heard).containsExactly("fill LIGHTER 0.5", "trade LIGHTER", "fill LIGHTER 0.3", "trade LIGHTER",
                "order LIGHTER FILLED", "book LIGHTER BTC", "account LIGHTER 1");
    }

    @Test
    void manyStepsInOneSyncAreCoalescedPerBook() {
        clock.advance(Duration.ofSeconds(30));
        engine.sync();
        assertThat(heard).containsExactly("book LIGHTER BTC", "book EDGEX BTC");
    }

    @Test
    void aFailingListenerDoesNotHurtTheEngineOrOthers() {
        engine.addListener(new EngineListener() {
            @Override
            public void onBookChanged(VenueId venue, OrderBookSnapshot book) {
                throw new IllegalStateException("boom");
            }
        });
        clock.advance(Duration.ofSeconds(1));
        engine.sync();
        assertThat(heard).contains("book LIGHTER BTC");
    }
}
