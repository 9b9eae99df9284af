package io.perpcarry.preflight;

/** Test access to the gate's package-private transitions (PreflightOnStart drives them in the daemon). */
public final class EntryGateAccess {
    private EntryGateAccess() {
    }

    public static void fail(EntryGate gate, PreflightReport report) {
        gate.failed(report);
    }

    public static void pass(EntryGate gate) {
        gate.passed();
    }
}
