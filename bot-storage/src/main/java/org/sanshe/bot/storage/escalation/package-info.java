/** Escalations, their timelines and their numbers, excerpts encrypted at rest. */
package org.sanshe.bot.storage.escalation;
