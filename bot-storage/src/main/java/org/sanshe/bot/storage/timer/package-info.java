/** Stored timers (escalation acknowledgement timeouts, later shift reminders): rows with a due time. */
package org.sanshe.bot.storage.timer;
