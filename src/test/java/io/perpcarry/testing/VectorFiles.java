package io.perpcarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reference vector files a vector test must read: every {@code PREFIX*.json} in the project's copy
 * ({@code src/test/resources/vectors}) and, when {@code PERPCARRY_VECTORS_DIR} is set, in that directory too.
 */
public final class VectorFiles {
    public static final String ENV = "PERPCARRY_VECTORS_DIR";

    private VectorFiles() {
    }

    public static List<Path> matching(String prefix) {
        List<Path> out = new ArrayList<>(list(bundledDir(), prefix));
        String extra = System.getenv(ENV);
        if (extra != null && !extra.isBlank()) {
            Path dir = Path.of(extra);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(ENV + " is not a directory: " + dir);
            }
            out.addAll(list(dir, prefix));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no " + prefix + "*.json vector files found");
        }
        return out;
    }

    private static Path bundledDir() {
        URL url = VectorFiles.class.getClassLoader().getResource("vectors");
        if (url == null) {
            throw new IllegalStateException("test resource directory 'vectors' is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".json");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
