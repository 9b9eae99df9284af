package io.perpcarry.emulator.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a venue takes between acknowledging an order and executing it. Lighter answers {@code sendTx} before
 * the sequencer runs the transaction (documented 200–300 ms, plus indexing before the account reads show it), so
 * fills and refusals appear later than the ack. Zero latency and zero jitter = executed inside the request, as
 * before. Wall-clock milliseconds whatever the market's time scale: transport and sequencing take real time.
 */
public final class ExecutionLatency implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionLatency.class);
    private volatile long latencyMs;
    private volatile long jitterMs;
    private ScheduledExecutorService scheduler;

    /** @param jitterMs each execution waits latency + uniform[0, jitter] ms */
    public synchronized void set(long latencyMs, long jitterMs) {
        if (latencyMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("execution latency and jitter must be >= 0 ms, were " + latencyMs
                    + " and " + jitterMs);
        }
        this.latencyMs = latencyMs;
        this.jitterMs = jitterMs;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public long jitterMs() {
        return jitterMs;
    }

    public boolean immediate() {
        return latencyMs == 0 && jitterMs == 0;
    }

    /** Runs {@code work} after the latency (plus jitter) on the venue's execution thread, in submission order. */
    synchronized void later(Runnable work) {
        if (scheduler == null || scheduler.isShutdown()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "emulator-execution");
                t.setDaemon(true);
                return t;
            });
        }
        long delay = latencyMs + (jitterMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMs + 1));
        scheduler.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("emulated execution failed", e); // a silent loss would look like a venue that never answers
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
