package io.perpcarry.venue.http;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * Every venue call has a deadline, applied to Camel's http and https components; and the client never retries by
 * itself: Apache HttpClient's default strategy re-sends a request answered 429/503, a POST included, which for an
 * order is a second order. Retries belong to {@link VenueHttp} (reads only).
 */
public final class HttpTimeouts {
    private HttpTimeouts() {
    }

    public static void apply(CamelContext camel, Duration connect, Duration response) {
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent c = camel.getComponent(scheme, HttpComponent.class);
            c.setConnectTimeout(connect.toMillis());
            c.setConnectionRequestTimeout(connect.toMillis());
            c.setResponseTimeout(response.toMillis());
            c.setSoTimeout(response.toMillis());
            c.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries());
        }
    }
}
