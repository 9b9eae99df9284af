package io.perpcarry.preflight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check of one preflight run, in the order they ran. */
public record PreflightReport(List<PreflightCheck> checks) {
    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(PreflightCheck::passed);
    }

    public List<PreflightCheck> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** "lighter.grid.BTC, edgex.open.ETH" — what the daemon names when it refuses to trade. */
    public String failureNames() {
        return String.join(", ", failures().stream().map(PreflightCheck::name).toList());
    }

    public String render() {
        int w = checks.stream().mapToInt(c -> c.name().length()).max().orElse(5);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + w + "s  %-4s  %s%n", "check", "", "observed (requirement)"));
        for (PreflightCheck c : checks) {
            sb.append(String.format("%-" + w + "s  %-4s  %s%s%n", c.name(), c.status(), c.observed(),
                    c.requirement().isEmpty() ? "" : "  (" + c.requirement() + ")"));
        }
        long failed = failures().size();
        sb.append(failed == 0 ? "PREFLIGHT PASS: " + checks.size() + " checks, nothing sent\n"
                : "PREFLIGHT FAIL: " + failed + " of " + checks.size() + " checks failed: " + failureNames() + "\n");
        return sb.toString();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("checks", checks.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("status", c.status());
            row.put("observed", c.observed());
            row.put("requirement", c.requirement());
            return row;
        }).toList());
        return m;
    }
}
