package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.engine.FakeVenue.Behavior;
import io.perpcarry.state.BotState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The risk guard outside HOLDING: every leg on the venues is watched, whatever the state. */
class LooseLegWatchTest extends OnFixture {
    @Test
    void aNakedLegLeftByAFailedOpenIsWatchedWhileHalted() {
        f.lighter.next(Behavior.REJECT);
        f.edgex.refuseReduceOnly = true;
        assertThat(f.open()).isEqualTo(LegReconciler.OpenResult.HALTED); // EdgeX long 0.006 left, unwind refused
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("NAKED LEG");

        f.edgex.liquidationPrice(BTC, "49000"); // 2 % from the mark, inside the buffer
        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();

        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("LEG AT RISK").contains("EdgeX BTC 0.006")
                .contains("from liquidation");
        int halts = (int) f.journalTypes().stream().filter("halt"::equals).count();
        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();
        assertThat(f.journalTypes().stream().filter("halt"::equals).count()).as("once per leg and trigger").isEqualTo(halts);
    }

    @Test
    void aLegFoundWhileWaitingThatTripsTheStopLossHaltsNamingIt() {
        f.beans.reconciler.ensureReconciled();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
        f.lighter.position(BTC, "-0.006", "50000"); // left by a partial close or a late fill
        assertThat(f.beans.riskGuard.check().closeNeeded()).isFalse();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);

        f.lighter.mid(BTC, "65000"); // the short loses 30 % > 22.56 %
        f.clock.advance(f.settings().staleGrace());
        f.beans.riskGuard.check();

        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.beans.store.haltReason().orElseThrow()).contains("LEG AT RISK outside a hedge (IDLE)")
                .contains("Lighter BTC -0.006").contains("emergency-close");
        assertThat(f.lighter.orders).as("a lone leg is not a hedge the closer may touch").isEmpty();
    }
}
