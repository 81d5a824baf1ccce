/** The embedded default: demo community, built-in fake WeCom, and the simulator page. */
package org.sanshe.bot.app.local;
