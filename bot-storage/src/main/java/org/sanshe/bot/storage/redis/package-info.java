/** Redisson-backed coordination for several instances: idempotency keys and rate limits. */
package org.sanshe.bot.storage.redis;
