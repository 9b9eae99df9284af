package io.perpcarry.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts another JVM on this one's classpath (the jar and its libraries, or Maven's test classpath). */
final class Jvm {
    /**
     * A suite started in the background (nohup, {@code &} in a script, CI) hands its children SIGINT ignored, and a
     * JVM started so installs no SIGINT handler: the signals scenario's Ctrl-C cases would then time the shell's job
     * control, not the daemon. coreutils' {@code env --default-signal} (8.31+) restores it before exec.
     */
    static final boolean RESETS_SIGINT = probe();

    private Jvm() {
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Process start(List<String> jvmFlags, String mainClass, List<String> args, Map<String, String> env, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        if (RESETS_SIGINT) {
            cmd.addAll(List.of("env", "--default-signal=INT")); // execs java: same pid
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("LIGHTER_") || k.startsWith("EDGEX_")
                || k.startsWith("API_KEY") || k.equals("ACCOUNT_INDEX") || k.equals("PERPCARRY_MODE"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    /** Sends a POSIX signal by name (TERM, INT, KILL) to a process. */
    static void signal(long pid, String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
