package org.sanshe.bot.app.config;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Profiles;

/**
 * In {@code prod}, refuses to start while a secret is missing, naming every missing one by its environment variable
 * (never its value). Runs when the context is prepared: every property source is in place, no bean exists yet.
 */
public final class ProductionSecretsCheck implements ApplicationListener<ApplicationPreparedEvent> {
    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        var env = event.getApplicationContext().getEnvironment();
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            StartupEnvironment.requireProductionSecrets(env);
        }
    }
}
