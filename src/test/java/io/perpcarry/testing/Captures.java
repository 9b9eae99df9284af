package io.perpcarry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded venue payloads in src/test/resources/captures/{venue}/ (copied as recorded from the team's
 * shared reference corpus; provenance in each entry's {@code source}, format in that corpus' README). A file
 * holds one entry or a list; each entry has {@code source, kind, request, response, notes}.
 */
public final class Captures {
    // Decimals as recorded (EdgeX/Lighter floats reach a mapper without a detour through double).
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Captures() {
    }

    /** One recorded entry of a file. */
    public record Entry(String file, int index, String kind, JsonNode request, JsonNode response, JsonNode source,
                        JsonNode notes) {
        @Override
        public String toString() {
            return file + "#" + index + " (" + kind + ")";
        }
    }

    /** Every entry of {@code captures/<venue>/<file>}, in file order. */
    public static List<Entry> entries(String venue, String file) {
        String path = "/captures/" + venue + "/" + file;
        try (InputStream in = Captures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no capture " + path + " in the test resources");
            }
            JsonNode root = JSON.readTree(in);
            List<Entry> out = new ArrayList<>();
            ArrayNode list = root.isArray() ? (ArrayNode) root : JSON.createArrayNode().add(root);
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                out.add(new Entry(file, i, e.path("kind").asText(), e.get("request"), e.get("response"), e.get("source"),
                        e.get("notes")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /**
     * The first entry of the file whose {@code kind} is as given and whose request, source, notes or response mention
     * {@code marker} (null: any).
     */
    public static Entry entry(String venue, String file, String kind, String marker) {
        return entries(venue, file).stream()
                .filter(e -> e.kind().equals(kind))
                .filter(e -> marker == null || (String.valueOf(e.request()) + e.source() + e.notes() + e.response())
                        .contains(marker))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " entry in " + venue + "/" + file
                        + (marker == null ? "" : " mentioning " + marker)));
    }

    /** The recorded response of an entry. */
    public static JsonNode response(Entry e) {
        return e.response();
    }

    /** The mapper the entries were read with (decimals as BigDecimal). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * The response of one entry exactly as recorded (the file's own characters, so {@code 9.599999999999999e-05}
     * and {@code 39687971468506323} reach the mapper as the venue wrote them), or null when none was recorded.
     */
    public static String body(String venue, String file, int index) {
        String path = "/captures/" + venue + "/" + file;
        try (InputStream in = Captures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no capture " + path + " in the test resources");
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<String> bodies = new ArrayList<>();
            try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(text)) {
                boolean list = p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY;
                int entryDepth = list ? 2 : 1;
                int depth = 1;
                com.fasterxml.jackson.core.JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && depth == entryDepth
                            && p.currentName().equals("response")) {
                        p.nextToken();
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        bodies.add(p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null
                                : text.substring(start, end));
                    } else if (t.isStructStart()) {
                        depth++;
                    } else if (t.isStructEnd()) {
                        depth--;
                    }
                }
            }
            return bodies.get(index);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
