package io.perpcarry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.AppPaths;
import io.perpcarry.app.BotApplication;
import io.perpcarry.app.BotWiring;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.state.BotState;
import io.perpcarry.state.DataDirLock;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as the integrator will start it: Camel Main, the real routes/ directory, BotWiring with two venues. */
class BotApplicationWiringTest {
    @TempDir
    Path dir;

    @Test
    void mainWithWiringRunsTheScanTimerAndExposesJmx() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            BotWiring wiring = new BotWiring(f.beans, dir);
            AppPaths paths = AppPaths.defaults().withRoutesDir(Path.of("routes")).withDataDir(dir);
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(Map.of(), Map.of(), Path.of(".env")));
            Main main = new BotApplication(paths, f.config, env).createMain(wiring);
            main.addOverrideProperty("camel.server.port", "0"); // ephemeral ports in tests
            main.addOverrideProperty("camel.management.port", "0");
            main.start();
            try {
                Instant deadline = Instant.now().plusSeconds(20);
                while (f.beans.engine.state() != BotState.HOLDING && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(f.beans.engine.state()).as("the first scan opened a hedge").isEqualTo(BotState.HOLDING);
                assertThat(ManagementFactory.getPlatformMBeanServer()
                        .getAttribute(new ObjectName(BotControl.OBJECT_NAME), "State")).isEqualTo("HOLDING");
                assertThat(main.getCamelContext().getRoute("emergency-close-file")).isNotNull();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataDirLock.acquire(dir))
                        .isInstanceOf(DataDirLock.DataDirLockedException.class);
            } finally {
                main.stop();
            }
            DataDirLock.acquire(dir).close(); // released on stop
        }
    }
}
