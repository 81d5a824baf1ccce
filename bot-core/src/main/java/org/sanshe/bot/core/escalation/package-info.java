/**
 * Escalations: a crisis found in a message (or reported by staff) goes privately to the group's social workers as a
 * card, climbs the chain on a stored timer until someone acknowledges it, and is never left unanswered in silence.
 */
package org.sanshe.bot.core.escalation;
