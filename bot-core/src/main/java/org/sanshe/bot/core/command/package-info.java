/** The command framework: one class per command with its spec, a registry that refuses duplicate names, a parser. */
package org.sanshe.bot.core.command;
