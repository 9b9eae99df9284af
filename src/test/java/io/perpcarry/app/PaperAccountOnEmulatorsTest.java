package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.FundingSettlement;
import io.perpcarry.paper.PaperAccounts;
import io.perpcarry.paper.PaperVenue;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper account on EdgeX's emulator as the "live" venue (public reads only): a buy walks the live book level by
 * level, pays the venue's taker fee, funding is paid at the venue's own settlements with their rate and sign, the
 * account survives a restart, and a reduce-only close never flips the position.
 */
class PaperAccountOnEmulatorsTest {
    @TempDir
    Path data;

    @Test
    void fillsWalkTheLiveBookFeesAndFundingAreTheVenues() throws Exception {
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600)) {
            ex.engine().freezeBook(VenueId.EDGEX, "HYPE", true); // the book holds still between our read and the fill
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "paper");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            try (VenueSession session = VenueSession.open(BotConfigLoader.parse("{\"symbols_to_monitor\": [\"HYPE\"]}", "t"), env)) {
                Path file = PaperAccounts.file(data, session.edgex().venue());
                PaperVenue paper = new PaperVenue(session.edgex(), new BigDecimal("100000"), ex.scenarioClock(), file);
                OrderBook book = session.edgex().orderBook("HYPE", 50);
                List<BookLevel> asks = book.asks();
                // two levels and a half: the fill must take the first two whole and part of the third
                BigDecimal size = asks.get(0).size().add(asks.get(1).size())
                        .add(asks.get(2).size().divide(BigDecimal.valueOf(2))).setScale(1, java.math.RoundingMode.DOWN);
                BigDecimal rest = size.subtract(asks.get(0).size()).subtract(asks.get(1).size());
                BigDecimal paid = asks.get(0).size().multiply(asks.get(0).price()).add(asks.get(1).size().multiply(asks.get(1).price()))
                        .add(rest.multiply(asks.get(2).price()));
                BigDecimal fee = session.edgex().markets().get("HYPE").takerFeeRate();
                assertThat(fee.signum()).as("EdgeX charges a taker fee").isPositive();

                OrderAck ack = paper.placeOrder(new OrderRequest("HYPE", OrderSide.BUY, size, asks.get(2).price(),
                        OrderType.LIMIT_IOC, false, 1));
                assertThat(ack.filledSize().orElseThrow()).isEqualByComparingTo(size);
                Position held = paper.account().positions().get(0);
                assertThat(held.signedSize()).isEqualByComparingTo(size);
                assertThat(held.entryPrice()).isEqualByComparingTo(paid.divide(size, 10, java.math.RoundingMode.HALF_EVEN));
                BigDecimal afterFee = new BigDecimal("100000").subtract(paid.multiply(fee));
                // marked at the venue's oracle price (the emulator's index, 2 bps off its EdgeX mid), not the book mid
                BigDecimal oracle = session.edgex().markPrice("HYPE").orElseThrow();
                assertThat(oracle).isNotEqualByComparingTo(book.mid());
                assertThat(held.unrealizedPnl()).isCloseTo(oracle.subtract(held.entryPrice()).multiply(size),
                        org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));

                // funding: at EdgeX's own settlements, −size × mark × the settled rate (longs pay a positive rate)
                Instant opened = Instant.now(); // the paper account stamps funding as the venues do: wall time
                EmulatedDaemon.awaitTrue(Duration.ofSeconds(120), "an EdgeX settlement paid to the paper account",
                        () -> !paper.fundingPayments(Instant.EPOCH).isEmpty());
                List<FundingPayment> payments = paper.fundingPayments(Instant.EPOCH);
                BigDecimal fundingTotal = BigDecimal.ZERO;
                for (FundingPayment p : payments) {
                    List<FundingSettlement> s = ex.engine().venue(VenueId.EDGEX).fundingHistory("HYPE", p.settledAt(),
                            p.settledAt().plusSeconds(1), 1);
                    assertThat(s).as("the emulator settled at " + p.settledAt()).hasSize(1);
                    assertThat(p.settledAt()).isAfter(opened.minusSeconds(24)); // one 4 h interval at x600
                    assertThat(p.amount()).isEqualByComparingTo(size.multiply(oracle).multiply(s.get(0).ratePerSettlement()).negate()
                            .setScale(6, java.math.RoundingMode.HALF_EVEN)); // USDC amounts, as the engine books them
                    fundingTotal = fundingTotal.add(p.amount());
                }

                // restart: the account is read back from its file, whatever collateral the new one is given
                PaperVenue restarted = new PaperVenue(session.edgex(), new BigDecimal("5"), ex.scenarioClock(), file);
                Position again = restarted.account().positions().get(0);
                assertThat(again.signedSize()).isEqualByComparingTo(size);
                assertThat(again.entryPrice()).isEqualByComparingTo(held.entryPrice());
                assertThat(restarted.fundingPayments(Instant.EPOCH)).hasSizeGreaterThanOrEqualTo(payments.size());

                // a reduce-only sell twice the size closes the position, never flips it
                OrderAck close = restarted.placeOrder(new OrderRequest("HYPE", OrderSide.SELL, size.multiply(BigDecimal.valueOf(2)),
                        book.bids().get(book.bids().size() - 1).price(), OrderType.LIMIT_IOC, true, 2));
                assertThat(close.filledSize().orElseThrow()).isEqualByComparingTo(size);
                assertThat(restarted.account().positions()).isEmpty();
                assertThat(afterFee.add(fundingTotal).compareTo(BigDecimal.ZERO)).isPositive();
            }
            assertThat(ex.requests().list()).noneMatch(EmulatedDaemon::isOrderPlacement);
        }
    }

    @Test
    void settlementsWhileTheDaemonWasStoppedArePaidOnRestartOnce() throws Exception {
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600)) {
            ex.engine().freezeBook(VenueId.EDGEX, "HYPE", true);
            // paper mode runs on the wall clock, and funding times on the emulator's wire are wall-clock times
            java.time.Clock wall = ex.engine().wallClock();
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "paper");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            try (VenueSession session = VenueSession.open(BotConfigLoader.parse("{\"symbols_to_monitor\": [\"HYPE\"]}", "t"), env)) {
                Path file = PaperAccounts.file(data, session.edgex().venue());
                PaperVenue before = new PaperVenue(session.edgex(), new BigDecimal("100000"), wall, file);
                OrderBook book = session.edgex().orderBook("HYPE", 50);
                BigDecimal size = new BigDecimal("10");
                before.placeOrder(new OrderRequest("HYPE", OrderSide.BUY, size, book.asks().get(5).price(),
                        OrderType.LIMIT_IOC, false, 1));
                Instant stopped = wall.instant();
                BigDecimal collateralAtStop = before.account().equity().subtract(before.account().positions().get(0).unrealizedPnl());
                // the daemon is stopped (nothing reads the account) while EdgeX settles
                EmulatedDaemon.awaitTrue(Duration.ofSeconds(120), "an EdgeX settlement while the paper daemon is stopped",
                        () -> !ex.engine().venue(VenueId.EDGEX).fundingHistory("HYPE", stopped, wall.instant(), 10).isEmpty());
                PaperVenue after = new PaperVenue(session.edgex(), new BigDecimal("5"), wall, file);
                List<FundingPayment> paid = after.fundingPayments(Instant.EPOCH);
                Instant restarted = wall.instant();
                List<FundingSettlement> missed = ex.engine().venue(VenueId.EDGEX).fundingHistory("HYPE", stopped, restarted, 10);
                BigDecimal oracle = session.edgex().markPrice("HYPE").orElseThrow();
                BigDecimal total = BigDecimal.ZERO;
                for (FundingSettlement m : missed) {
                    BigDecimal expected = size.multiply(oracle).multiply(m.ratePerSettlement()).negate()
                            .setScale(6, java.math.RoundingMode.HALF_EVEN);
                    assertThat(paid).as("the settlement at " + m.time() + " of the stopped period")
                            .anySatisfy(p -> {
                                assertThat(p.settledAt()).isEqualTo(m.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)); // ms on the wire
                                assertThat(p.amount()).isEqualByComparingTo(expected);
                            });
                    total = total.add(expected);
                }
                BigDecimal collateral = after.account().equity().subtract(after.account().positions().get(0).unrealizedPnl());
                assertThat(collateral).isEqualByComparingTo(collateralAtStop.add(paid.stream().map(FundingPayment::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
                assertThat(total.signum()).as("EdgeX shorts pay longs: the long received").isPositive();

                // booked once: a second restart finds them in the file and pays none of them again
                PaperVenue again = new PaperVenue(session.edgex(), new BigDecimal("5"), wall, file);
                List<Instant> times = again.fundingPayments(Instant.EPOCH).stream().map(FundingPayment::settledAt).toList();
                assertThat(times).doesNotHaveDuplicates().containsAll(missed.stream().map(m -> m.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).toList());
            }
            assertThat(ex.requests().list()).noneMatch(EmulatedDaemon::isOrderPlacement);
        }
    }

    @Test
    void aSecondOrderDoesNotTakeTheLiquidityTheFirstTook() {
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600)) {
            ex.engine().freezeBook(VenueId.EDGEX, "HYPE", true); // the venue never refreshes the levels we took from
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "paper");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            try (VenueSession session = VenueSession.open(BotConfigLoader.parse("{\"symbols_to_monitor\": [\"HYPE\"]}", "t"), env)) {
                PaperVenue paper = new PaperVenue(session.edgex(), new BigDecimal("100000"), ex.scenarioClock());
                List<BookLevel> asks = session.edgex().orderBook("HYPE", 50).asks();
                BigDecimal limit = asks.get(5).price();
                paper.placeOrder(new OrderRequest("HYPE", OrderSide.BUY, asks.get(0).size(), limit, OrderType.LIMIT_IOC, false, 1));
                BigDecimal more = asks.get(1).size().min(new BigDecimal("0.1"));
                paper.placeOrder(new OrderRequest("HYPE", OrderSide.BUY, more, limit, OrderType.LIMIT_IOC, false, 2));
                BigDecimal paid = asks.get(0).size().multiply(asks.get(0).price()).add(more.multiply(asks.get(1).price()));
                Position held = paper.account().positions().get(0);
                assertThat(held.signedSize()).isEqualByComparingTo(asks.get(0).size().add(more));
                // the second fill is at the second level: the first was used up by the first order
                assertThat(held.entryPrice()).isEqualByComparingTo(paid.divide(held.signedSize(), 10, java.math.RoundingMode.HALF_EVEN));

                // the engine's initial margin: 1x until the bot sets leverage, then notional / leverage
                BigDecimal tooBig = new BigDecimal("300000").divide(held.entryPrice(), 0, java.math.RoundingMode.UP);
                OrderRequest big = new OrderRequest("HYPE", OrderSide.BUY, tooBig, limit, OrderType.LIMIT_IOC, false, 3);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> paper.placeOrder(big))
                        .isInstanceOf(io.perpcarry.venue.VenueException.class)
                        .hasMessageContaining("PAPER").hasMessageContaining("INSUFFICIENT_MARGIN");
                paper.setLeverage("HYPE", 5);
                assertThat(paper.placeOrder(big).filledSize().orElseThrow()).isPositive();
            }
        }
    }
}
