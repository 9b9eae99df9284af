package io.perpcarry.engine;

import java.nio.file.Path;

/** Run in a JVM with the daemon's heap by {@link JournalGrowthTest}: builds the engine on a data dir and reconciles. */
public final class JournalStartProbe {
    private JournalStartProbe() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Fixture f = new Fixture(Path.of(args[0]));
        f.beans.reconciler.ensureReconciled();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.println("started: " + f.beans.engine.state() + " in " + ms + " ms, heap used "
                + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " MB of " + rt.maxMemory() / (1024 * 1024) + " MB");
        f.close();
    }
}
