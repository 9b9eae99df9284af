package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.emulator.LocalExchanges;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs operator commands against the emulators over loopback, capturing what they print. */
final class EmulatorCli {
    private EmulatorCli() {
    }

    /** The demo venues; {@code timeScale} slow so funding quotes hold still while a test compares them. */
    static LocalExchanges start(double timeScale) {
        return LocalExchanges.start(new LocalExchanges.Options(
                io.perpcarry.emulator.scenario.ScenarioLoader.DEMO_PATH, 0, 0, 7L, timeScale, List.of(), List.of()),
                Clock.systemUTC());
    }

    static RuntimeEnvironment environment(LocalExchanges ex) {
        Map<String, String> vars = new HashMap<>(ex.environment());
        vars.put("PERPCARRY_MODE", "live");
        return RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
    }

    /** Sessions on the emulators; the config from the file given, else the project's config/bot.json. */
    static SessionOpener opener(LocalExchanges ex) {
        return file -> {
            BotConfig config = BotConfigLoader.load(file == null ? Path.of("config/bot.json") : file);
            return VenueSession.open(config, environment(ex));
        };
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Every credential value of the emulator environment: none may ever appear in a command's output. */
    static List<String> secrets(LocalExchanges ex) {
        LocalExchanges.DemoCredentials d = ex.demoCredentials();
        return List.of(d.lighterPrivateKeyHex(), d.edgexApiKey(), d.edgexPassphrase(), d.edgexSecret(),
                d.edgexTradingKeyHex());
    }
}
