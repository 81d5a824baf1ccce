/** User-facing text: one bundle per language, Chinese first. */
package org.sanshe.bot.core.text;
