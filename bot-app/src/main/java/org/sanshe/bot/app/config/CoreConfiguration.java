package org.sanshe.bot.app.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.sanshe.bot.app.pipeline.BatchRateLimiter;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.builtin.BuiltinCommands;
import org.sanshe.bot.core.crisis.CrisisBook;
import org.sanshe.bot.core.crisis.CrisisDetector;
import org.sanshe.bot.core.crisis.CrisisScanner;
import org.sanshe.bot.core.engine.BotSettings;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.escalation.EscalationSettings;
import org.sanshe.bot.core.moderation.RuleBook;
import org.sanshe.bot.core.nickname.NicknameSettings;
import org.sanshe.bot.core.port.ContentScanner;
import org.sanshe.bot.core.port.LearnedSignal;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.LexiconParse;
import org.sanshe.bot.core.rule.RuleMatcher;
import org.sanshe.bot.core.text.Texts;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.escalation.MybatisEscalations;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.MybatisMembers;
import org.sanshe.bot.storage.group.MybatisPrivateContexts;
import org.sanshe.bot.storage.moderation.MybatisRuleBreaches;
import org.sanshe.bot.storage.nickname.MybatisNicknameRecords;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The core, wired: framework properties mapped into plain core settings here and nowhere else. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotProperties.class)
public class CoreConfiguration {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CoreConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Texts texts() {
        return Texts.chinese();
    }

    @Bean
    RuleBook ruleBook(BotProperties p, ResourceLoader resources, GroupTypes types) {
        return RuleBookLoader.load(resources.getResource(p.rulesFile()), types);
    }

    @Bean
    GroupTypes groupTypes(BotProperties p, ResourceLoader resources) {
        return GroupTypesLoader.load(resources.getResource(p.groupTypesFile()));
    }

    /**
     * The crisis and rule lexicons: the packaged {@code config/lexicon/*.tsv}, or the folder {@code bot.lexicon-dir}.
     * A bad line stops the start with every bad line named: the service never runs half-blind to a crisis.
     */
    @Bean
    ContentScanner contentScanner(
            BotProperties p,
            ResourceLoader loader,
            org.springframework.beans.factory.ObjectProvider<LearnedSignal> learned)
            throws java.io.IOException {
        ResourcePatternResolver resources =
                org.springframework.core.io.support.ResourcePatternUtils.getResourcePatternResolver(loader);
        LexiconParse parse;
        if (!p.lexiconDir().isBlank()) {
            parse = Lexicon.readFolder(java.nio.file.Path.of(p.lexiconDir()));
        } else {
            java.util.SortedMap<String, String> sources = new java.util.TreeMap<>();
            for (Resource r : resources.getResources("classpath*:lexicon/*.tsv")) {
                try (var in = r.getInputStream()) {
                    sources.put(
                            "lexicon/" + r.getFilename(),
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("no lexicon files packaged (lexicon/*.tsv); set bot.lexicon-dir");
            }
            parse = Lexicon.parseAll(sources);
        }
        try {
            RuleMatcher lexicon = RuleMatcher.compile(parse.orElseThrow());
            CrisisDetector detector =
                    CrisisDetector.build(crisisBook(p, resources).orElseThrow(), lexicon);
            LearnedSignal signal = learned.getIfAvailable(() -> LearnedSignal.OFF);
            if (signal != LearnedSignal.OFF) {
                detector = detector.withLearned(
                        signal,
                        p.crisis().learned().urgentAbove(),
                        p.crisis().learned().watchAbove(),
                        p.crisis().learned().lowerBelow());
            }
            log.info("crisis detection: {}", detector);
            return new CrisisScanner(detector);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The packaged config/crisis/ files, or the folder bot.crisis.dir. */
    private static CrisisBook.Parse crisisBook(BotProperties p, ResourcePatternResolver resources)
            throws java.io.IOException {
        if (!p.crisis().dir().isBlank()) {
            return CrisisBook.readFolder(java.nio.file.Path.of(p.crisis().dir()));
        }
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (String name : CrisisBook.FILES) {
            Resource r = resources.getResource("classpath:crisis/" + name);
            if (r.exists()) {
                try (var in = r.getInputStream()) {
                    texts.put(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return CrisisBook.parse(texts);
    }

    @Bean
    CommandRegistry commandRegistry() {
        return new CommandRegistry(BuiltinCommands.all());
    }

    @Bean
    BotSettings botSettings(BotProperties p, RuleBook rules) {
        return new BotSettings(
                ids(p.admins()),
                ids(p.botUserIds()),
                p.commandLimit(),
                p.commandWindow(),
                p.zone(),
                new EscalationSettings(
                        p.escalation().ackTimeout(),
                        p.escalation().rounds(),
                        p.escalation().coalesceWindow(),
                        p.escalation().noteBudget()),
                rules,
                new NicknameSettings(
                        p.nickname().joinCheckDelay(),
                        p.nickname().pollInterval(),
                        p.nickname().remindInterval(),
                        p.nickname().maxReminders(),
                        java.util.Set.copyOf(p.nickname().groupSendTypes())));
    }

    /** The shared limiter, counted a batch at a time by the dispatcher (one round trip per batch, not per event). */
    @Bean
    BatchRateLimiter batchRateLimiter(RateLimiter rateLimiter) {
        return new BatchRateLimiter(rateLimiter);
    }

    @Bean
    Engine engine(
            CommandRegistry registry,
            MybatisGroups groups,
            MybatisMembers members,
            MybatisPrivateContexts contexts,
            MybatisAuditTrail audit,
            BatchRateLimiter rateLimiter,
            MybatisEscalations escalations,
            ContentScanner scanner,
            MybatisRuleBreaches breaches,
            MybatisNicknameRecords nicknames,
            org.sanshe.bot.storage.household.MybatisHouseholdRosters households,
            GroupTypes types,
            Texts texts,
            BotSettings settings) {
        return new Engine(
                registry,
                new Ports(
                        groups,
                        groups,
                        members,
                        contexts,
                        audit,
                        rateLimiter,
                        escalations,
                        scanner,
                        breaches,
                        nicknames,
                        households),
                types,
                texts,
                settings);
    }

    @Bean
    RegistryBootstrap registryBootstrap(
            BotProperties p, GroupTypes types, MybatisGroups groups, MybatisAuditTrail audit, Clock clock) {
        return new RegistryBootstrap(p.bootstrap(), types, groups, audit, clock);
    }

    private static Set<UserId> ids(Iterable<String> values) {
        Set<UserId> ids = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                ids.add(UserId.of(v.strip()));
            }
        }
        return ids;
    }
}
