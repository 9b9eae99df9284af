package io.perpcarry.app;

import io.perpcarry.alerts.AlertSettings;
import io.perpcarry.api.ApiAccess;
import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.BotConfigSchema;
import io.perpcarry.config.ConfigException;
import io.perpcarry.config.ConfigKey;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.config.Secret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Validates bot.json and the environment, and prints the effective settings with secrets masked. */
@Command(name = "check", description = "Validate the configuration and environment; print effective settings.")
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (default: config/bot.json)")
    Path config;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Secrets file (default: .env in PERPCARRY_HOME)")
    Path envFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = AppPaths.defaults().withBotConfig(config).botConfig();
        List<String> problems = new ArrayList<>();
        BotConfig bot = null;
        try {
            bot = BotConfigLoader.load(file);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        RuntimeEnvironment env = null;
        EnvironmentSource source = EnvironmentSource.withDotEnv(System.getenv(),
                envFile == null ? AppPaths.defaults().home().resolve(".env") : envFile);
        try {
            env = RuntimeEnvironment.read(source);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        AlertSettings alerts = null;
        try {
            alerts = AlertSettings.read(source);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (bot != null) {
            out.println("config " + file + ": OK");
            for (Map.Entry<String, BotConfig.EffectiveValue> e : bot.effective().entrySet()) {
                ConfigKey key = BotConfigSchema.find(e.getKey()).orElseThrow();
                out.printf("  %-28s %-40s %s%n", e.getKey(), e.getValue().display(),
                        e.getValue().fromFile() ? "(file)" : "(default)");
                if (key.name().equals("stop_loss_percent") && e.getValue().value() == null) {
                    out.printf("  %-28s %s%n", "", "(derived from leverage)");
                }
            }
        }
        if (env != null) {
            out.println("environment: OK");
            env.describe().forEach((k, v) -> out.printf("  %-28s %s%n", k, v));
            out.printf("  %-28s %s%n", ApiAccess.TOKEN_VAR,
                    source.get(ApiAccess.TOKEN_VAR).isPresent() ? "set " + Secret.MASK : "not set");
        }
        if (alerts != null) {
            out.println("alerts: " + (alerts.telegram() || alerts.webhook() ? "OK" : "none configured"));
            alerts.describe().forEach((k, v) -> out.printf("  %-28s %s%n", k, v));
        }
        out.flush();
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            err.flush();
            return Cli.EXIT_CONFIG;
        }
        return 0;
    }
}
