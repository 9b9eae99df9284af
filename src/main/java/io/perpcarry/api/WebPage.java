package io.perpcarry.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;

/** The web dashboard's static files, from the jar ({@code web/}): no build step, no CDN, works offline. */
public final class WebPage {
    private static final Map<String, String> FILES = Map.of(
            "", "index.html", "index.html", "index.html", "app.js", "app.js", "style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    /** {@code path}: what follows {@code /ui/} ("" for the page itself). Unknown names are 404. */
    public void serve(Exchange ex) {
        // platform-http gives the whole request path ("/ui/app.js"), not the part after the route's prefix
        String path = ex.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class).replaceFirst("^/(ui(/|$))?", "");
        String file = FILES.get(path);
        if (file == null) {
            ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            ex.getMessage().setBody("not found");
            return;
        }
        try (InputStream in = WebPage.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("web/" + file + " missing from the jar");
            }
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            ex.getMessage().setHeader("Cache-Control", "no-store");
            ex.getMessage().setBody(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
