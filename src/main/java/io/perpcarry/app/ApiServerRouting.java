package io.perpcarry.app;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Puts the platform-http routes (API, dashboard) on the API server whatever its port.
 *
 * <p>Why: with the management server beside it, Camel 4.17's Vert.x platform-http engine cannot tell which of the
 * two servers is "the" one, falls back to port 8080 and looks up the router {@code platform-http-router-8080}; with
 * {@code camel.server.port} set to anything else the context fails to start ("No PlatformHttpEngine created and
 * setup in registry with name: platform-http-router-8080"). This binds that name to the API server's own router.
 */
final class ApiServerRouting {
    static final String FALLBACK_ROUTER = "platform-http-router-8080";

    private ApiServerRouting() {
    }

    static void install(CamelContext ctx) {
        String api = ctx.getPropertiesComponent().resolveProperty("camel.server.port").orElse("8080").trim();
        String management = ctx.getPropertiesComponent().resolveProperty("camel.management.port").orElse("").trim();
        if (api.equals("8080") || management.equals("8080")) {
            return; // the fallback name is a real server's router already
        }
        String own = "platform-http-router-" + api;
        ctx.getRegistry().bind(FALLBACK_ROUTER, VertxPlatformHttpRouter.class, () -> {
            VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(ctx, own);
            if (router == null) {
                throw new IllegalStateException("no router " + own + " for camel.server.port=" + api);
            }
            return router;
        });
    }
}
