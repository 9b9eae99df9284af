package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.RuntimeEnvironment;
import java.nio.file.Files;
import org.apache.camel.main.Main;

/** Builds the Camel Main application: the properties file, the YAML routes, and the beans they call. */
public final class BotApplication {
    private final AppPaths paths;
    private final BotConfig config;
    private final RuntimeEnvironment environment;

    public BotApplication(AppPaths paths, BotConfig config, RuntimeEnvironment environment) {
        this.paths = paths;
        this.config = config;
        this.environment = environment;
    }

    public Main createMain() {
        return createMain(null);
    }

    /**
     * With a {@link BotWiring} (the integrator builds it from the two connectors) the engine's beans are bound and
     * the trading routes can run; without it only the heartbeat does.
     */
    public Main createMain(BotWiring wiring) {
        if (!Files.isRegularFile(paths.applicationProperties())) {
            throw new IllegalStateException("Camel settings not found: " + paths.applicationProperties());
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + paths.applicationProperties());
        // The routes directory follows --routes-dir / PERPCARRY_HOME, whatever the properties file says.
        String routes = paths.routesDir().toString();
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml");
        main.addOverrideProperty("camel.main.routes-reload-directory", routes);
        main.addOverrideProperty("perpcarry.scan-interval-ms", Long.toString(config.scanIntervalSeconds() * 1000L));
        main.addOverrideProperty("perpcarry.data-dir", paths.dataDir().toString());
        main.bind("botConfig", config);
        main.bind("runtimeEnvironment", environment);
        main.bind("botStatus", new BotStatus(config, environment));
        main.addOverrideProperty("perpcarry.check-interval-ms", Long.toString(config.checkIntervalSeconds() * 1000L));
        if (wiring != null) {
            wiring.bindTo(main::bind);
            main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                @Override
                public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                    wiring.attach(m.getCamelContext());
                }

                @Override
                public void afterStop(org.apache.camel.main.BaseMainSupport m) {
                    wiring.close();
                }
            });
        }
        return main;
    }

    /** Runs until Ctrl-C / SIGTERM, then stops the routes gracefully. */
    public void run() throws Exception {
        createMain().run();
    }
}
