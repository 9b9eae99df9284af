package io.perpcarry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the SHAPE of two JSON documents: the same keys, spelled the same, holding the same JSON types
 * (string, number, boolean, object, array, null), recursively. Values are not compared. Venue-neutral: used
 * to hold an emulator's answers to a recorded payload of the real venue.
 *
 * <p>Paths: {@code $} is the root, {@code .key} a member, {@code []} every element of an array (each actual
 * element is held to the first expected one), {@code .*} every value of an object whose keys are data (ids,
 * market symbols) rather than names: declare those with {@link #mapAt}.
 *
 * <pre>
 * JsonShape.of(recorded).mapAt("$.market_stats").allowExtra("$.foo", "why").differences(actual)
 * </pre>
 */
public final class JsonShape {
    private final JsonNode expected;
    private final Set<String> maps = new HashSet<>();
    private final Set<String> ignored = new HashSet<>();
    private final Set<String> extraAllowed = new HashSet<>();
    private final Set<String> missingAllowed = new HashSet<>();
    private final Set<String> trimmed = new HashSet<>();

    private JsonShape(JsonNode expected) {
        this.expected = expected;
    }

    /** The reference shape (a recorded payload). */
    public static JsonShape of(JsonNode expected) {
        return new JsonShape(expected);
    }

    /** Objects at these paths are maps keyed by data: their values share one shape. */
    public JsonShape mapAt(String... paths) {
        maps.addAll(List.of(paths));
        return this;
    }

    /** Nothing at or under these paths is compared. */
    public JsonShape ignoring(String... paths) {
        ignored.addAll(List.of(paths));
        return this;
    }

    /** A key the actual document may have although the recording does not (give the reason in the caller). */
    public JsonShape allowExtra(String... paths) {
        extraAllowed.addAll(List.of(paths));
        return this;
    }

    /**
     * The recorded objects at these paths were trimmed by their author (a doc example showing "representative
     * fields"): the actual ones may carry more keys; every recorded key is still required, with its type.
     */
    public JsonShape trimmedAt(String... paths) {
        trimmed.addAll(List.of(paths));
        return this;
    }

    /** A recorded key the actual document may leave out. */
    public JsonShape allowMissing(String... paths) {
        missingAllowed.addAll(List.of(paths));
        return this;
    }

    /** Every difference in shape, one line each, sorted; empty when the shapes agree. */
    public List<String> differences(JsonNode actual) {
        Set<String> out = new TreeSet<>();
        compare("$", expected, actual, out);
        return new ArrayList<>(out);
    }

    /** @throws AssertionError listing every difference */
    public void check(JsonNode actual) {
        List<String> d = differences(actual);
        if (!d.isEmpty()) {
            throw new AssertionError("JSON shape differs from the reference:\n  " + String.join("\n  ", d));
        }
    }

    /** The JSON type of a node as the comparison sees it. */
    public static String typeOf(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "absent";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        if (n.isArray()) {
            return "array";
        }
        return "object";
    }

    private void compare(String path, JsonNode exp, JsonNode act, Set<String> out) {
        if (ignored.contains(path)) {
            return;
        }
        String te = typeOf(exp);
        String ta = typeOf(act);
        if (!te.equals(ta)) {
            out.add(path + ": recorded " + te + ", got " + ta);
            return;
        }
        if (exp.isArray()) {
            if (exp.isEmpty() || act.isEmpty()) {
                return;
            }
            for (JsonNode a : act) {
                compare(path + "[]", exp.get(0), a, out);
            }
        } else if (exp.isObject()) {
            if (maps.contains(path)) {
                Iterator<JsonNode> values = exp.elements();
                if (!values.hasNext()) {
                    return;
                }
                JsonNode first = values.next();
                act.elements().forEachRemaining(a -> compare(path + ".*", first, a, out));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path + "." + e.getKey();
                if (!act.has(e.getKey())) {
                    if (!missingAllowed.contains(p) && !ignored.contains(p)) {
                        out.add(p + ": recorded " + typeOf(e.getValue()) + ", missing");
                    }
                } else {
                    compare(p, e.getValue(), act.get(e.getKey()), out);
                }
            }
            if (trimmed.contains(path)) {
                return;
            }
            for (Iterator<String> it = act.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String p = path + "." + k;
                if (!exp.has(k) && !extraAllowed.contains(p) && !ignored.contains(p)) {
                    out.add(p + ": not recorded (" + typeOf(act.get(k)) + ")");
                }
            }
        }
    }
}
