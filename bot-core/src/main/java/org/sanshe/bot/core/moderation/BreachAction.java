package org.sanshe.bot.core.moderation;

/** What the bot may do about a rule breach. It never answers in the group and cannot remove anyone. */
public enum BreachAction {
    /** A gentle private message to the member (for a member the app cannot message, the secretary is asked to). */
    REMIND,
    /** A private note to the group's secretaries (群秘书), else its administrators. */
    NOTE_SECRETARY,
    /** A warning recorded against the member; at the limit the administrators get a report and decide. */
    WARN
}
