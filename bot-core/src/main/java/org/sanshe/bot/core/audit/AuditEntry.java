package org.sanshe.bot.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/**
 * One privileged command as the audit keeps it: who, what, in which group, when, and how it ended. The detail may name
 * members, so storage encrypts it and it is never logged.
 *
 * @param action the command as people know it, e.g. "/角色 授予"
 * @param detail what was done or why it was refused, short
 */
public record AuditEntry(Instant at, UserId actor, String action, Optional<ChatId> chat, Result result, String detail) {

    /** How a privileged command ended. */
    public enum Result {
        DONE("完成"),
        REFUSED("拒绝");

        private final String chineseName;

        Result(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "AuditEntry[" + actor + " " + action + " " + result + "]";
    }
}
