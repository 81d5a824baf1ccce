/** Configuration of the service ({@code bot.*}), the core's wiring and the start-up environment checks. */
package org.sanshe.bot.app.config;
