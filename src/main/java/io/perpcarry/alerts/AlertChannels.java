package io.perpcarry.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured channels (routes/alerts.yaml calls it): which channel queues an alert goes to, the Telegram
 * message and the webhook request, and the masked log line when a channel gives up.
 */
public final class AlertChannels {
    static final String TELEGRAM_QUEUE = "seda:alert-telegram";
    static final String WEBHOOK_QUEUE = "seda:alert-webhook";
    private static final Logger LOG = LoggerFactory.getLogger(AlertChannels.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertSettings settings;

    public AlertChannels(AlertSettings settings) {
        this.settings = settings;
    }

    /** The channel queues for an admitted alert (empty: no channel configured, the log has it). */
    public List<String> recipients(Alert a) {
        List<String> out = new ArrayList<>();
        if (settings.telegram()) {
            out.add(TELEGRAM_QUEUE);
        }
        if (settings.webhook()) {
            out.add(WEBHOOK_QUEUE);
        }
        return out;
    }

    /**
     * The Bot API's sendMessage request ({@code baseUri}/bot{@code token}/sendMessage, JSON). The URL holds the
     * token, so it goes in a header, never in an endpoint URI.
     */
    public void telegram(Exchange exchange, String baseUri) throws JsonProcessingException {
        Alert a = exchange.getMessage().getBody(Alert.class);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chat_id", settings.telegramChatId().orElseThrow());
        m.put("text", a.line());
        m.put("disable_notification", !a.kind().urgent());
        String base = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        exchange.getMessage().setHeader(Exchange.HTTP_URI,
                base + "/bot" + settings.telegramToken().map(Secret::reveal).orElseThrow() + "/sendMessage");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(JSON.writeValueAsString(m));
    }

    /** The webhook's JSON body; the URL goes in a header, never in an endpoint URI (which Camel logs and shows). */
    public void webhook(Exchange exchange) throws JsonProcessingException {
        Alert a = exchange.getMessage().getBody(Alert.class);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, settings.webhookUrl().map(Secret::reveal).orElseThrow());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(JSON.writeValueAsString(a.json()));
    }

    /** After the retries (if any): say which channel failed and why, with every secret masked. */
    public void gaveUp(Exchange exchange, String channel) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = t == null ? "unknown" : t.getClass().getSimpleName() + ": " + t.getMessage();
        LOG.warn("alert not delivered by {}: {}", channel, mask(why));
        exchange.getMessage().removeHeader(Exchange.HTTP_URI);
    }

    String mask(String text) {
        String out = String.valueOf(text);
        for (String s : settings.secretValues()) {
            out = out.replace(s, Secret.MASK);
        }
        return out;
    }
}
