/**
 * Keeping the group rules without shaming anyone: what is done when a message breaks a rule (a private reminder, a
 * note to the secretary, a warning that decays, a report to the administrator at a limit), per rule and group type.
 */
package org.sanshe.bot.core.moderation;
