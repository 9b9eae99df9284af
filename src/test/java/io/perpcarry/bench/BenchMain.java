package io.perpcarry.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks with modest settings and prints one line per benchmark (median for sample-time
 * benchmarks), then the daemon benchmarks ({@link DaemonBench}: the whole daemon on the emulators).
 * Usage: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.perpcarry.bench.BenchMain [--signer | --daemon | regex]}:
 * no argument runs both (about 1.5 minutes), {@code --signer} or a JMH regex only JMH, {@code --daemon} only the daemon.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String arg = args.length > 0 ? args[0] : "";
        if (arg.equals("--help") || arg.equals("-h")) {
            System.out.println(String.join("\n",
                    "Usage: perpcarry bench [--signer | --daemon | JMH-REGEX]",
                    "Prints benchmark figures beside their goals; asserts nothing.",
                    "  (none)      the signer benchmarks (JMH), then the daemon on the emulators (about 2 minutes)",
                    "  --signer    only the Lighter signer benchmarks",
                    "  --daemon    only the daemon: start to first scan, leg skew, shock to both closes, memory",
                    "  JMH-REGEX   only the JMH benchmarks matching it"));
            return;
        }
        if (!arg.equals("--daemon")) {
            jmh(arg.isEmpty() || arg.equals("--signer") ? LighterSignerBenchmark.class.getName() : arg);
        }
        if (arg.isEmpty() || arg.equals("--daemon")) {
            DaemonBench.run(System.out, 30, 6);
        }
        System.exit(0); // the daemon's non-daemon threads (Quartz, Vert.x) must not keep the JVM up
    }

    private static void jmh(String include) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(include)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .forks(0) // in-process: the classpath is whatever launched us
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(opt).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var stats = r.getPrimaryResult().getStatistics();
            double value = stats.getN() > 0 && r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime
                    ? stats.getPercentile(50) : r.getPrimaryResult().getScore();
            System.out.println(String.format(Locale.ROOT, "%-28s %8.1f %s", label(name), value,
                    r.getPrimaryResult().getScoreUnit()));
        }
    }

    private static String label(String method) {
        return switch (method) {
            case "createOrderSign" -> "lighter create-order sign";
            case "verifyKnownKey" -> "lighter verify (known key)";
            case "verifyNewKey" -> "lighter verify (new key)";
            default -> method;
        };
    }
}
