package io.perpcarry.app;

import io.perpcarry.chaos.ChaosSuite;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The chaos and soak suite on the real daemon process against standalone emulators over loopback. */
@Command(name = "chaos", description = "Crash, fault, soak and stop-signal trials of the live daemon on the emulators; one figure line each.")
public final class ChaosCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "crash|faults|soak|signals|all", defaultValue = "all",
            description = "Which scenario (default: all)")
    ChaosSuite.Scenario scenario;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "50", description = "Crash trials (default 50)")
    int trials;

    @Option(names = "--seed", paramLabel = "S", description = "Replay the crash trial of this seed (with --trials: the first of N seeds); also seeds faults/soak")
    Long seed;

    @Option(names = "--faults", paramLabel = "full|sample|KIND[,KIND]", defaultValue = "full",
            description = "Fault matrix: every kind x phase x venue (full), one cell per kind (sample), or those kinds' cells (e.g. CLOCK_SKEW or REJECT,HTTP_429)")
    String faults;

    @Option(names = "--soak-hours", paramLabel = "H", defaultValue = "168", description = "Market hours of soak (default 168, a week)")
    double soakHours;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Trial directories and logs (default: target/chaos)")
    Path workDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (trials < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--trials must be >= 1, got " + trials);
        }
        java.util.List<String> kinds = java.util.Arrays.stream(io.perpcarry.emulator.FaultKind.values()).map(Enum::name).toList();
        if (!faults.equals("full") && !faults.equals("sample")
                && !java.util.Arrays.stream(faults.split(",", -1)).map(String::trim).allMatch(kinds::contains)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--faults must be full, sample or fault kinds, comma-separated ("
                    + java.util.Arrays.toString(io.perpcarry.emulator.FaultKind.values()) + "), got " + faults);
        }
        if (!(soakHours > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--soak-hours must be > 0, got " + soakHours);
        }
        Path home = AppPaths.defaults().home();
        Path work = workDir != null ? workDir : home.resolve("target/chaos");
        // --seed alone replays that one crash trial; with --trials it is the first of N
        boolean replayOne = seed != null && !spec.commandLine().getParseResult().hasMatchedOption("--trials");
        return new ChaosSuite(home, work, System.out).run(scenario, replayOne ? 1 : trials, seed, faults, soakHours) ? 0 : 1;
    }
}
