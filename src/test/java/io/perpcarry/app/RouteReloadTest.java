package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's routes come from YAML files and an edited file is re-deployed without a restart. */
class RouteReloadTest {
    static String route(String reply) {
        return """
                - route:
                    id: echo
                    from:
                      uri: direct:echo
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(reply);
    }

    @Test
    void editedYamlRouteIsReloadedWhileRunning(@TempDir Path routes) throws Exception {
        Files.writeString(routes.resolve("echo.yaml"), route("v1"));
        Files.copy(Path.of("routes/heartbeat.yaml"), routes.resolve("heartbeat.yaml"));
        AppPaths paths = AppPaths.defaults().withRoutesDir(routes).withDataDir(routes.resolve("data"));
        RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(Map.of(), Map.of(), Path.of(".env")));
        Main main = new BotApplication(paths, BotConfig.defaults(), env).createMain();
        main.addOverrideProperty("camel.server.port", "0"); // ephemeral ports in tests
        main.addOverrideProperty("camel.management.port", "0");
        main.start();
        try {
            CamelContext ctx = main.getCamelContext();
            assertThat(ctx.getRoute("heartbeat")).isNotNull();
            ProducerTemplate producer = ctx.createProducerTemplate();
            assertThat(producer.requestBody("direct:echo", "", String.class)).isEqualTo("v1");

            var reloads = DaemonRouteReloadTest.watchReloads(ctx);
            DaemonRouteReloadTest.save(routes.resolve("echo.yaml"), route("v2"));
            var reload = reloads.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reload).as("echo.yaml reloaded").isNotNull();
            assertThat(reload.error()).isNull();
            String reply = producer.requestBody("direct:echo", "", String.class);
            assertThat(reply).isEqualTo("v2");
            assertThat(ctx.getRoute("heartbeat")).as("other routes keep running").isNotNull();

            // A deleted file takes its routes with it (guard routes excepted: DaemonRouteReloadTest).
            Files.delete(routes.resolve("echo.yaml"));
            reload = reloads.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reload).as("echo.yaml deletion seen").isNotNull();
            assertThat(reload.error()).isNull();
            assertThat(ctx.getRoute("echo")).isNull();
            assertThat(ctx.getRouteController().getRouteStatus("heartbeat"))
                    .isEqualTo(org.apache.camel.ServiceStatus.Started);
        } finally {
            main.stop();
        }
    }
}
