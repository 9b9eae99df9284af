package io.perpcarry.chaos;

import java.util.ArrayList;
import java.util.List;

/** What the venues, the journal and state.json show after a run, judged: every broken figure is named. */
final class Verdict {
    String outcome = "FLAT"; // FLAT, HEDGED, HALTED (reason)
    int nakedLegs;
    int oversize;
    int duplicateIds;
    int unreadableState;
    int holdClockLost;
    int unknownExposure;
    int journalLost;
    final List<String> problems = new ArrayList<>();

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(String what) {
        problems.add(what);
    }

    @Override
    public String toString() {
        return outcome + (ok() ? "" : " BROKEN: " + String.join("; ", problems));
    }
}
