package io.perpcarry.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Variables from the process environment, then from a {@code .env} file (the process wins). The file takes
 * {@code NAME=value} lines, optional {@code export}, quotes, and {@code #} comments.
 */
public final class EnvironmentSource {
    private final Map<String, String> process;
    private final Map<String, String> dotEnv;
    private final Path dotEnvPath;

    public EnvironmentSource(Map<String, String> process, Map<String, String> dotEnv, Path dotEnvPath) {
        this.process = Map.copyOf(process);
        this.dotEnv = Map.copyOf(dotEnv);
        this.dotEnvPath = dotEnvPath;
    }

    public static EnvironmentSource withDotEnv(Map<String, String> process, Path dotEnv) {
        return new EnvironmentSource(process, Files.isRegularFile(dotEnv) ? readDotEnv(dotEnv) : Map.of(), dotEnv);
    }

    public Optional<String> get(String name) {
        String v = process.get(name);
        if (v == null || v.isBlank()) {
            v = dotEnv.get(name);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The first of several accepted names that is set, with the name it was found under. */
    public Optional<Map.Entry<String, String>> first(List<String> names) {
        for (String n : names) {
            Optional<String> v = get(n);
            if (v.isPresent()) {
                return Optional.of(Map.entry(n, v.get()));
            }
        }
        return Optional.empty();
    }

    public boolean hasDotEnv() {
        return !dotEnv.isEmpty();
    }

    public Path dotEnvPath() {
        return dotEnvPath;
    }

    static Map<String, String> readDotEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                // The line may hold a secret: say where it is, never what it says.
                throw new ConfigException(file + " line " + (i + 1) + ": expected NAME=value");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(name, value);
        }
        return out;
    }
}
