/**
 * The guards every command passes, in one linear order: own message, rate limit, parse, resolve, role, scope, arity.
 * Duplicates never reach them: the inbox refuses a second copy of an event by its dedup key.
 */
package org.sanshe.bot.core.engine.guard;
