/** In-process twins of the Redis coordination, for the embedded default. */
package org.sanshe.bot.storage.local;
