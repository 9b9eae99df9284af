package io.perpcarry.preflight;

import io.perpcarry.venue.http.RateBudget;
import java.time.Duration;

/** Request-budget headroom: the daemon's scanning alone may spend at most half of a venue's budget. */
final class RateHeadroom {
    private RateHeadroom() {
    }

    /**
     * {@code scanRequests}/{@code scanUnits}: what one scan cost on the venue's limiter; {@code scanEvery}: how often
     * the daemon scans. The other half of the budget is for orders, position reads, protection and commands.
     */
    static PreflightCheck check(String name, RateBudget budget, long scanRequests, long scanUnits, Duration scanEvery) {
        long window = budget.window().toMillis();
        long every = Math.max(1, scanEvery.toMillis());
        long scansPerWindow = (window + every - 1) / every;
        long perWindow = scanUnits * scansPerWindow;
        long percent = perWindow * 100 / budget.capacity();
        String per = human(budget.window());
        String observed = "one scan " + scanRequests + " requests = " + scanUnits + " units; every " + human(scanEvery)
                + ": " + perWindow + " of " + budget.capacity() + " units per " + per + " (" + percent + " %)"
                + (budget.verified() ? "" : "; budget unverified: " + budget.source());
        return new PreflightCheck(name, perWindow * 2 <= budget.capacity(), observed,
                "scanning spends at most half of the request budget (" + budget.source() + ")");
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
