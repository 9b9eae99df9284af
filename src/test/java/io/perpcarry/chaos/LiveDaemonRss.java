package io.perpcarry.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * For {@code bin/perpcarry bench}: the live daemon's own resident memory, without the emulators in its process.
 * The daemon runs as {@code perpcarry run} does (its JVM flags, live mode) against an emulator process, as the
 * chaos suite starts them; measured once a hedge is held and the daemon has scanned for a while.
 */
public final class LiveDaemonRss {
    private LiveDaemonRss() {
    }

    /** The daemon process's figures ({@code VmRSS}, heap after GC, threads, sockets), or why there are none. */
    public static String measure(Path home, Path work, PrintStream log) throws Exception {
        ChaosRun run = new ChaosRun(home, work, log, 600);
        Path dir = run.trialDir("bench-rss", ChaosRun.botJson(8, 22));
        try (EmulatorProcess ex = run.emulator(7, dir);
             DaemonProcess d = DaemonProcess.start(ex, home, dir.resolve("bot.json"), dir.resolve("data"), null, 1,
                     dir.resolve("daemon.log"), Map.of())) {
            if (d.await(Duration.ofSeconds(240), CrashTrials::holding).isEmpty()) {
                return "no hedge held within 240 s: " + d.logTail(5);
            }
            Thread.sleep(15_000); // a few scans and protection passes after the open
            Soak.Proc p = Soak.Proc.of(d.pid());
            return String.format(java.util.Locale.ROOT, "%.1f MB (heap after GC %s, %d threads)", p.rssKb() / 1024.0,
                    p.heap(), p.threads());
        }
    }
}
