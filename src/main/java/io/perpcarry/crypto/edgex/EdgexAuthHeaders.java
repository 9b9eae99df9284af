package io.perpcarry.crypto.edgex;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four headers of a signed v2 private request. Names are {@code X-<headerKey>-Api-Key},
 * {@code X-<headerKey>-Passphrase}, {@code X-<headerKey>-Signature} and
 * {@code X-<headerKey>-Timestamp}; the header key is {@code edgeX} unless configured otherwise.
 */
public record EdgexAuthHeaders(String headerKey, String apiKey, String passphrase, String signature, String timestamp) {

    public static String apiKeyHeader(String headerKey) {
        return "X-" + headerKey + "-Api-Key";
    }

    public static String passphraseHeader(String headerKey) {
        return "X-" + headerKey + "-Passphrase";
    }

    public static String signatureHeader(String headerKey) {
        return "X-" + headerKey + "-Signature";
    }

    public static String timestampHeader(String headerKey) {
        return "X-" + headerKey + "-Timestamp";
    }

    /** Header name → value, in the SDK's order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(apiKeyHeader(headerKey), apiKey);
        m.put(passphraseHeader(headerKey), passphrase);
        m.put(signatureHeader(headerKey), signature);
        m.put(timestampHeader(headerKey), timestamp);
        return m;
    }

    @Override
    public String toString() {
        return "EdgexAuthHeaders[headerKey=" + headerKey + ", apiKey=***, passphrase=***, signature="
                + signature + ", timestamp=" + timestamp + "]";
    }
}
