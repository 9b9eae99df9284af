package io.perpcarry.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named steps where the chaos suite may kill the daemon: with {@code -Dperpcarry.chaos.haltAt=STEP} (and
 * optionally {@code -Dperpcarry.chaos.haltHit=N}, the N-th time the step is reached, default 1) the process calls
 * {@link Runtime#halt} there, as a SIGKILL would, with no shutdown hook run. Without the property it does nothing.
 * Steps: reconcile, scan, planning, between-legs, read-back, level-unwind, hold, close, emergency-close.
 */
public final class ChaosHook {
    /** Exit status of a self-halted process, so the chaos runner can tell it from a crash. */
    public static final int HALT_STATUS = 137;
    private static final String STEP = System.getProperty("perpcarry.chaos.haltAt");
    private static final int HIT = Integer.getInteger("perpcarry.chaos.haltHit", 1);
    private static final AtomicInteger HITS = new AtomicInteger();

    private ChaosHook() {
    }

    public static void at(String step) {
        if (STEP != null && STEP.equals(step) && HITS.incrementAndGet() == HIT) {
            System.err.println("CHAOS: halting at " + step);
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
