package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.http.HttpReply;
import io.perpcarry.venue.http.VenueHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EdgeX v2 REST over {@link VenueHttp}: public reads unsigned, private calls with the HMAC headers and
 * {@code accountId}, every answer unwrapped from its envelope. A write whose answer cannot be read is
 * UNKNOWN_OUTCOME: the venue may have acted on it.
 */
final class EdgexRest {
    static final String PUBLIC = "/api/v2/public/";
    static final String PRIVATE = "/api/v2/private/";
    static final int MAX_PAGES = 20;

    private final VenueHttp http;
    private final Optional<EdgexRequestSigner> signer;
    private final Optional<String> accountId;
    private final String missingCredentials;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();

    EdgexRest(VenueHttp http, Optional<EdgexRequestSigner> signer, Optional<String> accountId, String missingCredentials) {
        this.http = http;
        this.signer = signer;
        this.accountId = accountId;
        this.missingCredentials = missingCredentials;
    }

    JsonNode publicGet(String relative, Map<String, String> query) {
        String path = PUBLIC + relative;
        count(path);
        try {
            return Wire.data(path, http.get(path, query, Map.of()).body());
        } catch (VenueException e) {
            throw withEnvelopeCode(e);
        }
    }

    JsonNode privateGet(String relative, Map<String, String> query) {
        EdgexRequestSigner s = requireSigner(relative);
        String path = PRIVATE + relative;
        Map<String, String> q = new TreeMap<>(query);
        q.put("accountId", accountId.orElseThrow());
        count(path);
        // Signed per attempt would be better for retries after a long 429 wait; VenueHttp retries within seconds,
        // well inside the venue's timestamp window.
        try {
            return Wire.data(path, http.get(path, q, s.signGet(path, q).asMap()).body());
        } catch (VenueException e) {
            throw withEnvelopeCode(e);
        }
    }

    private static final Pattern ENVELOPE_CODE = Pattern.compile("\\{\\s*\"code\"\\s*:\\s*\"([A-Za-z0-9_]+)\"");

    /**
     * A GET refused with HTTP 400 carries the venue's envelope ({@code code} string, {@code msg}, {@code data:null},
     * {@code errorParam:{}}; EdgeX OpenAPI "400 Result", recorded errors.json). The shared HTTP layer keeps only the
     * status; the venue's code is read back from the body it quotes, so logs and classification keep it.
     */
    static VenueException withEnvelopeCode(VenueException e) {
        if (e.kind() != VenueErrorKind.REJECTED || !e.venueCode().map("400"::equals).orElse(false)) {
            return e;
        }
        Matcher m = ENVELOPE_CODE.matcher(e.getMessage());
        return m.find() ? new VenueException(Venue.EDGEX, VenueErrorKind.REJECTED, e.getMessage(), m.group(1), null, e)
                : e;
    }

    /** A POST answered HTTP 400: refused for sure (never UNKNOWN_OUTCOME), with the envelope's code when it has one. */
    private static VenueException refused(String path, String body) {
        try {
            Wire.data(path, body);
        } catch (VenueException e) {
            if (e.venueCode().isPresent()) {
                return e;
            }
        }
        String snippet = body.length() > 200 ? body.substring(0, 200) + "..." : body;
        return new VenueException(Venue.EDGEX, VenueErrorKind.REJECTED, path + " HTTP 400: " + snippet, "400", null,
                null);
    }

    /**
     * Every page of a paged private read ({@code dataList} + {@code nextPageOffsetData}): one request per page. More
     * than {@link #MAX_PAGES} pages is refused rather than returned partially.
     */
    List<JsonNode> privatePages(String relative, Map<String, String> query) {
        List<JsonNode> out = new ArrayList<>();
        String offset = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> q = new LinkedHashMap<>(query);
            if (!offset.isEmpty()) {
                q.put("offsetData", offset);
            }
            JsonNode data = privateGet(relative, q);
            out.add(Wire.array(data, "dataList", relative));
            offset = Wire.optText(data, "nextPageOffsetData").orElse("");
            if (offset.isEmpty()) {
                return out;
            }
        }
        throw Wire.malformed(relative, "more than " + MAX_PAGES + " pages; refusing to return a partial list");
    }

    /** POST sent once. REJECTED and RATE_LIMITED pass through; an unreadable SUCCESS answer is UNKNOWN_OUTCOME. */
    JsonNode privatePost(String relative, Map<String, Object> body) {
        EdgexRequestSigner s = requireSigner(relative);
        String path = PRIVATE + relative;
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("accountId", accountId.orElseThrow());
        count(path);
        HttpReply answer = http.postReadingRefusals(path, "application/json", Wire.write(b), s.signPost(path, b).asMap());
        if (answer.status() == 400) {
            throw refused(path, answer.body());
        }
        String reply = answer.body();
        try {
            return Wire.data(path, reply);
        } catch (VenueException e) {
            if (e.kind() == VenueErrorKind.MALFORMED_RESPONSE) {
                throw new VenueException(Venue.EDGEX, VenueErrorKind.UNKNOWN_OUTCOME,
                        "POST " + path + " answered but unreadably; the venue may have acted: " + e.getMessage(),
                        null, null, e);
            }
            throw e;
        }
    }

    private EdgexRequestSigner requireSigner(String relative) {
        if (signer.isEmpty() || accountId.isEmpty()) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.AUTH,
                    relative + " needs credentials: " + missingCredentials + " not configured");
        }
        return signer.get();
    }

    boolean hasCredentials() {
        return signer.isPresent() && accountId.isPresent();
    }

    private void count(String path) {
        sent.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    }

    /** Requests sent per path since start (for tests and the status page). */
    Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        sent.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
