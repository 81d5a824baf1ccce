/** Household rosters (户数名册) of groups, the addresses encrypted. */
package org.sanshe.bot.storage.household;
