package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.perpcarry.config.BotConfig;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Issue 12: {@code open} ended with an unhandled NullPointerException from a Vert.x instance already closed. A normal
 * open on the emulators must end with exit 0 and nothing thrown: no exception logged or left uncaught on any thread
 * (Vert.x's included) while the command runs and closes its session.
 */
class OpenCommandExitTest {
    @TempDir
    Path data;

    @Test
    void aNormalOpenEndsWithoutAnyExceptionOnAnyThread() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try (LocalExchanges ex = LocalExchanges.start(LocalExchanges.Options.demo(), Clock.systemUTC())) {
            Map<String, String> vars = new HashMap<>(ex.environment());
            vars.put("PERPCARRY_MODE", "live");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            CommandLine cl = new CommandLine(new OpenCommand(f -> VenueSession.open(BotConfig.defaults(), env)));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute("BTC", "--size-quote", "200", "--cross-ticks", "2000", "--yes", "--data-dir", data.toString());

            assertThat(exit).as(out + "\n" + err).isZero();
            assertThat(out.toString() + err).doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            root.detachAppender(logs);
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
        assertThat(logs.list).filteredOn(e -> e.getThrowableProxy() != null)
                .extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + " / " + e.getThrowableProxy().getClassName())
                .isEmpty();
    }
}
