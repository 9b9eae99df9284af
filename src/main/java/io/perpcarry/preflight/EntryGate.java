package io.perpcarry.preflight;

import java.util.Optional;

/**
 * Whether the live daemon may open new hedges as far as preflight is concerned. Shut until the first run passes;
 * a FAIL keeps it shut, naming the failed checks. Only entries are gated: what is held stays protected.
 */
public final class EntryGate {
    /** A gate for modes without preflight (demo, paper, tests): always open. */
    public static final EntryGate OPEN = new EntryGate(null);

    private volatile String refusal;

    private EntryGate(String refusal) {
        this.refusal = refusal;
    }

    /** Shut until {@link #passed()}: the live daemon's gate at start. */
    public static EntryGate shutUntilPreflight() {
        return new EntryGate("preflight has not finished yet");
    }

    /** Why entries are refused, or empty when they are allowed. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    void passed() {
        if (this != OPEN) {
            refusal = null;
        }
    }

    void failed(PreflightReport report) {
        if (this != OPEN) {
            refusal = "preflight FAIL: " + report.failureNames() + " (run bin/perpcarry preflight)";
        }
    }
}
