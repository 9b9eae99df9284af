package io.perpcarry.venue.http;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * One venue's REST door, through Camel HTTP. Reads are retried within a {@link RetryPolicy}; writes are
 * sent once, and a write that got no answer is {@link VenueErrorKind#UNKNOWN_OUTCOME}. Timeouts are set on
 * the HTTP component (see {@link HttpTimeouts}). Every request, retries included, first waits for the
 * venue's shared {@link RateLimiter} ({@link RateLimits}); a 429 also closes that limiter's gate.
 */
public final class VenueHttp {
    private final Venue venue;
    private final ProducerTemplate producer;
    private final String endpoint;
    private final RetryPolicy readRetry;
    private final Sleeper sleeper;
    private final java.util.function.Supplier<RateLimiter> limiter;
    /** The longest a market-data read waits for the request budget before it fails as RATE_LIMITED (a read timeout). */
    static final Duration READ_BUDGET_WAIT = Duration.ofSeconds(10);

    /** How a retry waits; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public VenueHttp(Venue venue, CamelContext camel, URI baseUrl, RetryPolicy readRetry, Sleeper sleeper) {
        this(venue, camel, baseUrl, readRetry, sleeper, () -> RateLimits.of(venue));
    }

    /** With a limiter of the caller's (tests); production uses the venue's shared one. */
    public VenueHttp(Venue venue, CamelContext camel, URI baseUrl, RetryPolicy readRetry, Sleeper sleeper,
                     java.util.function.Supplier<RateLimiter> limiter) {
        this.limiter = limiter;
        this.venue = venue;
        this.producer = camel.createProducerTemplate();
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = base + "?throwExceptionOnFailure=false&followRedirects=false";
        this.readRetry = readRetry;
        this.sleeper = sleeper;
    }

    public VenueHttp(Venue venue, CamelContext camel, URI baseUrl) {
        this(venue, camel, baseUrl, RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()));
    }

    /** GET with retries on 429, 5xx, timeouts and refused connections. Returns only a 2xx reply. */
    public HttpReply get(String path, Map<String, String> query, Map<String, String> headers) {
        VenueException last = null;
        for (int attempt = 1; attempt <= readRetry.maxAttempts(); attempt++) {
            try {
                return requireOk(send("GET", path, query, headers, null, null), path);
            } catch (VenueException e) {
                io.perpcarry.metrics.VenueMetrics.error(venue, e.kind());
                if (!e.isTransient()) {
                    throw e;
                }
                last = e;
                if (attempt < readRetry.maxAttempts()) {
                    pause(readRetry.delayAfter(attempt, e.retryAfter().orElse(null)));
                }
            }
        }
        throw last;
    }

    /** POST sent exactly once. No answer means the outcome is unknown, never "failed". */
    public HttpReply post(String path, String contentType, String body, Map<String, String> headers) {
        return post(path, contentType, body, headers, false);
    }

    /**
     * As {@link #post}, but a 400 refusal is returned instead of thrown, so that the venue adapter can read the
     * venue's own error code and message from the body (Lighter answers {@code {"code":21739,"message":...}}).
     * 401/403, 429 and 5xx are still typed errors.
     */
    public HttpReply postReadingRefusals(String path, String contentType, String body, Map<String, String> headers) {
        return post(path, contentType, body, headers, true);
    }

    private HttpReply post(String path, String contentType, String body, Map<String, String> headers,
                           boolean returnRefusal) {
        try {
            HttpReply reply = send("POST", path, Map.of(), headers, contentType, body);
            return returnRefusal && reply.status() == 400 ? reply : requireOk(reply, path);
        } catch (VenueException e) {
            if (e.kind() == VenueErrorKind.TIMEOUT || e.kind() == VenueErrorKind.UNAVAILABLE && !(e.getCause() instanceof ConnectException)) {
                io.perpcarry.metrics.VenueMetrics.error(venue, VenueErrorKind.UNKNOWN_OUTCOME);
                throw new VenueException(venue, VenueErrorKind.UNKNOWN_OUTCOME, "POST " + path + " got no clear answer: "
                        + e.getMessage(), null, null, e);
            }
            io.perpcarry.metrics.VenueMetrics.error(venue, e.kind());
            throw e;
        }
    }

    private HttpReply send(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String contentType, String body) {
        // public market data yields to the rest; account and order reads are part of opening and closing a hedge
        if ("GET".equals(method) && limiter.get().budget().isMarketData(path)) {
            limiter.get().acquireRead(path, READ_BUDGET_WAIT);
        } else {
            limiter.get().acquire(path);
        }
        io.perpcarry.metrics.VenueMetrics.request(venue, method);
        Exchange ex;
        try {
            ex = producer.request(endpoint, e -> {
                e.getIn().setHeader(Exchange.HTTP_METHOD, method);
                e.getIn().setHeader(Exchange.HTTP_PATH, path);
                e.getIn().setHeader(Exchange.HTTP_QUERY, encode(query));
                headers.forEach(e.getIn()::setHeader);
                if (contentType != null) {
                    e.getIn().setHeader(Exchange.CONTENT_TYPE, contentType);
                }
                e.getIn().setBody(body);
            });
        } catch (RuntimeException e) {
            throw transportError(method, path, e);
        }
        if (ex.getException() != null) {
            throw transportError(method, path, ex.getException());
        }
        Integer status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String text = ex.getMessage().getBody(String.class);
        return new HttpReply(status == null ? 0 : status, text == null ? "" : text,
                ex.getMessage().getHeader("Retry-After", String.class));
    }

    /** The limiter this door waits for. */
    public RateLimiter rateLimiter() {
        return limiter.get();
    }

    private HttpReply requireOk(HttpReply reply, String path) {
        int s = reply.status();
        if (reply.isOk()) {
            return reply;
        }
        String snippet = reply.body().length() > 200 ? reply.body().substring(0, 200) + "..." : reply.body();
        if (s == 429) {
            limiter.get().rateLimited(retryAfter(reply.retryAfter()));
            throw new VenueException(venue, VenueErrorKind.RATE_LIMITED, path + " rate limited: " + snippet,
                    "429", retryAfter(reply.retryAfter()), null);
        }
        if (s >= 500) {
            throw new VenueException(venue, VenueErrorKind.UNAVAILABLE, path + " HTTP " + s + ": " + snippet,
                    Integer.toString(s), null, null);
        }
        if (s == 401 || s == 403) {
            throw new VenueException(venue, VenueErrorKind.AUTH, path + " HTTP " + s + ": " + snippet,
                    Integer.toString(s), null, null);
        }
        throw new VenueException(venue, VenueErrorKind.REJECTED, path + " HTTP " + s + ": " + snippet,
                Integer.toString(s), null, null);
    }

    private VenueException transportError(String method, String path, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof SocketTimeoutException || root instanceof ConnectException) {
                break;
            }
            root = root.getCause();
        }
        VenueErrorKind kind = root instanceof SocketTimeoutException || root instanceof ConnectTimeoutException
                ? VenueErrorKind.TIMEOUT : VenueErrorKind.UNAVAILABLE;
        if (root instanceof NoHttpResponseException) {
            kind = VenueErrorKind.UNAVAILABLE;
        }
        return new VenueException(venue, kind, method + " " + path + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + root.getMessage()), null, null, root);
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(venue, VenueErrorKind.UNAVAILABLE, "interrupted while waiting to retry");
        }
    }

    static String encode(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
