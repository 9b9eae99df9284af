package io.perpcarry.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.emulator.engine.MarketEngine;

/**
 * The {@code /_emulator/*} operations, without HTTP: each wire layer mounts them on its own port. Bodies and
 * answers are Jackson trees; a bad body throws {@link AdminRequestException} (answer 400 with its message).
 * <ul>
 *   <li>{@code GET /_emulator/requests} → {@link #requests()}; {@code DELETE} → {@link #clearRequests()}</li>
 *   <li>{@code GET /_emulator/faults} → {@link #faults()}; {@code POST} → {@link #applyFaults(JsonNode)};
 *       {@code DELETE} → {@link #clearFaults()}</li>
 *   <li>{@code POST /_emulator/price} → {@link #setPrice(JsonNode)}</li>
 *   <li>{@code POST /_emulator/funding} → {@link #setFunding(JsonNode)}</li>
 *   <li>{@code GET /_emulator/state} → {@link #state()}</li>
 * </ul>
 */
public final class AdminApi {

    public AdminApi(MarketEngine engine, FaultPlan faults, RequestLog requests) {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@code {"dropped": n, "requests": [{sequence, arrivalNanos, wallTime, venue, method, path, txType, side, clientOrderId}]}} */
    public JsonNode requests() {
        throw new UnsupportedOperationException("not yet");
    }

    public JsonNode clearRequests() {
        throw new UnsupportedOperationException("not yet");
    }

    public JsonNode faults() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Body: {@code {"faults": [fault, ...], "replace": false}} or a bare array, in {@link FaultJson} form.
     * {@code "replace": true} clears existing faults first. FREEZE_BOOK faults are applied to the engine
     * immediately ({@code "frozen": false} in the fault unfreezes). Returns the stored faults.
     */
    public JsonNode applyFaults(JsonNode body) {
        throw new UnsupportedOperationException("not yet");
    }

    public JsonNode clearFaults() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Body: {@code {"symbol": "BTC", "price": "94000"}} or {@code {"symbol": "BTC", "shockPct": "-5"}}. */
    public JsonNode setPrice(JsonNode body) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Body: {@code {"venue": "LIGHTER", "symbol": "BTC", "rate": "0.0004"}} (native unit of the venue). */
    public JsonNode setFunding(JsonNode body) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Simulation time, per market index price, and per venue: marks, funding estimates, accounts. */
    public JsonNode state() {
        throw new UnsupportedOperationException("not yet");
    }
}
