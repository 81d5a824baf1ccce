package org.sanshe.bot.core.port;

import java.util.Objects;

/** Every port the engine reads, in one value, so that wiring a new one does not change every constructor. */
public record Ports(
        Groups groups,
        RoleGrants roles,
        Members members,
        PrivateContexts contexts,
        AuditTrail audit,
        RateLimiter limiter,
        Escalations escalations,
        ContentScanner scanner,
        RuleBreaches breaches,
        NicknameRecords nicknames,
        HouseholdRosters households) {
    public Ports {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(escalations, "escalations");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(breaches, "breaches");
        Objects.requireNonNull(nicknames, "nicknames");
        Objects.requireNonNull(households, "households");
    }

    /** Without household rosters (wiring and tests that predate them). */
    public Ports(
            Groups groups,
            RoleGrants roles,
            Members members,
            PrivateContexts contexts,
            AuditTrail audit,
            RateLimiter limiter,
            Escalations escalations,
            ContentScanner scanner,
            RuleBreaches breaches,
            NicknameRecords nicknames) {
        this(
                groups,
                roles,
                members,
                contexts,
                audit,
                limiter,
                escalations,
                scanner,
                breaches,
                nicknames,
                HouseholdRosters.NONE);
    }
}
