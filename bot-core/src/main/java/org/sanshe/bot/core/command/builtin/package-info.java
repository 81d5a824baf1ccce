/** Commands shipped with the core. */
package org.sanshe.bot.core.command.builtin;
