package org.sanshe.bot.app.admin;

import java.time.Clock;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.text.Texts;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.escalation.MybatisEscalations;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.household.MybatisHouseholdRosters;
import org.sanshe.bot.storage.nickname.MybatisNicknameRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The admin API and the roster files. */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {

    @Bean
    HouseholdRosterImport householdRosterImport(MybatisHouseholdRosters rosters, Texts texts, Clock clock) {
        return new HouseholdRosterImport(rosters, rosters::replace, texts, clock);
    }

    @Bean
    RouterFunction<ServerResponse> adminRoutes(
            BotProperties p,
            HouseholdRosterImport importer,
            MybatisHouseholdRosters rosters,
            MybatisGroups groups,
            MybatisNicknameRecords nicknames,
            GroupTypes types) {
        return new HouseholdAdminApi(new AdminAuth(p.adminToken()), importer, rosters, groups, nicknames, types)
                .routes();
    }

    @Bean
    RouterFunction<ServerResponse> feedbackExportRoutes(
            BotProperties p, MybatisEscalations escalations, MybatisAuditTrail audit, Clock clock) {
        return new FeedbackExportApi(new AdminAuth(p.adminToken()), escalations::feedbackSince, audit::record, clock)
                .routes();
    }

    @Bean
    HouseholdRosterFiles householdRosterFiles(BotProperties p, ResourceLoader loader, HouseholdRosterImport importer) {
        return new HouseholdRosterFiles(
                p.households().files(), ResourcePatternUtils.getResourcePatternResolver(loader), importer);
    }
}
