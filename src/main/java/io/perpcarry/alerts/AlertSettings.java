package io.perpcarry.alerts;

import io.perpcarry.config.ConfigException;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where alerts go, from the environment: Telegram (bot token and chat id, both or neither), a JSON webhook, either,
 * both or none. The token and the webhook URL (which may carry a token) are {@link Secret}s; errors name the
 * variable, never its value.
 */
public record AlertSettings(Optional<Secret> telegramToken, Optional<String> telegramChatId, Optional<Secret> webhookUrl) {
    public static final String TELEGRAM_TOKEN_VAR = "PERPCARRY_TELEGRAM_BOT_TOKEN";
    public static final String TELEGRAM_CHAT_VAR = "PERPCARRY_TELEGRAM_CHAT_ID";
    public static final String WEBHOOK_VAR = "PERPCARRY_ALERT_WEBHOOK_URL";

    public static final AlertSettings NONE = new AlertSettings(Optional.empty(), Optional.empty(), Optional.empty());

    public static AlertSettings read(EnvironmentSource env) {
        List<String> problems = new ArrayList<>();
        Optional<String> token = env.get(TELEGRAM_TOKEN_VAR);
        Optional<String> chat = env.get(TELEGRAM_CHAT_VAR);
        Optional<String> hook = env.get(WEBHOOK_VAR);
        if (token.isPresent() != chat.isPresent()) {
            problems.add((token.isPresent() ? TELEGRAM_CHAT_VAR : TELEGRAM_TOKEN_VAR) + " is missing: required because "
                    + (token.isPresent() ? TELEGRAM_TOKEN_VAR : TELEGRAM_CHAT_VAR) + " is set (Telegram needs both)");
        }
        // BotFather tokens look like 123456789:AA...; chat ids are numbers (groups negative) or @channel names.
        if (token.isPresent() && !token.get().matches("\\d{3,}:[A-Za-z0-9_-]{20,}")) {
            problems.add(TELEGRAM_TOKEN_VAR + " does not look like a BotFather token (digits:letters)");
        }
        if (chat.isPresent() && !chat.get().matches("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,}")) {
            problems.add(TELEGRAM_CHAT_VAR + " must be a numeric chat id (groups: negative) or @channelname");
        }
        hook.ifPresent(h -> checkUrl(h, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AlertSettings(token.map(Secret::of), chat, hook.map(Secret::of));
    }

    public boolean telegram() {
        return telegramToken.isPresent();
    }

    public boolean webhook() {
        return webhookUrl.isPresent();
    }

    /** The values a log line or error must never contain. */
    public List<String> secretValues() {
        List<String> s = new ArrayList<>();
        telegramToken.ifPresent(t -> s.add(t.reveal()));
        webhookUrl.ifPresent(u -> s.add(u.reveal()));
        return s;
    }

    /** For {@code check}-style output: set or not, never the value. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TELEGRAM_TOKEN_VAR, telegramToken.isPresent() ? "set " + Secret.MASK : "not set");
        m.put(TELEGRAM_CHAT_VAR, telegramChatId.orElse("not set"));
        m.put(WEBHOOK_VAR, webhookUrl.isPresent() ? "set " + Secret.MASK : "not set");
        return m;
    }

    private static void checkUrl(String raw, List<String> problems) {
        try {
            URI u = new URI(raw);
            String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
            if (!(s.equals("http") || s.equals("https")) || u.getHost() == null) {
                problems.add(WEBHOOK_VAR + " must be an http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            problems.add(WEBHOOK_VAR + " is not a valid URL");
        }
    }
}
