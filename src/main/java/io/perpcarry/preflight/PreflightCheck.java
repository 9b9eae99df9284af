package io.perpcarry.preflight;

import java.util.Objects;

/**
 * One preflight check: its stable name (e.g. {@code edgex.grid.BTC}), PASS or FAIL, what was observed on the venue and
 * what the bot needs. Names are what an operator greps for and what the daemon quotes when it refuses to trade.
 */
public record PreflightCheck(String name, boolean passed, String observed, String requirement) {
    public PreflightCheck {
        Objects.requireNonNull(name, "name");
        observed = observed == null ? "" : observed;
        requirement = requirement == null ? "" : requirement;
    }

    public static PreflightCheck pass(String name, String observed, String requirement) {
        return new PreflightCheck(name, true, observed, requirement);
    }

    public static PreflightCheck fail(String name, String observed, String requirement) {
        return new PreflightCheck(name, false, observed, requirement);
    }

    public String status() {
        return passed ? "PASS" : "FAIL";
    }
}
