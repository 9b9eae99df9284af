package io.perpcarry.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded venue payloads in {@code src/test/resources/captures/<venue>/} (copied as recorded from the shared
 * corpus; provenance in {@code captures/README.md}). A file holds one entry or a list of entries, each with
 * {@code source}, {@code kind}, {@code request}, {@code response} and {@code notes}.
 */
public final class CaptureFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CaptureFiles() {
    }

    /** Every entry of {@code captures/<venue>/<file>}, in file order. */
    public static List<JsonNode> entries(String venue, String file) {
        String resource = "/captures/" + venue + "/" + file;
        try (InputStream in = CaptureFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + resource);
            }
            JsonNode root = MAPPER.readTree(in);
            List<JsonNode> out = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(out::add);
            } else {
                out.add(root);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first entry of that file whose {@code kind} is as given and whose request/notes mention {@code marker}. */
    public static JsonNode entry(String venue, String file, String kind, String marker) {
        return entries(venue, file).stream()
                .filter(e -> e.path("kind").asText().equals(kind))
                .filter(e -> marker == null || (e.path("request").toString() + e.path("source") + e.path("notes")
                        + e.path("response")).contains(marker))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " entry in " + file + " with " + marker));
    }

    /** {@code response} of an entry. */
    public static JsonNode response(JsonNode entry) {
        return entry.get("response");
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
