package io.perpcarry.engine;

import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.BotState;
import io.perpcarry.state.Journal;
import io.perpcarry.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every operator action, once: pause, resume, clear halt, close now, emergency close, adopt. The CLI (directly when
 * the daemon is stopped, through a control file when it runs), JMX, the control-file route and the HTTP API all
 * call these methods, so an action means the same whoever asks. Each call is journaled as a {@code control} entry
 * ({@code action}, {@code by}: cli, jmx, file or api) before it acts.
 */
public final class ControlActions {
    /** The command that lifts a pause, and the one that clears a halt (after a person has looked). */
    public static final String RESUME_COMMAND = "bin/perpcarry resume";
    public static final String CLEAR_HALT_COMMAND = "bin/perpcarry resume --clear-halt";

    /** Names of the trigger files in {@code data/control/} (the route in routes/control.yaml). */
    public static final String PAUSE_FILE = "PAUSE";
    public static final String RESUME_FILE = "RESUME";
    public static final String CLEAR_HALT_FILE = "CLEAR_HALT";
    public static final String CLOSE_NOW_FILE = "CLOSE_NOW";

    /**
     * What an action did. {@code ok}: the state is now as asked (changed or already so); {@code changed}: this call
     * changed it. Not ok: nothing could be done, {@code message} says why and what to do.
     */
    public record Outcome(String action, boolean ok, boolean changed, String message) {
        static Outcome done(String action, String message) {
            return new Outcome(action, true, true, message);
        }

        static Outcome already(String action, String message) {
            return new Outcome(action, true, false, message);
        }

        static Outcome refused(String action, String message) {
            return new Outcome(action, false, false, message);
        }
    }

    /** Takes over a hedge found on the venues (written by the execution side; absent until wired). */
    @FunctionalInterface
    public interface Adopter {
        String adopt(String by, String symbol);
    }

    private final RotationEngine engine;
    private final StateStore store;
    private final Journal journal;
    private final EmergencyClose emergency;
    private final Function<CloseRequest, String> closer;
    private volatile Adopter adopter;

    /**
     * @param emergency the emergency close (null where no venue is reachable: the daemon stopped)
     * @param closer    how to reach the close route (null when the daemon is stopped)
     */
    public ControlActions(RotationEngine engine, Journal journal, EmergencyClose emergency,
                          Function<CloseRequest, String> closer) {
        this.engine = engine;
        this.store = engine.store();
        this.journal = journal;
        this.emergency = emergency;
        this.closer = closer;
    }

    /**
     * The daemon stopped: the engine over {@code state.json} and the journal of {@code dataDir}, without venues. The
     * caller holds the data directory lock; {@link #close()} releases the journal.
     */
    public static ControlActions offline(Path dataDir, Clock clock) {
        BotSnapshot s = StateStore.load(dataDir.resolve(StateStore.FILE_NAME)).orElseThrow(() ->
                new IllegalStateException("no " + StateStore.FILE_NAME + " in " + dataDir + ": the bot has not run there"));
        StateStore store = new StateStore(dataDir, clock);
        store.restoreFrom(s);
        // restoreFrom leaves the position to the reconciler; here nothing reconciles, so keep what the file says.
        store.position(StateStore.positionOf(s).orElse(null));
        Optional.ofNullable(s.waitUntil()).map(java.time.Instant::parse).ifPresent(store::waitUntil);
        Journal journal = new Journal(dataDir.resolve("journal.jsonl"), clock);
        if (s.mode() != null) { // a paper daemon's files stay PAPER on every line
            journal.markEveryLine(s.mode());
            store.markMode(s.mode());
        }
        // Only pause/resume/clear-halt run offline: the timing knobs are never consulted, so neutral values do.
        EngineSettings none = new EngineSettings(Duration.ZERO, Duration.ZERO, io.perpcarry.strategy.RotationMode.ALWAYS,
                BigDecimal.ZERO, BigDecimal.ZERO, false, 1, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                BigDecimal.ZERO);
        RotationEngine engine = new RotationEngine(none, journal, store, clock, Alerter.logging());
        return new ControlActions(engine, journal, null, null);
    }

    /** Lets the execution side plug in "adopt a hedge found on the venues". */
    public void adopter(Adopter a) {
        this.adopter = a;
    }

    public RotationEngine engine() {
        return engine;
    }

