package io.perpcarry.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which counts break a figure (and so the exit code and CI): safety figures and hooks not reached, not load. */
class ChaosFiguresTest {
    @TempDir
    Path work;

    private ChaosRun run() {
        return new ChaosRun(work, work, new PrintStream(new ByteArrayOutputStream()), 600);
    }

    @Test
    void aCrashTrialWhoseHookWasNeverHitBreaksTheFigure() {
        CrashTrials c = new CrashTrials(run());
        c.trials = 5;
        assertThat(c.broken()).isFalse();
        c.stepMissed = 1;
        assertThat(c.broken()).isTrue();
        assertThat(c.figure()).contains("1 hooks not reached");
    }

    @Test
    void aCrashTrialNotJudgedUnderLoadBreaksNothingUnlessNoTrialWasJudged() {
        CrashTrials c = new CrashTrials(run());
        c.notJudged = 1;
        assertThat(c.broken()).as("nothing judged at all").isTrue();
        c.trials = 4;
        assertThat(c.broken()).isFalse();
        assertThat(c.figure()).contains("(1 trials not judged)");
        c.naked = 1;
        assertThat(c.broken()).isTrue();
    }

    @Test
    void faultCellsNotJudgedBreakNothingButUnknownExposureDoes() {
        FaultMatrix m = new FaultMatrix(run());
        m.notJudged = 2;
        assertThat(m.brokenFigure()).as("nothing judged at all").isTrue();
        m.tested = 9;
        assertThat(m.brokenFigure()).isFalse();
        m.unknown = 1;
        assertThat(m.brokenFigure()).isTrue();
        assertThat(m.figure()).doesNotContain("not injectable");
    }

    @Test
    void signalCasesNotJudgedBreakNothingButALateExitDoes() {
        StopSignals s = new StopSignals(run());
        s.cases = 3;
        s.notJudged = 1;
        assertThat(s.brokenFigure()).isFalse();
        s.late = 1;
        assertThat(s.brokenFigure()).isTrue();
    }

    @Test
    void theJournalIsMeasuredOverEveryPartItRolledOverInto() throws Exception {
        java.nio.file.Files.writeString(work.resolve("journal.jsonl"), "x".repeat(300));
        java.nio.file.Files.writeString(work.resolve("journal-20261204T065042Z.jsonl"), "x".repeat(1000));
        java.nio.file.Files.writeString(work.resolve("journal-20261205T000000Z-1.jsonl"), "x".repeat(200));
        java.nio.file.Files.writeString(work.resolve("state.json"), "{}");
        Soak.JournalParts parts = Soak.JournalParts.of(work);
        assertThat(parts.count()).isEqualTo(3);
        assertThat(parts.totalBytes()).isEqualTo(1500);
        assertThat(parts.largestBytes()).isEqualTo(1000);
    }

    @Test
    void memoryGrowthIsJudgedFromAMarketDayOn() {
        assertThat(Soak.growthJudged(6)).isFalse();
        assertThat(Soak.growthJudged(24)).isTrue();
    }
}
