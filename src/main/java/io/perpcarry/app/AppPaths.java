package io.perpcarry.app;

import java.nio.file.Path;

/**
 * Where the daemon finds its files. Defaults are relative to {@code PERPCARRY_HOME} (set by {@code bin/perpcarry}
 * and the Docker image) or the working directory; paths given on the command line are taken as given.
 */
public record AppPaths(Path home, Path botConfig, Path applicationProperties, Path routesDir, Path dataDir) {

    public static AppPaths defaults() {
        String h = System.getenv("PERPCARRY_HOME");
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
}