    /** Stops new entries; what is held stays protected. */
    public synchronized Outcome pause(String by, String reason) {
        if (store.paused()) {
            return Outcome.already("pause", "already paused (state " + store.state() + "); lift with " + RESUME_COMMAND);
        }
        record("pause", by, reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason));
        engine.pause(by, reason);
        return Outcome.done("pause", "paused by " + by + reasonSuffix(reason) + " (state " + store.state()
                + "): no new hedge; protection keeps running. Lift with " + RESUME_COMMAND);
    }

    /**
     * Lifts a pause, whatever set it. A HALT is cleared only with {@code clearHalt}: a halt means a person must
     * look first, so without it the call is refused with the reason and the command that clears it.
     */
    public synchronized Outcome resume(String by, boolean clearHalt) {
        boolean halted = store.state() == BotState.HALTED;
        if (halted && !clearHalt) {
            return Outcome.refused("resume", "HALTED: " + store.haltReason().orElse("?") + ". Look at both venues"
                    + " first, then clear it with: " + CLEAR_HALT_COMMAND);
        }
        if (!halted && !store.paused()) {
            return Outcome.already("resume", "not paused and not halted (state " + store.state() + "); already trading");
        }
        record("resume", by, Map.of("clear_halt", clearHalt));
        StringBuilder m = new StringBuilder();
        if (halted) {
            m.append(engine.clearHalt(by)).append("; ");
        }
        if (store.paused()) {
            engine.resume(by);
            m.append("resumed by ").append(by).append(": new hedges allowed again");
        } else {
            m.append("not paused");
        }
        return Outcome.done("resume", m.append(" (state ").append(store.state()).append(')').toString());
    }

    /** Clears HALTED only (a pause stays); the daemon reconciles with both venues before anything else. */
    public synchronized Outcome clearHalt(String by) {
        if (store.state() != BotState.HALTED) {
            return Outcome.already("clear_halt", "not halted (state " + store.state() + "); nothing to clear");
        }
        record("clear_halt", by, Map.of());
        return Outcome.done("clear_halt", engine.clearHalt(by) + (store.paused() ? "; still paused: " + RESUME_COMMAND : ""));
    }

    /** Takes the held hedge off now (reduce-only, both legs) through the close route. */
    public Outcome closeNow(String by) {
        if (closer == null) {
            return Outcome.refused("close_now", "the daemon is not running; use bin/perpcarry close");
        }
        if (engine.state() != BotState.HOLDING) {
            return Outcome.refused("close_now", "no hedge held (state " + engine.state() + "); nothing to close");
        }
        record("close_now", by, Map.of());
        return Outcome.done("close_now", closer.apply(CloseRequest.manual(by)));
    }

    /** Cancels every order and closes every position on both venues; leaves the bot paused (HALTED if not flat). */
    public Outcome emergencyClose(String by, boolean dryRun) {
        if (emergency == null) {
            return Outcome.refused("emergency_close", "the daemon is not running; use bin/perpcarry emergency-close");
        }
        record("emergency_close", by, Map.of("dry_run", dryRun));
        String report = emergency.run(dryRun, by);
        boolean flat = dryRun || engine.state() != BotState.HALTED;
        return new Outcome("emergency_close", flat, !dryRun, report);
    }

    /** From the control-file route: EMERGENCY_CLOSE[.dry-run] drops; the report is written next to the trigger. */
    public String emergencyCloseFile(String triggerPath, String content) {
        String by = FileTrigger.parse(content).by();
        String name = Path.of(triggerPath).getFileName().toString();
        boolean dry = name.toLowerCase(Locale.ROOT).contains("dry") || (content != null
                && content.toLowerCase(Locale.ROOT).contains("dry"));
        if (emergency == null) {
            return "the emergency close is not wired";
        }
        record("emergency_close", by, Map.of("dry_run", dry, "trigger", name));
        return emergency.onTrigger(triggerPath, content);
    }

    /** Takes over a hedge found on the venues; a hook until the execution side plugs its adopter in. */
    public Outcome adopt(String by, String symbol) {
        Adopter a = adopter;
        if (a == null) {
            return Outcome.refused("adopt", "adopt is not available in this build");
        }
        record("adopt", by, Map.of("symbol", symbol));
        return Outcome.done("adopt", a.adopt(by, symbol));
    }

    /**
     * From the control-file route: PAUSE, RESUME, CLEAR_HALT, CLOSE_NOW. The content may say {@code by=cli},
     * {@code reason=...} and {@code clear-halt=true} (what bin/perpcarry writes); a person's file is {@code by=file}.
     */
    public String onControlFile(String fileName, String content) {
        FileTrigger t = FileTrigger.parse(content);
        Outcome o = switch (fileName) {
            case PAUSE_FILE -> pause(t.by(), t.reason());
            case RESUME_FILE -> resume(t.by(), t.clearHalt());
            case CLEAR_HALT_FILE -> clearHalt(t.by());
            case CLOSE_NOW_FILE -> closeNow(t.by());
            default -> Outcome.refused("unknown", "unknown control file " + fileName);
        };
        return (o.ok() ? "" : "REFUSED: ") + o.message();
    }

    private void record(String action, String by, Map<String, ?> extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("action", action);
        f.put("by", by);
        f.putAll(extra);
        journal.append("control", f);
    }

    private static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }

    /** The journal of an offline instance. */
    public void close() {
        journal.close();
    }

    /** What a control file says: {@code key=value} lines; anything else is a person's note (the reason). */
    record FileTrigger(String by, String reason, boolean clearHalt) {
        static FileTrigger parse(String content) {
            String by = "file";
            String reason = null;
            boolean clear = false;
            StringBuilder note = new StringBuilder();
            for (String line : (content == null ? "" : content).split("\n")) {
                String l = line.strip();
                int eq = l.indexOf('=');
                String key = eq > 0 ? l.substring(0, eq).strip().toLowerCase(Locale.ROOT) : "";
                String value = eq > 0 ? l.substring(eq + 1).strip() : "";
                switch (key) {
                    case "by" -> by = value.matches("[a-z]{2,10}") ? value : "file";
                    case "reason" -> reason = value;
                    case "clear-halt" -> clear = Boolean.parseBoolean(value);
                    default -> {
                        if (!l.isEmpty()) {
                            note.append(note.length() == 0 ? "" : " ").append(l);
                        }
                    }
                }
            }
            if (reason == null && note.length() > 0) {
                reason = note.length() > 200 ? note.substring(0, 200) : note.toString();
            }
            return new FileTrigger(by, reason, clear);
        }
    }
}
