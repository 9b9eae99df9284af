package io.perpcarry.emulator.engine;

import static io.perpcarry.emulator.TestScenarios.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A market whose book, mark and funding rate come from outside (a real venue's), under the engine's accounts. */
class LiveFedMarketTest {
    private final MutableClock clock = new MutableClock(START);
    private final MarketEngine engine = MarketEngine.liveFed(clock, Duration.ofSeconds(1));
    private final Exchange lighter = engine.venue(VenueId.LIGHTER);
    private final Exchange edgex = engine.venue(VenueId.EDGEX);

    LiveFedMarketTest() {
        engine.listLiveMarket(market(VenueId.LIGHTER, new BigDecimal("0.0005"), 480, 60), new BigDecimal("100000"),
                new BigDecimal("0.0008"));
        engine.listLiveMarket(market(VenueId.EDGEX, new BigDecimal("0.00038"), 240, 240), new BigDecimal("100000"),
                new BigDecimal("-0.0002"));
        engine.openAccount(VenueId.LIGHTER, 1, new BigDecimal("10000"));
        engine.openAccount(VenueId.EDGEX, 1, new BigDecimal("10000"));
        engine.setLiveBook(VenueId.LIGHTER, "BTC", levels("99990", "1"), levels("100010", "0.05", "100020", "0.10"));
    }

    private static VenueMarket market(VenueId venue, BigDecimal takerFee, int ratePeriod, int settlement) {
        return new VenueMarket(venue, "BTC", "1", new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"),
                null, BigDecimal.ZERO, takerFee, BigDecimal.ZERO, 20, 10, new BigDecimal("0.03"), BigDecimal.ZERO,
                ratePeriod, settlement, null);
    }

    private static List<BookLevel> levels(String... priceSize) {
        List<BookLevel> out = new java.util.ArrayList<>();
        for (int i = 0; i < priceSize.length; i += 2) {
            out.add(new BookLevel(new BigDecimal(priceSize[i]), new BigDecimal(priceSize[i + 1])));
        }
        return out;
    }

    private OrderResult buy(String size, String limit) {
        return lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal(size), new BigDecimal(limit),
                TimeInForce.IOC));
    }

    @Test
    void anOrderWalksTheInjectedLevelsUpToItsLimitAndPaysTheVenueTakerFee() {
        OrderResult r = buy("0.2", "100020");

        assertThat(r.fills()).extracting(f -> f.price().stripTrailingZeros().toPlainString(), f -> f.size().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("100010", "0.05"),
                        org.assertj.core.groups.Tuple.tuple("100020", "0.10"));
        assertThat(r.order().status()).isEqualTo(OrderStatus.CANCELED); // IOC remainder: nothing beyond 100020
        // fees 0.05 × 100010 × 0.0005 + 0.10 × 100020 × 0.0005 = 2.50025 + 5.001
        assertThat(r.fills().get(0).fee()).isEqualByComparingTo("2.500250");
        assertThat(r.fills().get(1).fee()).isEqualByComparingTo("5.001000");
        assertThat(lighter.account(1).collateral()).isEqualByComparingTo("9992.498750");
        assertThat(lighter.account(1).positions()).singleElement().satisfies(p -> {
            assertThat(p.size()).isEqualByComparingTo("0.15");
            assertThat(p.markPrice()).isEqualByComparingTo("100000"); // the injected mark, not the book
        });
    }

    @Test
    void takenLiquidityStaysTakenUntilTheVenueShowsTheLevelWithAnotherSize() {
        buy("0.03", "100010");
        engine.setLiveBook(VenueId.LIGHTER, "BTC", levels("99990", "1"), levels("100010", "0.05", "100020", "0.10"));
        assertThat(buy("0.05", "100010").fills()).singleElement()
                .satisfies(f -> assertThat(f.size()).isEqualByComparingTo("0.02")); // the venue has not refreshed it

        engine.setLiveBook(VenueId.LIGHTER, "BTC", levels("99990", "1"), levels("100010", "0.07", "100020", "0.10"));
        assertThat(buy("0.05", "100010").fills()).singleElement()
                .satisfies(f -> assertThat(f.size()).isEqualByComparingTo("0.05"));
    }

    @Test
    void theWalkNeverRequotesALiveBook() {
        clock.advance(Duration.ofHours(2));
        assertThat(lighter.book("BTC", 10).asks()).extracting(l -> l.price().stripTrailingZeros().toPlainString())
                .containsExactly("100010", "100020");
        assertThatThrownBy(() -> engine.setLiveMark(VenueId.LIGHTER, "ETH", BigDecimal.ONE))
                .isInstanceOf(EngineRejection.class);
    }

    @Test
    void lighterSettlesHourlyOnTheInjectedMarkAtAnEighthOfTheInjectedEightHourRate() {
        buy("0.1", "100020");
        engine.setFundingRate(VenueId.LIGHTER, "BTC", new BigDecimal("0.0016"));
        engine.setLiveMark(VenueId.LIGHTER, "BTC", new BigDecimal("101000"));
        BigDecimal before = lighter.account(1).collateral();

        clock.advance(Duration.ofMinutes(59));
        assertThat(lighter.fundingPayments(1, "BTC", 10)).isEmpty();
        clock.advance(Duration.ofMinutes(1));

        assertThat(lighter.fundingPayments(1, "BTC", 10)).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(Instant.parse("2025-01-01T01:00:00Z"));
            assertThat(p.ratePerSettlement()).isEqualByComparingTo("0.0002");
            assertThat(p.amount()).isEqualByComparingTo("-2.020000"); // 0.1 × 101 000 × 0.0002, the long pays
        });
        assertThat(lighter.account(1).collateral()).isEqualByComparingTo(before.subtract(new BigDecimal("2.02")));
    }

    @Test
    void edgexSettlesEveryFundingIntervalAtTheInjectedRate() {
        engine.setLiveBook(VenueId.EDGEX, "BTC", levels("99990", "1"), levels("100010", "1"));
        edgex.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")));

        clock.advance(Duration.ofHours(4).minusSeconds(1));
        assertThat(edgex.fundingPayments(1, "BTC", 10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(edgex.fundingPayments(1, "BTC", 10)).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(Instant.parse("2025-01-01T04:00:00Z"));
            assertThat(p.amount()).isEqualByComparingTo("2.000000"); // negative rate: the long receives
        });
    }

    @Test
    void anAccountTheInjectedMarkPutsUnderwaterIsLiquidated() {
        engine.setLiveBook(VenueId.LIGHTER, "BTC", levels("99990", "1"), levels("100010", "2"));
        lighter.setLeverage(1, "BTC", 20, true);
        lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("1")));
        assertThat(lighter.account(1).positions()).isNotEmpty();

        engine.setLiveMark(VenueId.LIGHTER, "BTC", new BigDecimal("90000"));

        assertThat(lighter.liquidations(1)).hasSize(1);
        assertThat(lighter.account(1).positions()).allSatisfy(p -> assertThat(p.size()).isZero());
    }
}
