package io.perpcarry.alerts;

/** What an alert is about. Urgent kinds need a person now and pass the rate limit (never the dedup). */
public enum AlertKind {
    HALT(true),
    STOP_LOSS(true),
    RISK_CLOSE(true),
    LEG_UNWOUND(true),
    NOT_FLAT(true),
    POSITION_GONE(true),
    VENUE_UNREADABLE(true),
    STREAM_STALE(false),
    FUNDING_AGAINST(false),
    OPENED(false),
    CLOSED(false),
    DAILY_SUMMARY(false),
    ENGINE(true);

    private final boolean urgent;

    AlertKind(boolean urgent) {
        this.urgent = urgent;
    }

    public boolean urgent() {
        return urgent;
    }
}
