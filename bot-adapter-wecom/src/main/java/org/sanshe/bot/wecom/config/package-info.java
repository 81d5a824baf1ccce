/** The adapter's configuration ({@code bot.wecom.*}) and its Spring wiring. */
package org.sanshe.bot.wecom.config;
