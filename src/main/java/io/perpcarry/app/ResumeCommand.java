package io.perpcarry.app;

import io.perpcarry.engine.ControlActions;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.BotState;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lifts a pause, whatever set it (a person, an emergency close). HALTED is cleared only with {@code --clear-halt}:
 * without it the command prints the halt reason and the command to clear it, and exits 4. A cleared halt makes the
 * daemon reconcile with both venues before it trades.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Lift a pause (running or stopped daemon); with --clear-halt also clear HALTED after you have looked.")
public final class ResumeCommand extends ControlCommand {
    @Option(names = "--clear-halt", description = "Also clear HALTED (the daemon reconciles with both venues first)")
    boolean clearHalt;

    public ResumeCommand() {
        this(Clock.systemUTC());
    }

    ResumeCommand(Clock clock) {
        super(clock);
    }

    @Override
    ControlActions.Outcome offline(ControlActions actions) {
        return actions.resume("cli", clearHalt);
    }

    @Override
    Optional<ControlActions.Outcome> precheck(BotSnapshot now) {
        boolean halted = BotState.HALTED.name().equals(now.state());
        if (halted && !clearHalt) {
            return Optional.of(new ControlActions.Outcome("resume", false, false, "HALTED: " + now.haltReason()
                    + ". Look at both venues first, then clear it with: " + ControlActions.CLEAR_HALT_COMMAND));
        }
        if (!halted && !now.paused()) {
            return Optional.of(new ControlActions.Outcome("resume", true, false, "not paused and not halted (state "
                    + now.state() + "); already trading"));
        }
        return Optional.empty();
    }

    @Override
    String triggerName() {
        return ControlActions.RESUME_FILE;
    }

    @Override
    String triggerContent() {
        return "by=cli\nclear-halt=" + clearHalt + "\n";
    }

    @Override
    Predicate<BotSnapshot> confirmed() {
        return s -> !s.paused() && !BotState.HALTED.name().equals(s.state());
    }
}
