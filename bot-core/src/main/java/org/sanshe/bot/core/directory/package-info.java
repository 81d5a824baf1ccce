/** Finding the group or member a person means from what they typed, asking back rather than guessing. */
package org.sanshe.bot.core.directory;
