package io.perpcarry.api;

import io.perpcarry.engine.ControlActions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The control side of the HTTP API: each endpoint is one {@link ControlActions} call journaled {@code by: api}.
 * 200 when the state is as asked (changed or already so), 409 when nothing could be done (the message says why).
 * Query parameters: {@code reason} (pause), {@code clearHalt=true} (resume), {@code dryRun=true} (emergency close).
 */
public final class ControlApi {
    static final String BY = "api";
    private final ControlActions actions;

    public ControlApi(ControlActions actions) {
        this.actions = actions;
    }

    public void pause(Exchange ex) {
        respond(ex, actions.pause(BY, ex.getMessage().getHeader("reason", String.class)));
    }

    public void resume(Exchange ex) {
        respond(ex, actions.resume(BY, flag(ex, "clearHalt")));
    }

    public void clearHalt(Exchange ex) {
        respond(ex, actions.clearHalt(BY));
    }

    public void closeNow(Exchange ex) {
        respond(ex, actions.closeNow(BY));
    }

    public void emergencyClose(Exchange ex) {
        respond(ex, actions.emergencyClose(BY, flag(ex, "dryRun")));
    }

    private static boolean flag(Exchange ex, String name) {
        return "true".equalsIgnoreCase(ex.getMessage().getHeader(name, String.class));
    }

    private static void respond(Exchange ex, ControlActions.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", o.action());
        m.put("ok", o.ok());
        m.put("changed", o.changed());
        m.put("message", o.message());
        ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, o.ok() ? 200 : 409);
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        ex.getMessage().setBody(BotApi.json(m));
    }
}
