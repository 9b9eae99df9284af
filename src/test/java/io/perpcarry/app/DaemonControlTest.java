package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.trading.SessionFactory;
import io.perpcarry.state.BotSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * bin/perpcarry emergency-close and resume beside the running daemon on both emulators: the close is handed to the
 * daemon (it pauses itself), and resume makes it trade again at its next scan. The same with the daemon stopped,
 * then started.
 */
class DaemonControlTest extends DaemonOnFlatHype {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "min_volume_usd": 0}
            """;

    @Override
    String config() {
        return CONFIG;
    }

    @Test
    void emergencyCloseThenResumeTradesAgainWhileRunning() throws Exception {
        daemon.start();
        daemon.awaitHolding(Duration.ofSeconds(90));

        SessionFactory sessions = f -> VenueSession.open(daemon.config(), daemon.environment());
        Run close = run(new EmergencyCloseCommand(sessions), "--yes", "--data-dir", data.toString());
        assertThat(close.exit).as(close.out).isZero();
        assertThat(close.out).contains("handed to it", "FLAT");
        BotSnapshot paused = daemon.await(Duration.ofSeconds(10), s -> s.paused() && "IDLE".equals(s.state()));
        assertThat(paused.position()).isNull();
        assertThat(daemon.journal("control")).singleElement().satisfies(e -> {
            assertThat(e.text("action")).hasValue("emergency_close");
            assertThat(e.text("by")).hasValue("cli");
        });
        long placements = daemon.orderPlacements();

        Run resume = run(new ResumeCommand(), "--data-dir", data.toString());
        assertThat(resume.exit).as(resume.out).isZero();
        assertThat(resume.out).contains("done by the running daemon");
        daemon.awaitHolding(Duration.ofSeconds(60));
        assertThat(daemon.orderPlacements()).as("a new pair after resume").isEqualTo(placements + 2);
    }

    @Test
    void pausedWhileStoppedThenResumedTradesWhenStarted() throws Exception {
        daemon.start();
        daemon.awaitHolding(Duration.ofSeconds(90));
        daemon.stop();
        Run pause = run(new PauseCommand(), "--data-dir", data.toString(), "--reason", "maintenance");
        assertThat(pause.exit).as(pause.out).isZero();
        assertThat(daemon.state().orElseThrow().paused()).isTrue();
        Run resume = run(new ResumeCommand(), "--data-dir", data.toString());
        assertThat(resume.exit).as(resume.out).isZero();
        assertThat(resume.out).contains("not running");
        daemon.start();
        BotSnapshot s = daemon.awaitHolding(Duration.ofSeconds(90));
        assertThat(s.paused()).isFalse();
        assertThat(daemon.journal("control")).extracting(e -> e.text("action").orElse(""))
                .containsExactly("pause", "resume");
    }

    record Run(int exit, String out) {
    }

    static Run run(Object command, String... args) {
        StringWriter sink = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(sink, true));
        cl.setErr(new PrintWriter(sink, true));
        int code = cl.execute(args);
        return new Run(code, sink.toString());
    }
}
