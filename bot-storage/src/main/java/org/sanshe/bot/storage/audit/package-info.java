/** The audit log of privileged commands, details encrypted at rest. */
package org.sanshe.bot.storage.audit;
