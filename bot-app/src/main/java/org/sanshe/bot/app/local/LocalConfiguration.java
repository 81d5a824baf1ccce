package org.sanshe.bot.app.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.RegistryWriter;
import org.sanshe.bot.wecom.config.WeComProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The embedded default's extras: demo community, fake WeCom, simulator and an in-memory chat archive. Never in
 * {@code prod}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
public class LocalConfiguration {

    @Bean
    @ConditionalOnProperty(name = "bot.local.seed-demo", havingValue = "true", matchIfMissing = true)
    DemoSeeder demoSeeder(MybatisGroups groups, RegistryWriter registry, Clock clock) {
        return new DemoSeeder(groups, registry, clock);
    }

    /** The archive the simulator writes to and, with {@code bot.archive.enabled}, the feed reads (prod: WeCom's). */
    @Bean
    LocalArchiveSource localArchiveSource(Clock clock) {
        return new LocalArchiveSource(clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "bot.local.fake-wecom", havingValue = "true")
    static class FakeAndSimulator {
        @Bean
        Transcript transcript() {
            return new Transcript();
        }

        @Bean
        DemoCustomerMembers demoCustomerMembers() {
            return new DemoCustomerMembers();
        }

        @Bean
        RouterFunction<ServerResponse> fakeWeComRoutes(
                Transcript transcript, ObjectMapper json, DemoCustomerMembers customers) {
            return new FakeWeCom(transcript, json, customers).routes();
        }

        @Bean
        RouterFunction<ServerResponse> simulatorRoutes(
                MybatisGroups groups,
                GroupTypes types,
                WeComProperties wecom,
                Transcript transcript,
                ObjectMapper json,
                Environment env,
                Clock clock,
                LocalArchiveSource archive,
                DemoCustomerMembers customers) {
            return new Simulator(groups, types, wecom, transcript, json, env, clock, archive, customers).routes();
        }
    }
}
