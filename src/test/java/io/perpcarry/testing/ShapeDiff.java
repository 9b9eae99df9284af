package io.perpcarry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares the shape of two JSON trees: the recorded payload (what the venue sends) and the served one (what an
 * emulator sends). Shape = key names at every level, and each value's JSON type (string, integer, decimal,
 * boolean, object, array). Values are not compared. Venue-neutral: Lighter and EdgeX conformance tests share it.
 * <ul>
 *   <li>A key of the recording missing from the served object, or a served key the recording does not have, is a
 *       difference, unless its name is listed as optional (the venue itself sends it only sometimes).</li>
 *   <li>A recorded {@code null} says only "this key exists"; any served type matches it.</li>
 *   <li>Arrays: the first served element is compared with the first recorded element (an empty side is skipped).</li>
 * </ul>
 */
public final class ShapeDiff {
    private ShapeDiff() {
    }

    /** JSON type of a node, as the shape compares it. */
    public static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "absent";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isIntegralNumber()) {
            return "integer";
        }
        if (n.isNumber()) {
            return "decimal";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.isArray() ? "array" : "object";
    }

    /** Every shape difference, as "$.path: what" lines; empty when the served tree has the recorded shape. */
    public static List<String> differences(JsonNode recorded, JsonNode served, Set<String> optionalKeys) {
        List<String> out = new ArrayList<>();
        compare("$", recorded, served, optionalKeys, out);
        return out;
    }

    /** Throws an AssertionError listing every difference. */
    public static void assertSameShape(String what, JsonNode recorded, JsonNode served, String... optionalKeys) {
        List<String> d = differences(recorded, served, Set.of(optionalKeys));
        if (!d.isEmpty()) {
            throw new AssertionError(what + " differs from the recorded shape:\n  " + String.join("\n  ", d)
                    + "\nserved: " + served);
        }
    }

    private static void compare(String path, JsonNode rec, JsonNode got, Set<String> optional, List<String> out) {
        if (rec.isNull()) {
            return;
        }
        String rt = type(rec);
        String gt = type(got);
        if (!rt.equals(gt)) {
            out.add(path + ": recorded " + rt + ", served " + gt);
            return;
        }
        if (rec.isObject()) {
            for (Iterator<String> it = rec.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (got.has(k)) {
                    compare(path + "." + k, rec.get(k), got.get(k), optional, out);
                } else if (!optional.contains(k)) {
                    out.add(path + "." + k + ": recorded, not served");
                }
            }
            for (Iterator<String> it = got.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!rec.has(k) && !optional.contains(k)) {
                    out.add(path + "." + k + ": served, not recorded");
                }
            }
        } else if (rec.isArray() && !rec.isEmpty() && !got.isEmpty()) {
            compare(path + "[]", rec.get(0), got.get(0), optional, out);
        }
    }
}
