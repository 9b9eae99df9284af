package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Until the integrator passes connectors, the daemon starts with the heartbeat only (no engine beans to call). */
class EngineRoutesWithoutWiringTest {
    @Test
    void realRoutesDirStartsWithoutEngineRoutes(@TempDir Path data) throws Exception {
        AppPaths paths = AppPaths.defaults().withRoutesDir(Path.of("routes")).withDataDir(data);
        RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(Map.of(), Map.of(), Path.of(".env")));
        Main main = new BotApplication(paths, BotConfig.defaults(), env).createMain();
        main.addOverrideProperty("camel.server.port", "0"); // ephemeral ports in tests
        main.addOverrideProperty("camel.management.port", "0");
        main.start();
        try {
            assertThat(main.getCamelContext().getRoute("heartbeat")).isNotNull();
            assertThat(main.getCamelContext().getRoute("scan")).isNull();
        } finally {
            main.stop();
        }
    }
}
