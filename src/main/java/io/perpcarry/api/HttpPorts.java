package io.perpcarry.api;

import java.util.OptionalInt;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * The ports the embedded servers actually bound: with {@code camel.server.port = 0} (tests) Camel Main's own
 * getters answer 0; the Vert.x server knows the real one. When both servers are configured alike, Camel serves
 * the management paths on the main server, so both answers are the same port.
 */
public final class HttpPorts {
    private HttpPorts() {
    }

    /** The API and dashboard server ({@code camel.server.port}). */
    public static OptionalInt api(CamelContext ctx) {
        return bound(ctx, "camel.server.port", 8080);
    }

    /** The health and metrics server ({@code camel.management.port}). */
    public static OptionalInt management(CamelContext ctx) {
        return bound(ctx, "camel.management.port", 9876);
    }

    private static OptionalInt bound(CamelContext ctx, String key, int fallback) {
        int configured = ctx.getPropertiesComponent().resolveProperty(key).map(String::trim).map(Integer::parseInt)
                .orElse(fallback);
        for (VertxPlatformHttpServer s : ctx.hasServices(VertxPlatformHttpServer.class)) {
            if (s.getConfigurationPort() == configured && s.getServer() != null) {
                return OptionalInt.of(s.getPort());
            }
        }
        return OptionalInt.empty();
    }
}
