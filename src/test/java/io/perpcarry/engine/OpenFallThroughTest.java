package io.perpcarry.engine;

import static io.perpcarry.domain.TestMarkets.edgexSpec;
import static io.perpcarry.domain.TestMarkets.lighterSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.state.BotState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The best market refused at plan time falls through to the next one in the same scan; a stray position refuses. */
class OpenFallThroughTest {
    @TempDir
    Path dir;
    Fixture f;

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void twoMarkets() {
        f = new Fixture(dir, "{\"symbols_to_monitor\": [\"BTC\", \"ETH\"]}");
        f.lighter.market(lighterSpec("ETH", "0.0002"), "100", "0.0003");
        f.edgex.market(edgexSpec("ETH", "0.0002"), "100", "0.00001");
        f.beans.reconciler.ensureReconciled();
    }

    @Test
    void aBestMarketBelowAVenueMinimumAtTheCapitalAvailableFallsThroughToTheNext() {
        twoMarkets();
        // 10 USD free on each venue: 24 USD of buying power at 3x with 20 % kept back. BTC at 50,000 needs 0.001
        // = 50 USD, ETH at 100 needs 10 USD.
        f.lighter.available("10");
        f.edgex.available("10");
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThat(d.opportunity().orElseThrow().symbol()).isEqualTo("BTC");
        HedgePlan plan = f.beans.planner.plan(d);
        assertThat(plan.symbol()).isEqualTo("ETH");
        assertThat(f.journalTypes()).contains("open_fell_through");
        assertThat(f.journal().stream().filter(e -> e.type().equals("open_fell_through")).findFirst().orElseThrow()
                .text("refused")).contains("BTC");
    }

    @Test
    void aPositionThatIsNotOursRefusesTheOpenAndHaltsSayingWhy() {
        twoMarkets();
        f.edgex.position("ETH", "-3", "100"); // a stray leg in another market than the best (BTC)
        EngineDecision d = f.beans.engine.onRanking(f.ranking());
        assertThat(d.action()).isEqualTo(EngineDecision.Action.OPEN);
        assertThatThrownBy(() -> f.beans.planner.plan(d))
                .isInstanceOf(HedgePlanner.AccountsNotFlatException.class)
                .hasMessageContaining("EdgeX ETH -3").hasMessageContaining("not opening BTC beside it");
        assertThat(f.lighter.orders).isEmpty();
        assertThat(f.edgex.orders).isEmpty();
        f.beans.engine.onOpenAborted("accounts not flat"); // what the route does: no effect on a halt
        assertThat(f.beans.engine.state()).as("never waited on silently").isEqualTo(BotState.HALTED);
    }
}
