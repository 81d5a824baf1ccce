/** The audit trail of privileged commands: every grant, binding and rules change, done or refused. */
package org.sanshe.bot.core.audit;
