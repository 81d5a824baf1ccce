/**
 * The ports of the one pipeline: inbox (ingest to dispatch), idempotency, outbox messages and their sender. The core
 * owns their shape; storage and the WeCom adapter implement them.
 */
package org.sanshe.bot.core.pipeline;
