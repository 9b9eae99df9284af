package io.perpcarry.venue.common;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What one connection attempt dials: the URI (query included), handshake headers and offered subprotocols. Built
 * afresh for every dial, so a signed handshake (EdgeX private stream) always carries a current timestamp. The
 * headers and subprotocols may be credentials: {@link #toString()} never shows them, nor the query.
 */
public record Handshake(URI uri, Map<String, String> headers, List<String> subProtocols) {
    public Handshake {
        headers = Map.copyOf(headers);
        subProtocols = List.copyOf(subProtocols);
    }

    public static Handshake plain(URI uri) {
        return new Handshake(uri, Map.of(), List.of());
    }

    boolean tls() {
        return "wss".equalsIgnoreCase(uri.getScheme());
    }

    int port() {
        return uri.getPort() > 0 ? uri.getPort() : tls() ? 443 : 80;
    }

    /** Path and query, as the request line carries them. */
    String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public String toString() {
        return "Handshake[" + uri.getScheme() + "://" + uri.getHost() + ":" + port() + uri.getPath()
                + (headers.isEmpty() && subProtocols.isEmpty() ? "" : ", signed ********") + "]";
    }
}
