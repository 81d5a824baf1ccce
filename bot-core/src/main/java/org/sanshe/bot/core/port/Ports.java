package org.sanshe.bot.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.escalation.Escalation;

/** Every port the engine reads, in one value, so that wiring a new one does not change every constructor. */
public record Ports(
        Groups groups,
        RoleGrants roles,
        Members members,
        PrivateContexts contexts,
        AuditTrail audit,
        RateLimiter limiter,
        Escalations escalations,
        ContentScanner scanner) {
    public Ports {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(escalations, "escalations");
        Objects.requireNonNull(scanner, "scanner");
    }

    /** Without content rules and escalations: for tests of the registry alone. */
    public Ports(
            Groups groups,
            RoleGrants roles,
            Members members,
            PrivateContexts contexts,
            AuditTrail audit,
            RateLimiter limiter) {
        this(groups, roles, members, contexts, audit, limiter, NO_ESCALATIONS, ContentScanner.NONE);
    }

    private static final Escalations NO_ESCALATIONS = new Escalations() {
        @Override
        public Optional<Escalation> find(long number) {
            return Optional.empty();
        }

        @Override
        public List<Escalation> unresolved(int limit) {
            return List.of();
        }

        @Override
        public Optional<Escalation> unresolvedFor(UserId subject, Optional<ChatId> chat) {
            return Optional.empty();
        }

        @Override
        public long nextNumber() {
            throw new UnsupportedOperationException("this deployment keeps no escalations");
        }
    };
}
