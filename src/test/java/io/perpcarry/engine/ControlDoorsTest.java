package io.perpcarry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.BotWiring;
import io.perpcarry.app.Cli;
import io.perpcarry.state.BotState;
import io.perpcarry.state.JournalEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * One meaning per control action, whichever door it comes through: the running daemon's routes and beans over fake
 * venues, each action through the CLI (control file), JMX and a person's file drop, then the same {@code control}
 * journal entry (with {@code by}) and the same resulting state.
 */
class ControlDoorsTest {
    @TempDir
    Path dir;
    Fixture f;
    BotWiring wiring;
    CamelContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
        wiring = new BotWiring(f.beans, dir);
        ctx = new DefaultCamelContext();
        ctx.getShutdownStrategy().setTimeout(5);
        Properties p = new Properties();
        p.put("perpcarry.data-dir", dir.toString());
        p.put("perpcarry.scan-interval-ms", "3600000");
        p.put("perpcarry.timers-enabled", "false");
        p.put("perpcarry.check-interval-ms", "3600000");
        p.put("perpcarry.control-poll-ms", "100");
        ctx.getPropertiesComponent().setInitialProperties(p);
        wiring.bindTo(ctx.getRegistry()::bind);
        for (String r : CamelRoutesTest.ROUTES) {
            PluginHelper.getRoutesLoader(ctx).loadRoutes(ResourceHelper.resolveResource(ctx, "file:routes/" + r));
        }
        ctx.start();
        wiring.attach(ctx);
        f.beans.store.persist();
    }

    @AfterEach
    void tearDown() {
        ctx.stop();
        wiring.close();
        f.close();
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({
        "pause, cli", "pause, jmx", "pause, file",
        "resume, cli", "resume, jmx", "resume, file",
        "resume_clear_halt, cli", "resume_clear_halt, jmx", "resume_clear_halt, file",
        "clear_halt, jmx", "clear_halt, file",
        "close_now, jmx", "close_now, file"})
    void eachActionMeansTheSameThroughEachDoor(String action, String door) throws Exception {
        switch (action) {
            case "resume" -> f.beans.engine.pause("setup");
            case "resume_clear_halt", "clear_halt" -> {
                f.beans.engine.pause("setup");
                f.beans.engine.halt("setup halt");
            }
            case "close_now" -> ctx.createProducerTemplate().sendBody("direct:scan", null);
            default -> { }
        }
        int before = f.beans.journal.readAll().size();
        through(action, door);
        String journaled = action.equals("resume_clear_halt") ? "resume" : action;
        awaitTrue(() -> controlEntries(before).size() == 1);
        JournalEntry e = controlEntries(before).get(0);
        assertThat(e.text("action")).hasValue(journaled);
        assertThat(e.text("by")).hasValue(door);
        // The control entry is journaled before the action takes effect: wait for the effect, then check it.
        switch (action) {
            case "pause" -> awaitTrue(() -> f.beans.store.paused());
            case "resume" -> awaitTrue(() -> !f.beans.store.paused());
            case "resume_clear_halt" -> {
                awaitTrue(() -> !f.beans.store.paused() && f.beans.engine.state() == BotState.IDLE);
                assertThat(e.text("clear_halt")).hasValue("true");
            }
            case "clear_halt" -> {
                awaitTrue(() -> f.beans.engine.state() == BotState.IDLE);
                assertThat(f.beans.store.paused()).as("clearing a halt is not un-pausing").isTrue();
            }
            case "close_now" -> awaitTrue(() -> f.beans.engine.state() == BotState.WAITING);
            default -> throw new IllegalArgumentException(action);
        }
        assertThat(f.journalTypes()).as("the engine's own record follows")
                .contains(switch (action) {
                    case "pause" -> "paused";
                    case "resume" -> "resumed";
                    case "close_now" -> "position_closed";
                    default -> "halt_cleared";
                });
    }

    @Test
    void resumeOnAHaltWithoutClearHaltIsRefusedWithTheReasonAndTheCommand() throws Exception {
        f.beans.engine.halt("legs differ by 40%");
        StringWriter err = new StringWriter();
        int code = cli(err, "resume", "--data-dir", dir.toString(), "--wait-seconds", "2");
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("legs differ by 40%", "bin/perpcarry resume --clear-halt");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(wiring.controls().resume("jmx", false).ok()).isFalse();
    }

    @Test
    void pauseWhenAlreadyPausedSaysSoAndSucceeds() throws Exception {
        f.beans.engine.pause("setup");
        StringWriter out = new StringWriter();
        assertThat(cli(out, "pause", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("already paused");
    }

    private void through(String action, String door) throws Exception {
        switch (door) {
            case "cli" -> {
                StringWriter out = new StringWriter();
                int code = switch (action) {
                    case "pause" -> cli(out, "pause", "--data-dir", dir.toString(), "--reason", "test");
                    case "resume" -> cli(out, "resume", "--data-dir", dir.toString());
                    default -> cli(out, "resume", "--clear-halt", "--data-dir", dir.toString());
                };
                assertThat(code).as(out.toString()).isZero();
            }
            case "jmx" -> {
                String op = switch (action) {
                    case "resume_clear_halt" -> "resumeClearingHalt";
                    case "clear_halt" -> "clearHalt";
                    case "close_now" -> "closeNow";
                    default -> action;
                };
                ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(BotControl.OBJECT_NAME), op, null, null);
            }
            case "file" -> {
                String name = switch (action) {
                    case "pause" -> "PAUSE";
                    case "clear_halt" -> "CLEAR_HALT";
                    case "close_now" -> "CLOSE_NOW";
                    default -> "RESUME";
                };
                Path control = Files.createDirectories(dir.resolve("control"));
                Path tmp = Files.writeString(dir.resolve(name + ".tmp"),
                        action.equals("resume_clear_halt") ? "clear-halt=true\n" : "looked at it\n");
                Files.move(tmp, control.resolve(name));
            }
            default -> throw new IllegalArgumentException(door);
        }
    }

    private static int cli(StringWriter sink, String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(sink, true));
        cl.setErr(new PrintWriter(sink, true));
        return cl.execute(args);
    }

    private List<JournalEntry> controlEntries(int from) {
        List<JournalEntry> all = f.beans.journal.readAll();
        return all.subList(from, all.size()).stream().filter(e -> e.type().equals("control")).toList();
    }

    private static void awaitTrue(BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
