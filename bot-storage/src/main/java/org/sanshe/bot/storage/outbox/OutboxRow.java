package org.sanshe.bot.storage.outbox;

/** A claimed row of {@code outbox}; {@code target} and {@code body} are ciphertext. */
public class OutboxRow {
    private long id;
    private long inboxId;
    private String kind;
    private String target;
    private String body;
    private int attempts;
    private String claimToken;
    private String lastError;

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getInboxId() {
        return inboxId;
    }

    public void setInboxId(long inboxId) {
        this.inboxId = inboxId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public void setClaimToken(String claimToken) {
        this.claimToken = claimToken;
    }

    @Override
    public String toString() {
        return "OutboxRow[" + id + ", " + kind + ", attempt " + attempts + "]";
    }
}
