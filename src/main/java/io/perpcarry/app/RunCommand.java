package io.perpcarry.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the daemon from the packaged jar, as {@code mvn camel:run} does from the sources. */
@Command(name = "run", description = "Run the bot (demo without credentials, live with PERPCARRY_MODE=live).")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (default: config/bot.json)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "State, journal and control files (default: data/)")
    Path dataDir;

    @Option(names = "--routes-dir", paramLabel = "DIR", description = "YAML routes (default: routes/)")
    Path routesDir;

    @Override
    public Integer call() throws Exception {
        return PerpcarryMain.run(AppPaths.defaults().withBotConfig(config).withDataDir(dataDir).withRoutesDir(routesDir));
    }
}
