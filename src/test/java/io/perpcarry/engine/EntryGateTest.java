package io.perpcarry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.preflight.EntryGate;
import io.perpcarry.preflight.EntryGateAccess;
import io.perpcarry.preflight.Preflight;
import io.perpcarry.preflight.PreflightReport;
import io.perpcarry.state.BotState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live daemon's preflight gate: no new hedge while preflight has not passed; the refusal names the checks. */
class EntryGateTest {
    @TempDir
    Path dir;
    private Fixture f;

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void noHedgeIsOpenedUntilPreflightPassesAndAFailNamesTheCheck() throws Exception {
        f = new Fixture(dir);
        assertThat(f.beans.reconciler.ensureReconciled()).isTrue();
        EntryGate gate = EntryGate.shutUntilPreflight();
        f.beans.engine.entryGate(gate);

        EngineDecision before = f.beans.engine.onRanking(f.ranking());
        assertThat(before.action()).isEqualTo(EngineDecision.Action.WAIT);
        assertThat(before.reason()).contains("preflight has not finished");

        // FakeVenue reads no server time: the clock checks fail, as a venue whose clock cannot be read must.
        PreflightReport report = new Preflight(Map.of(Venue.LIGHTER, f.lighter, Venue.EDGEX, f.edgex), s -> { },
                f.clock, Duration.ofMillis(200), Duration.ofSeconds(60)).run(List.of("BTC"));
        assertThat(report.passed()).isFalse();
        EntryGateAccess.fail(gate, report);
        EngineDecision failed = f.beans.engine.onRanking(f.ranking());
        assertThat(failed.action()).isEqualTo(EngineDecision.Action.WAIT);
        assertThat(failed.reason()).contains("preflight FAIL", "lighter.clock", "edgex.clock");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);

        EntryGateAccess.pass(gate);
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.OPEN);
    }
}
