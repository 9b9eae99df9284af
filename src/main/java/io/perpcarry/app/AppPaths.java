package io.perpcarry.app;

import io.perpcarry.config.ConfigException;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RunMode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon finds its files. Defaults are relative to {@code PERPCARRY_HOME} (set by {@code bin/perpcarry}
 * and the Docker image) or the working directory; paths given on the command line are taken as given.
 */
public record AppPaths(Path home, Path botConfig, Path applicationProperties, Path routesDir, Path dataDir) {

    public static AppPaths defaults() {
        return defaults(System.getenv());
    }

    static AppPaths defaults(Map<String, String> env) {
        String h = env.get("PERPCARRY_HOME");
        Path home = (h == null || h.isBlank() ? Path.of("") : Path.of(h)).toAbsolutePath().normalize();
        return new AppPaths(home, home.resolve("config/bot.json"), home.resolve("config/application.properties"),
                home.resolve("routes"), home.resolve("data"));
    }

    public AppPaths withBotConfig(Path file) {
        return file == null ? this : new AppPaths(home, file.toAbsolutePath(), applicationProperties, routesDir, dataDir);
    }

    public AppPaths withDataDir(Path dir) {
        return dir == null ? this : new AppPaths(home, botConfig, applicationProperties, routesDir, dir.toAbsolutePath());
    }

    public AppPaths withRoutesDir(Path dir) {
        return dir == null ? this : new AppPaths(home, botConfig, applicationProperties, dir.toAbsolutePath(), dataDir);
    }

    /**
     * The daemon's data directory in {@code mode}: {@code dataDir}, or its {@code paper/} subdirectory in paper mode (a
     * paper position must never be taken for a live one). The daemon and every command that reads its files use this.
     */
    public Path daemonDataDir(RunMode mode) {
        return mode == RunMode.PAPER ? dataDir.resolve("paper") : dataDir;
    }

    /** For commands that open no venue: --data-dir (or data/) and PERPCARRY_MODE from {@code env}, then .env. */
    static Path daemonDataDir(Path option, Map<String, String> env) {
        AppPaths paths = defaults(env).withDataDir(option);
        try {
            return paths.daemonDataDir(RunMode.of(EnvironmentSource.withDotEnv(env, paths.home().resolve(".env"))));
        } catch (ConfigException e) {
            throw CommandFailure.usage(String.join("; ", e.problems()));
        }
    }
}
