/** The spool on disk: callbacks kept, encrypted and forced, while the database cannot take them. */
package org.sanshe.bot.storage.spool;
