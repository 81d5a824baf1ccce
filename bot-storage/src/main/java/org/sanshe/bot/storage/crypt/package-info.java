/** Encryption of personal data at rest. */
package org.sanshe.bot.storage.crypt;
