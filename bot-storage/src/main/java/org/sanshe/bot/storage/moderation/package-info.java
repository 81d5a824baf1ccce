/** Rule breaches recorded against members. */
package org.sanshe.bot.storage.moderation;
