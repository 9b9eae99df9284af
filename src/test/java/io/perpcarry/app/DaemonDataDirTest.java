package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.RunMode;
import io.perpcarry.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for the daemon's data directory: data/ (or --data-dir), its paper/ subdirectory when PERPCARRY_MODE=paper
 * (process environment, then .env). The daemon resolves it so, and so do the commands that read its files: journal,
 * pause and resume of a paper daemon find data/paper/ with no --data-dir.
 */
class DaemonDataDirTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void paperModeMeansThePaperSubdirectoryWhereverTheModeIsSet() throws Exception {
        String h = home.toString();
        assertThat(AppPaths.daemonDataDir(null, Map.of("PERPCARRY_HOME", h, "PERPCARRY_MODE", "paper")))
                .isEqualTo(home.resolve("data/paper"));
        assertThat(AppPaths.daemonDataDir(null, Map.of("PERPCARRY_HOME", h, "PERPCARRY_MODE", "live")))
                .isEqualTo(home.resolve("data"));
        assertThat(AppPaths.daemonDataDir(null, Map.of("PERPCARRY_HOME", h))).isEqualTo(home.resolve("data"));
        Path other = home.resolve("elsewhere");
        assertThat(AppPaths.daemonDataDir(other, Map.of("PERPCARRY_HOME", h, "PERPCARRY_MODE", "paper")))
                .isEqualTo(other.resolve("paper"));
        // the daemon's own resolution is the same function
        assertThat(AppPaths.defaults(Map.of("PERPCARRY_HOME", h)).withDataDir(other).daemonDataDir(RunMode.PAPER))
                .isEqualTo(other.resolve("paper"));
        // .env, as the daemon reads it
        Files.writeString(home.resolve(".env"), "PERPCARRY_MODE=paper\n");
        assertThat(AppPaths.daemonDataDir(null, Map.of("PERPCARRY_HOME", h))).isEqualTo(home.resolve("data/paper"));
        assertThatThrownBy(() -> AppPaths.daemonDataDir(null, Map.of("PERPCARRY_HOME", h, "PERPCARRY_MODE", "papper")))
                .hasMessageContaining("PERPCARRY_MODE").hasMessageContaining("papper");
    }

    @Test
    void journalPauseAndResumeOfAPaperDaemonReadDataPaper() throws Exception {
        Path paper = home.resolve("data/paper");
        Files.createDirectories(home.resolve("data"));
        StateStore store = new StateStore(paper, Clock.systemUTC());
        store.markMode("PAPER");
        store.persist();
        Map<String, String> env = Map.of("PERPCARRY_HOME", home.toString(), "PERPCARRY_MODE", "paper");

        PauseCommand pause = new PauseCommand();
        pause.environment = env;
        EmulatorCli.Result p = EmulatorCli.run(pause);
        assertThat(p.exit()).as(p.all()).isZero();
        assertThat(JSON.readTree(paper.resolve("state.json").toFile()).path("paused").asBoolean()).isTrue();
        assertThat(home.resolve("data/state.json")).doesNotExist();

        JournalCommand journal = new JournalCommand();
        journal.environment = env;
        EmulatorCli.Result j = EmulatorCli.run(journal);
        assertThat(j.exit()).as(j.all()).isZero();
        assertThat(j.out().lines().toList()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("PAPER"));
        assertThat(j.out()).contains("PAUSED");

        ResumeCommand resume = new ResumeCommand();
        resume.environment = env;
        EmulatorCli.Result r = EmulatorCli.run(resume);
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(JSON.readTree(paper.resolve("state.json").toFile()).path("paused").asBoolean()).isFalse();

        // another mode reads data/, where no paper daemon ran
        JournalCommand live = new JournalCommand();
        live.environment = Map.of("PERPCARRY_HOME", home.toString(), "PERPCARRY_MODE", "live");
        EmulatorCli.Result l = EmulatorCli.run(live);
        assertThat(l.out()).doesNotContain("PAPER");
    }
}
