/**
 * Households (入群户数): a group's roster of buildings and rooms, imported from CSV, and the coverage report per building
 * that compares it with the households members' nicknames name (present, missing, shared, owner vs tenant, not on the
 * roster). The report's counts may be said in the group; lists of rooms and members only in a private chat.
 */
package org.sanshe.bot.core.household;
