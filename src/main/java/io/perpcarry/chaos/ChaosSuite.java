package io.perpcarry.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the chosen scenarios and prints one figure line each; false when a figure is broken. */
public final class ChaosSuite {
    /** Market time runs this much faster on the emulators (an 8 h hold lasts 48 s). */
    static final double TIME_SCALE = 600;

    public enum Scenario { crash, faults, soak, signals, all }

    private final Path home;
    private final Path work;
    private final PrintStream out;

    public ChaosSuite(Path home, Path work, PrintStream out) {
        this.home = home;
        this.work = work;
        this.out = out;
    }

    public boolean run(Scenario which, int trials, Long seed, String faults, double soakHours) throws Exception {
        // Never leave an emulator or a daemon behind, whatever happens to this run.
        Thread reaper = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            return runScenarios(which, trials, seed, faults, soakHours);
        } finally {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    private boolean runScenarios(Scenario which, int trials, Long seed, String faults, double soakHours) throws Exception {
        List<String> figures = new ArrayList<>();
        boolean ok = true;
        if (which == Scenario.crash || which == Scenario.all) {
            CrashTrials c = new CrashTrials(new ChaosRun(home, work, out, TIME_SCALE));
            long first = seed != null ? seed : System.currentTimeMillis() % 1_000_000 * 10;
            for (int i = 0; i < trials; i++) {
                try {
                    c.trial(first + i);
                } catch (java.io.IOException e) {
                    c.notJudged(first + i, e); // the emulator or a process could not be driven: inconclusive
                }
            }
            figures.add(c.figure());
            out.println(c.figure());
            ok &= !c.broken();
        }
        long base = seed != null ? seed : 7;
        if (which == Scenario.faults || which == Scenario.all) {
            FaultMatrix m = new FaultMatrix(new ChaosRun(home, work, out, TIME_SCALE));
            m.run(FaultMatrix.plan(faults), base);
            figures.add(m.figure());
            out.println(m.figure());
            ok &= !m.brokenFigure();
        }
        if (which == Scenario.signals || which == Scenario.all) {
            StopSignals s = new StopSignals(new ChaosRun(home, work, out, TIME_SCALE));
            s.run(base);
            figures.add(s.figure());
            out.println(s.figure());
            ok &= !s.brokenFigure();
        }
        if (which == Scenario.soak || which == Scenario.all) {
            Soak s = new Soak(new ChaosRun(home, work, out, TIME_SCALE));
            String figure;
            try {
                s.run(soakHours, base);
                figure = s.figure();
                ok &= !s.brokenFigure();
            } catch (java.io.IOException e) {
                // the emulator or the daemon could not be driven (a loaded machine): no figure, so none broken
                figure = "SOAK: NOT JUDGED: " + e;
            }
            figures.add(figure);
            out.println(figure);
        }
        out.println("---");
        figures.forEach(out::println);
        return ok;
    }
}
