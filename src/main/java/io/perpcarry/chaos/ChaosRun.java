package io.perpcarry.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a chaos run works: the project home (routes, config), a work directory, the scenario and bot.json. */
final class ChaosRun {
    final Path home;
    final Path work;
    final PrintStream out;
    final Path scenario;
    final double timeScale;

    ChaosRun(Path home, Path work, PrintStream out, double timeScale) {
        this.home = home;
        this.work = work;
        this.out = out;
        this.timeScale = timeScale;
        try {
            Files.createDirectories(work);
            scenario = work.resolve("scenario.json");
            try (var in = ChaosRun.class.getResourceAsStream("/chaos/scenario.json")) {
                Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the chaos work directory " + work, e);
        }
    }

    /** A fresh directory for one trial, with its bot.json. */
    Path trialDir(String name, String botJson) throws IOException {
        Path dir = work.resolve(name);
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("bot.json"), botJson);
        return dir;
    }

    EmulatorProcess emulator(long seed, Path dir) throws IOException, InterruptedException {
        return EmulatorProcess.start(scenario, seed, timeScale, dir);
    }

    /** One market (HYPE, flat price, constant funding: always long EdgeX / short Lighter). */
    static String botJson(double holdHours, double stopLossPct) {
        return "{\"symbols_to_monitor\": [\"HYPE\"], \"hold_duration_hours\": " + holdHours
                + ", \"wait_between_cycles_minutes\": 30, \"min_volume_usd\": 0, \"stop_loss_percent\": " + stopLossPct
                + ", \"notional_per_position\": 320}";
    }
}
