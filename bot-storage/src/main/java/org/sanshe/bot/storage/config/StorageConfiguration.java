package org.sanshe.bot.storage.config;

import java.time.Clock;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.redisson.api.RedissonClient;
import org.sanshe.bot.core.pipeline.IdempotencyStore;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.storage.archive.ArchiveCursorMapper;
import org.sanshe.bot.storage.archive.ArchiveCursorStore;
import org.sanshe.bot.storage.audit.AuditMapper;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.dispatch.LeaseMapper;
import org.sanshe.bot.storage.dispatch.MemberMapper;
import org.sanshe.bot.storage.dispatch.Partitions;
import org.sanshe.bot.storage.escalation.EscalationMapper;
import org.sanshe.bot.storage.escalation.MybatisEscalations;
import org.sanshe.bot.storage.group.GroupMapper;
import org.sanshe.bot.storage.group.MemberDirectoryMapper;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.MybatisMembers;
import org.sanshe.bot.storage.group.MybatisPrivateContexts;
import org.sanshe.bot.storage.group.RegistryWriter;
import org.sanshe.bot.storage.household.HouseholdMapper;
import org.sanshe.bot.storage.household.MybatisHouseholdRosters;
import org.sanshe.bot.storage.inbox.InboxMapper;
import org.sanshe.bot.storage.inbox.MybatisInbox;
import org.sanshe.bot.storage.local.LocalIdempotencyStore;
import org.sanshe.bot.storage.local.LocalRateLimiter;
import org.sanshe.bot.storage.moderation.BreachMapper;
import org.sanshe.bot.storage.moderation.MybatisRuleBreaches;
import org.sanshe.bot.storage.nickname.MybatisNicknameRecords;
import org.sanshe.bot.storage.nickname.NicknameMapper;
import org.sanshe.bot.storage.outbox.OutboxMapper;
import org.sanshe.bot.storage.outbox.OutboxStore;
import org.sanshe.bot.storage.redis.RedissonRateLimiter;
import org.sanshe.bot.storage.timer.TimerMapper;
import org.sanshe.bot.storage.timer.TimerStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires storage: MyBatis mappers, the encrypted inbox and outbox, and Redis or in-process coordination. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
@MapperScan(basePackages = "org.sanshe.bot.storage", annotationClass = Mapper.class)
public class StorageConfiguration {

    @Bean
    FieldCipher fieldCipher(StorageProperties p) {
        return new FieldCipher(p.dataKey());
    }

    @Bean
    Partitions partitions(StorageProperties p) {
        return new Partitions(p.partitions());
    }

    @Bean
    Inbox inbox(InboxMapper mapper, FieldCipher cipher, Partitions partitions) {
        return new MybatisInbox(mapper, cipher, partitions);
    }

    @Bean
    DispatchStore dispatchStore(
            InboxMapper inbox,
            OutboxMapper outbox,
            MemberMapper members,
            LeaseMapper leases,
            FieldCipher cipher,
            TransactionTemplate tx,
            Clock clock,
            Partitions partitions,
            RegistryWriter registry,
            MybatisEscalations escalations,
            TimerStore timers,
            MybatisRuleBreaches breaches,
            MybatisNicknameRecords nicknames,
            MybatisHouseholdRosters households) {
        return new DispatchStore(
                inbox,
                outbox,
                members,
                leases,
                cipher,
                tx,
                clock,
                partitions,
                registry,
                List.of(escalations::apply, timers::apply, breaches::apply, nicknames::apply, households::apply));
    }

    @Bean
    MybatisEscalations escalations(EscalationMapper mapper, FieldCipher cipher, TransactionTemplate tx) {
        return new MybatisEscalations(mapper, cipher, tx);
    }

    @Bean
    MybatisNicknameRecords nicknameRecords(NicknameMapper mapper, FieldCipher cipher) {
        return new MybatisNicknameRecords(mapper, cipher);
    }

    @Bean
    MybatisHouseholdRosters householdRosters(
            HouseholdMapper mapper, FieldCipher cipher, MybatisAuditTrail audit, TransactionTemplate tx) {
        return new MybatisHouseholdRosters(mapper, cipher, audit, tx);
    }

    @Bean
    MybatisRuleBreaches ruleBreaches(BreachMapper mapper) {
        return new MybatisRuleBreaches(mapper);
    }

    @Bean
    TimerStore timerStore(TimerMapper mapper, Clock clock) {
        return new TimerStore(mapper, clock);
    }

    @Bean
    ArchiveCursorStore archiveCursorStore(ArchiveCursorMapper mapper, Clock clock) {
        return new ArchiveCursorStore(mapper, clock);
    }

    @Bean
    MybatisMembers members(MemberDirectoryMapper mapper, GroupMapper grants, FieldCipher cipher) {
        return new MybatisMembers(mapper, grants, cipher);
    }

    @Bean
    MybatisPrivateContexts privateContexts(MemberDirectoryMapper mapper, Clock clock, StorageProperties p) {
        return new MybatisPrivateContexts(mapper, clock, p.directoryCache());
    }

    @Bean
    MybatisAuditTrail auditTrail(AuditMapper mapper, FieldCipher cipher) {
        return new MybatisAuditTrail(mapper, cipher);
    }

    @Bean
    RegistryWriter registryWriter(
            GroupMapper groups,
            MemberDirectoryMapper members,
            MybatisAuditTrail audit,
            FieldCipher cipher,
            MybatisGroups groupCache,
            MybatisPrivateContexts contexts) {
        return new RegistryWriter(groups, members, audit, cipher, groupCache, contexts);
    }

    @Bean
    OutboxStore outboxStore(OutboxMapper mapper, FieldCipher cipher, Clock clock) {
        return new OutboxStore(mapper, cipher, clock);
    }

    @Bean
    MybatisGroups groups(GroupMapper mapper, Clock clock, StorageProperties p) {
        return new MybatisGroups(mapper, clock, p.directoryCache());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "bot.storage.coordination", havingValue = "redis")
    static class Shared {
        /**
         * In process even with several instances: a Redis lookup per callback cost about a quarter of the ingest CPU
         * (docs/PERFORMANCE.md), and it only spared the database WeCom's retries, which are rare. A retry that reaches
         * another instance is answered by the inbox's unique key, which was the guarantee all along. It also keeps Redis
         * off the acknowledgement path, so a Redis outage cannot slow acknowledgements.
         */
        @Bean
        IdempotencyStore idempotencyStore(Clock clock) {
            return new LocalIdempotencyStore(clock, 200_000);
        }

        /** Shared through Redis; while Redis is away, in process at this instance's share of each limit. */
        @Bean
        RateLimiter rateLimiter(RedissonClient redisson, Clock clock, DispatchStore dispatch) {
            return new RedissonRateLimiter(redisson, new LocalRateLimiter(clock), dispatch::liveInstances, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "bot.storage.coordination", havingValue = "local", matchIfMissing = true)
    static class InProcess {
        @Bean
        IdempotencyStore idempotencyStore(Clock clock) {
            return new LocalIdempotencyStore(clock, 200_000);
        }

        @Bean
        RateLimiter rateLimiter(Clock clock) {
            return new LocalRateLimiter(clock);
        }
    }
}
