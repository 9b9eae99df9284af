package io.perpcarry.crypto.edgex;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The string that follows {@code timestamp + METHOD + path} in the HMAC message: for GET the query
 * parameters, for POST the JSON body, both rendered as sorted, unescaped {@code k=v&k=v} text.
 */
public final class EdgexCanonicalPayload {
    private EdgexCanonicalPayload() {
    }

    /** GET: parameters sorted by key, {@code k=v} joined by {@code &}, raw (not URL-encoded); "" if none. */
    public static String ofQuery(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner("&");
        for (String k : sortedKeys(params)) {
            String v = params.get(k);
            if (v == null) {
                // aiohttp refuses None query values, so the SDK could never send one.
                throw EdgexSigningException.invalidArgument("query parameter " + k + " has no value");
            }
            out.add(k + "=" + v);
        }
        return out.toString();
    }

    /**
     * POST: the JSON body rendered recursively. Objects become sorted {@code k=v} pairs joined by
     * {@code &}, arrays their items joined by {@code &}, {@code null} "", booleans {@code true}/{@code false},
     * integers in decimal, strings as they are. Fractional numbers are refused: the SDK sends every
     * decimal as a string, and Python's float rendering is not something to imitate.
     */
    public static String ofJsonBody(Map<String, ?> body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        return render(body);
    }

    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner out = new StringJoiner("&");
            list.forEach(item -> out.add(render(item)));
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner("&");
            for (String k : sortedKeys(map)) {
                out.add(k + "=" + render(map.get(k)));
            }
            return out.toString();
        }
        throw EdgexSigningException.invalidArgument("cannot sign a body value of type "
                + value.getClass().getSimpleName() + "; send decimals as strings");
    }

    private static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object k : map.keySet()) {
            if (!(k instanceof String s)) {
                throw EdgexSigningException.invalidArgument("body keys must be strings");
            }
            keys.add(s);
        }
        keys.sort(EdgexCanonicalPayload::compareCodePoints);
        return keys;
    }

    /** Python sorts str by code point; String.compareTo uses UTF-16 units, which differs above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
