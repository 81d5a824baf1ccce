/** Members' group nicknames as last checked. */
package org.sanshe.bot.storage.nickname;
