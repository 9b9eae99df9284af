package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.api.ApiAccess;
import io.perpcarry.config.EnvironmentSource;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** Builds the Camel Main application: the properties file, the YAML routes, and the beans they call. */
public final class BotApplication {
    /** Routes that need the engine's beans (bound by {@link BotWiring}). */
    static final java.util.List<String> ENGINE_ROUTES =
            java.util.List.of("scan.yaml", "hedge.yaml", "protect.yaml", "control.yaml", "persist.yaml", "dashboard.yaml",
                    "api.yaml", "record.yaml", "alerts.yaml");

    private final AppPaths paths;
    private final BotConfig config;
    private final RuntimeEnvironment environment;
    private EnvironmentSource apiEnvironment;

    public BotApplication(AppPaths paths, BotConfig config, RuntimeEnvironment environment) {
        this.paths = paths;
        this.config = config;
        this.environment = environment;
    }

    /** Where PERPCARRY_API_TOKEN is read (default: the process environment and PERPCARRY_HOME/.env). */
    public BotApplication withApiEnvironment(EnvironmentSource env) {
        this.apiEnvironment = env;
        return this;
    }

    /**
     * Who may call the HTTP API; refuses (ConfigException naming PERPCARRY_API_TOKEN) a server bound beyond loopback
     * without a token.
     */
    public ApiAccess apiAccess(Optional<String> hostOverride) {
        EnvironmentSource env = envSource();
        // Camel Main lets CAMEL_SERVER_HOST override the properties file: the check must see the same host.
        return ApiAccess.from(paths.applicationProperties(), env, hostOverride.or(() -> env.get("CAMEL_SERVER_HOST")));
    }

    /** The process environment and PERPCARRY_HOME/.env (tests: what withApiEnvironment gave). */
    private EnvironmentSource envSource() {
        return apiEnvironment != null ? apiEnvironment
                : EnvironmentSource.withDotEnv(System.getenv(), paths.home().resolve(".env"));
    }

    public Main createMain() {
        return createMain((BotWiring) null);
    }

    /**
     * With a {@link BotWiring} (the integrator builds it from the two connectors) the engine's beans are bound and
     * the trading routes can run; without it only the heartbeat does.
     */
    public Main createMain(BotWiring wiring) {
        return wiring == null ? createMain((java.util.function.Function<CamelContext, BotWiring>) null) : createMain(ctx -> wiring);
    }

    /**
     * As {@link #createMain(BotWiring)}, but the wiring is built once the Camel context exists (the venue
     * connectors send their REST calls through it) and before any route starts.
     */
    public Main createMain(Function<CamelContext, BotWiring> wiringFactory) {
        if (!Files.isRegularFile(paths.applicationProperties())) {
            throw new IllegalStateException("Camel settings not found: " + paths.applicationProperties());
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + paths.applicationProperties());
        // The routes directory follows --routes-dir / PERPCARRY_HOME, whatever the properties file says.
        String routes = paths.routesDir().toString();
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml");
        main.addOverrideProperty("camel.main.routes-reload-directory", routes);
        if (wiringFactory == null) {
            // Without venue connectors the trading routes have no beans to call: run the heartbeat only.
            main.addOverrideProperty("camel.main.routes-exclude-pattern", String.join(",", ENGINE_ROUTES.stream()
                    .map(r -> "file:" + routes + "/" + r).toList()));
        }
        main.addOverrideProperty("perpcarry.scan-interval-ms", Long.toString(config.scanIntervalSeconds() * 1000L));
        main.addOverrideProperty("perpcarry.data-dir", paths.dataDir().toString());
        main.addOverrideProperty("perpcarry.record-enabled", Boolean.toString(config.recordMarketData()));
        main.bind("botConfig", config);
        main.bind("runtimeEnvironment", environment);
        main.bind("botStatus", new BotStatus(config, environment));
        main.bind("apiAccess", apiAccess(Optional.empty()));
        main.bind(io.perpcarry.alerts.AlertDesk.SETTINGS_BEAN, io.perpcarry.alerts.AlertSettings.read(envSource()));
        main.addOverrideProperty("perpcarry.check-interval-ms", Long.toString(config.checkIntervalSeconds() * 1000L));
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void afterConfigure(org.apache.camel.main.BaseMainSupport m) {
                // An edit of one file in routes/ reloads that file only (Camel's own reload loses routes).
                RouteFileReload.install(m.getCamelContext());
                ApiServerRouting.install(m.getCamelContext());
            }
        });
        if (wiringFactory != null) {
            main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                @Override
                public void beforeConfigure(org.apache.camel.main.BaseMainSupport m) {
                    // Context-level hooks fire whether Main is run() or start()ed (tests, embedding).
                    CamelContext ctx = m.getCamelContext();
                    BotWiring wiring = wiringFactory.apply(ctx);
                    wiring.bindTo(ctx.getRegistry()::bind);
                    try {
                        ctx.addStartupListener((context, alreadyStarted) -> wiring.attach(context));
                        ctx.addStartupListener(new org.apache.camel.StartupListener() {
                            @Override
                            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                            }

                            @Override
                            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                                announceDashboard(context);
                            }
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot hook the engine into Camel", e);
                    }
                    ctx.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
                        @Override
                        public void onContextStopped(org.apache.camel.CamelContext context) {
                            wiring.close();
                        }
                    });
                }
            });
        }
        return main;
    }

    /** Says where the dashboard is (the demo's first question). */
    private static void announceDashboard(CamelContext context) {
        io.perpcarry.api.HttpPorts.api(context).ifPresent(port -> org.slf4j.LoggerFactory.getLogger("perpcarry").warn(
                "dashboard: http://{}:{}/  (API: /api/state)",
                context.resolvePropertyPlaceholders("{{camel.server.host:127.0.0.1}}"), port));
    }

    /** Runs until Ctrl-C / SIGTERM, then stops the routes gracefully. */
    public void run() throws Exception {
        createMain().run();
    }
}
