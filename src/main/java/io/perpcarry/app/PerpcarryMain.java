package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.ConfigException;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;

/** The daemon's entry point, used by {@code mvn camel:run} and {@code bin/perpcarry run}. */
public final class PerpcarryMain {
    private PerpcarryMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(AppPaths.defaults()));
    }

    static int run(AppPaths paths) throws Exception {
        BotConfig config;
        RuntimeEnvironment environment;
        try {
            config = BotConfigLoader.load(paths.botConfig());
            environment = RuntimeEnvironment.read(EnvironmentSource.withDotEnv(System.getenv(), paths.home().resolve(".env")));
        } catch (ConfigException e) {
            System.err.println("perpcarry: cannot start:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 2;
        }
        new BotApplication(paths, config, environment).run();
        return 0;
    }
}
