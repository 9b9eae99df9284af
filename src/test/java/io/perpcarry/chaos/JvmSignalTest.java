package io.perpcarry.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos signals scenario sends SIGINT to the daemon; a suite started in the background hands its children SIGINT
 * ignored (found: `chaos signals` under nohup, both SIGINT cases "still running 30 s after SIGINT"). A JVM the suite
 * starts must have SIGINT back at its default whatever its parent had.
 */
class JvmSignalTest {
    private static final long SIGINT_BIT = 1L << 1; // signal 2

    @TempDir
    Path dir;

    @Test
    void aDaemonStartedFromASuiteWithSigintIgnoredStillTakesSigint() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux /proc needed to read the signal mask");
        assumeTrue(Jvm.RESETS_SIGINT, "coreutils env --default-signal not available here");
        Path childLog = dir.resolve("child.log");
        Path parentLog = dir.resolve("parent.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the parent as a background job would be: SIGINT ignored (trap '' is inherited across exec)
        Process parent = new ProcessBuilder("bash", "-c", "trap '' INT; exec \"$@\"", "bash", java, "-cp",
                System.getProperty("java.class.path"), SigIntProbe.class.getName(), "launch", childLog.toString())
                .redirectErrorStream(true).redirectOutput(parentLog.toFile()).start();
        assertThat(parent.waitFor()).as(Files.readString(parentLog)).isZero();

        assertThat(mask(parentLog) & SIGINT_BIT).as("the parent ignores SIGINT (the case under test)").isNotZero();
        assertThat(mask(childLog) & SIGINT_BIT).as("the child's SIGINT is back at its default").isZero();
    }

    private static long mask(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("mask ")).toList();
        assertThat(lines).as(log.toString()).hasSize(1);
        return Long.parseLong(lines.get(0).substring("mask ".length()));
    }
}
