package io.perpcarry.emulator.edgex;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.emulator.AdminApi;
import io.perpcarry.emulator.AdminRequestException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /_emulator/*} on the venue's own port, delegating to the shared {@link AdminApi}. Plain
 * JSON, not the venue envelope: these are the emulator's controls, not EdgeX endpoints. Admin
 * requests are not recorded in the request log and faults never apply to them.
 */
final class EdgexAdminHandlers {
    private final AdminApi admin;

    EdgexAdminHandlers(AdminApi admin) {
        this.admin = admin;
    }

    void mount(Router router) {
        on(router, HttpMethod.GET, "/_emulator/requests", b -> admin.requests());
        on(router, HttpMethod.DELETE, "/_emulator/requests", b -> admin.clearRequests());
        on(router, HttpMethod.GET, "/_emulator/faults", b -> admin.faults());
        on(router, HttpMethod.POST, "/_emulator/faults", admin::applyFaults);
        on(router, HttpMethod.DELETE, "/_emulator/faults", b -> admin.clearFaults());
        on(router, HttpMethod.POST, "/_emulator/price", admin::setPrice);
        on(router, HttpMethod.POST, "/_emulator/funding", admin::setFunding);
        on(router, HttpMethod.POST, "/_emulator/book", admin::freezeBook);
        on(router, HttpMethod.GET, "/_emulator/state", b -> admin.state());
    }

    private static void on(Router router, HttpMethod method, String path, Function<JsonNode, JsonNode> op) {
        router.route(method, path).handler(ctx -> serve(ctx, op));
    }

    private static void serve(RoutingContext ctx, Function<JsonNode, JsonNode> op) {
        try {
            JsonNode body = EdgexWire.body(ctx);
            EdgexWire.sendJson(ctx, 200, EdgexJson.write(op.apply(body)));
        } catch (AdminRequestException | EdgexError e) {
            EdgexWire.sendJson(ctx, 400, EdgexJson.write(EdgexJson.object().put("error", e.getMessage())));
        }
    }
}
