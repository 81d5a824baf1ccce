/** Redisson-backed coordination for several instances: rate limits shared by every instance. */
package org.sanshe.bot.storage.redis;
