/** The callback edge: signature, timestamp window, decryption, envelopes and the two WebFlux routes. */
package org.sanshe.bot.wecom.callback;
