package io.perpcarry.engine;

/** Where a "a person must look now" message goes. The default logs at ERROR; the integrator may add a pager. */
@FunctionalInterface
public interface Alerter {
    void alert(String message);

    static Alerter logging() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("perpcarry.ALERT");
        return m -> log.error("ALERT: {}", m);
    }
}
