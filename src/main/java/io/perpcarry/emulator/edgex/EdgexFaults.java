package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.FaultRequest;
import io.perpcarry.emulator.VenueId;
import io.vertx.ext.web.RoutingContext;

/**
 * The engine's {@link FaultPlan} applied at the EdgeX wire: takes the faults for a request and
 * produces the misbehaving answers. FREEZE_BOOK is the engine's business (applied by
 * {@code AdminApi}); DROP_WEBSOCKET is applied by {@link EdgexStreams}.
 */
final class EdgexFaults {
    /** A gateway's page: a 5xx from the edge is not the venue's JSON. */
    static final String GATEWAY_PAGE = "<html><head><title>%d</title></head><body><center><h1>%d Server Error</h1>"
            + "</center><hr><center>emulator</center></body></html>";

    private final FaultPlan plan;

    EdgexFaults(FaultPlan plan) {
        this.plan = plan;
    }

    /** What the plan holds for one request; every returned fault has been consumed once. */
    record Decision(long delayMs, Optional<BigDecimal> partialFill, Optional<Fault> terminal) {
    }

    Decision take(FaultRequest request) {
        List<Fault> taken = plan.take(request);
        long delay = 0;
        BigDecimal partial = null;
        Fault terminal = null;
        for (Fault f : taken) {
            if (f.kind() == FaultKind.DELAY_MS) {
                delay += f.delayMs();
            } else if (f.kind() == FaultKind.PARTIAL_FILL) {
                partial = partial == null ? f.fraction() : partial.min(f.fraction());
            } else if (f.kind().terminal()) {
                terminal = f;
            }
        }
        return new Decision(delay, Optional.ofNullable(partial), Optional.ofNullable(terminal));
    }

    /**
     * Answers (or, for NO_ANSWER, deliberately does not answer) a request whose terminal fault
     * decides the response. DROP_WEBSOCKET is not a REST answer and must be handled by the caller.
     */
    static void answer(RoutingContext ctx, Fault f, long requestTime, long responseTime) {
        switch (f.kind()) {
            case REJECT -> {
                String code = f.errorCode() == null ? EdgexError.Codes.ORDER_REJECTED : f.errorCode();
                EdgexWire.sendJson(ctx, 200, EdgexJson.errorBody(
                        EdgexError.business(code, f.message(), Map.of()), requestTime, responseTime));
            }
            case HTTP_429 -> EdgexWire.sendJson(ctx, 429, EdgexJson.errorBody(new EdgexError(
                    EdgexError.Codes.TOO_MANY_REQUESTS, 429, "too many requests", Map.of()), requestTime, responseTime));
            case HTTP_5XX -> {
                int status = f.httpStatus() == null ? 500 : f.httpStatus();
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html")
                        .end(String.format(GATEWAY_PAGE, status, status));
            }
            case MALFORMED_BODY -> {
                // A truncated envelope: starts like the real thing, is not JSON.
                String full = EdgexJson.successBody(EdgexJson.object(), requestTime, responseTime);
                EdgexWire.sendJson(ctx, 200, full.substring(0, full.length() / 2));
            }
            case NO_ANSWER -> {
                // Keep the connection open and silent; the client must time out.
            }
            default -> throw new IllegalStateException("not a REST answer: " + f.kind());
        }
    }

    /**
     * Whether a DROP_WEBSOCKET fault is planned for a session on {@code wsPath}; consumes one count
     * when so. The plan is only asked when such a fault is pending, so REST faults are not consumed
     * by socket checks.
     */
    boolean takeDrop(String wsPath) {
        FaultRequest r = FaultRequest.of(VenueId.EDGEX, "GET", wsPath);
        boolean pending = plan.list().stream().anyMatch(f -> f.kind() == FaultKind.DROP_WEBSOCKET && f.applies(r));
        if (!pending) {
            return false;
        }
        return plan.take(r).stream().anyMatch(f -> f.kind() == FaultKind.DROP_WEBSOCKET);
    }
}
