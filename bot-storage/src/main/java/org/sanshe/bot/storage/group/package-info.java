/** The group registry and role grants. */
package org.sanshe.bot.storage.group;
