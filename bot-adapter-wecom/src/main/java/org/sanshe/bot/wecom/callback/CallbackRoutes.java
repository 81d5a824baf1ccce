package org.sanshe.bot.wecom.callback;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The two callback URLs WeCom is configured with. */
public final class CallbackRoutes {
    public static final String APP_PATH = "/wecom/app/callback";
    public static final String AIBOT_PATH = "/wecom/aibot/callback";

    private CallbackRoutes() {}

    public static RouterFunction<ServerResponse> of(CallbackEndpoint app, CallbackEndpoint aibot) {
        return RouterFunctions.route()
                .GET(APP_PATH, app::verifyUrl)
                .POST(APP_PATH, app::receive)
                .GET(AIBOT_PATH, aibot::verifyUrl)
                .POST(AIBOT_PATH, aibot::receive)
                .build();
    }
}
