package io.perpcarry.app;

import io.perpcarry.engine.ControlActions;
import io.perpcarry.state.BotSnapshot;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** No new hedges until resumed; what is held stays protected (stop-loss, liquidation, imbalance, end of hold). */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Stop new entries (running or stopped daemon); the held hedge stays protected. Lift with resume.")
public final class PauseCommand extends ControlCommand {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (shown by status until resumed)")
    String reason;

    public PauseCommand() {
        this(Clock.systemUTC());
    }

    PauseCommand(Clock clock) {
        super(clock);
    }

    @Override
    ControlActions.Outcome offline(ControlActions actions) {
        return actions.pause("cli", reason);
    }

    @Override
    Optional<ControlActions.Outcome> precheck(BotSnapshot now) {
        return now.paused() ? Optional.of(new ControlActions.Outcome("pause", true, false,
                "already paused (state " + now.state() + "); lift with " + ControlActions.RESUME_COMMAND)) : Optional.empty();
    }

    @Override
    String triggerName() {
        return ControlActions.PAUSE_FILE;
    }

    @Override
    String triggerContent() {
        return "by=cli\n" + (reason == null ? "" : "reason=" + reason.replace('\n', ' ') + "\n");
    }

    @Override
    Predicate<BotSnapshot> confirmed() {
        return BotSnapshot::paused;
    }
}
