package io.perpcarry.emulator.engine;

import static io.perpcarry.emulator.TestScenarios.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.TestScenarios;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.scenario.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Same seed and calls ⇒ same prices, rates and fills, however the time between calls is chopped up. */
class DeterminismTest {

    @Test
    void sameSeedAndCallsGiveTheSameMarket() {
        assertThat(run(TestScenarios.demo(), List.of(3600))).isEqualTo(run(TestScenarios.demo(), List.of(3600)));
    }

    @Test
    void aDifferentSeedGivesADifferentWalk() {
        Scenario demo = TestScenarios.demo();
        Scenario other = new Scenario(demo.seed() + 1, demo.timeScale(), demo.step(), demo.fundingTick(),
                demo.fundingHistory(), demo.markets(), demo.lighterAccounts(), demo.edgexAccounts(), demo.faults());
        assertThat(run(other, List.of(600))).isNotEqualTo(run(demo, List.of(600)));
    }

    @Test
    void pricesActuallyMoveAndStayNearTheStart() {
        MarketEngine engine = new MarketEngine(TestScenarios.demo(), new MutableClock(START));
        engine.syncTo(START.plus(Duration.ofHours(1)));
        BigDecimal btc = engine.indexPrice("BTC");
        assertThat(btc).isNotEqualByComparingTo("95000");
        assertThat(btc.doubleValue()).isBetween(85_000.0, 105_000.0);
    }

    @Test
    void meanRevertingFundingChangesOnlyOnFundingTicks() {
        MutableClock clock = new MutableClock(START);
        MarketEngine engine = new MarketEngine(TestScenarios.demo(), clock);
        Exchange lighter = engine.venue(VenueId.LIGHTER);
        BigDecimal initial = lighter.funding("ETH").rate();
        clock.advance(Duration.ofSeconds(59));
        assertThat(lighter.funding("ETH").rate()).isEqualByComparingTo(initial);
        clock.advance(Duration.ofSeconds(1));
        assertThat(lighter.funding("ETH").rate()).isNotEqualByComparingTo(initial);
    }

    /** Syncing in any chunks (the wall clock between requests) lands on the same state as one big sync. */
    @Property(tries = 25)
    void stateDoesNotDependOnHowTimeIsChopped(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 400) Integer> chunks) {
        int total = chunks.stream().mapToInt(Integer::intValue).sum();
        assertThat(run(TestScenarios.demo(), chunks)).isEqualTo(run(TestScenarios.demo(), List.of(total)));
    }

    /** Advances by the given seconds, trading a little on the way, and returns everything observable. */
    private static List<Object> run(Scenario scenario, List<Integer> secondChunks) {
        MutableClock clock = new MutableClock(START);
        MarketEngine engine = new MarketEngine(scenario, clock);
        Exchange lighter = engine.venue(VenueId.LIGHTER);
        Exchange edgex = engine.venue(VenueId.EDGEX);
        long lighterAccount = lighter.accountIds().get(0);
        long edgexAccount = edgex.accountIds().get(0);
        for (int seconds : secondChunks) {
            clock.advance(Duration.ofSeconds(seconds));
            engine.sync();
        }
        lighter.submit(lighterAccount, OrderRequest.market("ETH", Side.SELL, new BigDecimal("0.5000")));
        edgex.submit(edgexAccount, OrderRequest.market("ETH", Side.BUY, new BigDecimal("0.50")));
        List<Object> observed = new ArrayList<>();
        observed.add(engine.simulationTime());
        for (String symbol : List.of("BTC", "ETH", "SOL", "HYPE")) {
            observed.add(engine.indexPrice(symbol));
            observed.add(lighter.book(symbol, 5).bids());
            observed.add(edgex.book(symbol, 5).asks());
            observed.add(lighter.funding(symbol).rate());
            observed.add(edgex.funding(symbol).rate());
        }
        observed.add(lighter.account(lighterAccount).equity());
        observed.add(edgex.account(edgexAccount).equity());
        return observed;
    }
}
