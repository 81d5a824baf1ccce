/** Granting, revoking and listing roles: the only way anyone gets more rights than a resident. */
package org.sanshe.bot.core.role;
