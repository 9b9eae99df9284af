package io.perpcarry.emulator;

/**
 * What a fault does to a matching request. "Terminal" kinds decide the response; modifiers change how it is
 * produced, so one request may receive one terminal fault plus any modifiers.
 */
public enum FaultKind {
    /** Answer with the venue's business error ({@link Fault#errorCode()}, {@link Fault#message()}). */
    REJECT(true),
    /** Wait {@link Fault#delayMs()} before answering (the answer itself is normal). */
    DELAY_MS(false),
    /** Accept the connection and never answer (the client must time out). */
    NO_ANSWER(true),
    /** HTTP 429 Too Many Requests. */
    HTTP_429(true),
    /** HTTP {@link Fault#httpStatus()} (500 when unset) with a non-venue body. */
    HTTP_5XX(true),
    /** HTTP 200 whose body is not valid JSON. */
    MALFORMED_BODY(true),
    /** Fill only {@link Fault#fraction()} of the order immediately; pass it as {@code OrderRequest.maxFillFraction}. */
    PARTIAL_FILL(false),
    /** Close the matching WebSocket session(s) without a close frame. */
    DROP_WEBSOCKET(true),
    /** Stop the venue's book for {@link FaultMatch#symbol()} from moving; applied to the engine, not per request. */
    FREEZE_BOOK(false),
    /**
     * Lighter: acknowledge the order ({@code sendTx} answers 200 with a hash), then refuse it at execution as a
     * cancel event ({@code canceled-margin-not-allowed}) with no fill: what a venue that acks before it executes
     * does when the margin check fails in the sequencer.
     */
    REFUSE_AFTER_ACCEPT(false),
    /**
     * Set the venue's wall clock (what signed requests' timestamps, tx deadlines and auth tokens are checked against,
     * and what its server time says) {@link Fault#skewMs()} ahead (negative: behind) of the real one; applied at once,
     * not per request, and not stored. The market clock is not moved. A fault with skewMs 0, or clearing the
     * faults, sets the clock right again.
     */
    CLOCK_SKEW(false);

    private final boolean terminal;

    FaultKind(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
