package io.perpcarry.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * For {@link JvmSignalTest}: {@code launch LOG} prints its own ignored-signal mask and starts {@code print} through
 * {@link Jvm#start} with output to LOG; {@code print} prints its mask (Linux {@code /proc/self/status}, SigIgn).
 */
public final class SigIntProbe {
    private SigIntProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("mask " + mask());
        if (args[0].equals("launch")) {
            Jvm.start(List.of(), SigIntProbe.class.getName(), List.of("print"), Map.of(), Path.of(args[1])).waitFor();
        }
    }

    static long mask() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return Long.parseLong(line.substring("SigIgn:".length()).trim(), 16);
            }
        }
        throw new IllegalStateException("no SigIgn in /proc/self/status");
    }
}
