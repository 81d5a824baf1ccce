/** The sealed model of what can happen: past-tense records produced by adapters and by timers. */
package org.sanshe.bot.core.event;
