/** Storage configuration ({@code bot.storage.*}) and wiring. */
package org.sanshe.bot.storage.config;
