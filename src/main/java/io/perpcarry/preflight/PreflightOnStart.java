package io.perpcarry.preflight;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live daemon's preflight: the same checks as {@code bin/perpcarry preflight}, run once the context and streams
 * are up, and again every {@code retryEvery} while they fail (a venue that was briefly unreadable should not keep
 * the bot out for good; a wrong unit keeps failing, loudly). Opens the gate on the first PASS and stops.
 */
public final class PreflightOnStart implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PreflightOnStart.class);

    private final Preflight preflight;
    private final List<String> symbols;
    private final EntryGate gate;
    private final Duration retryEvery;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "perpcarry-preflight");
        t.setDaemon(true);
        return t;
    });

    public PreflightOnStart(Preflight preflight, List<String> symbols, EntryGate gate, Duration retryEvery) {
        this.preflight = preflight;
        this.symbols = List.copyOf(symbols);
        this.gate = gate;
        this.retryEvery = retryEvery;
    }

    public void start() {
        timer.execute(this::runOnce);
    }

    private void runOnce() {
        try {
            PreflightReport report = preflight.run(symbols);
            if (report.passed()) {
                gate.passed();
                LOG.info("preflight PASS: {} checks; new hedges allowed", report.checks().size());
                return;
            }
            gate.failed(report);
            LOG.error("preflight FAIL, the bot opens no new hedge (held ones stay protected); again in {} s:\n{}",
                    retryEvery.toSeconds(), report.render());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("preflight could not run ({}); the bot opens no new hedge; again in {} s", e.toString(),
                    retryEvery.toSeconds());
        }
        timer.schedule(this::runOnce, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
