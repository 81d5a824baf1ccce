/**
 * The learned crisis signal, wired: loaded once at start (about 1 s, 165 MB outside the heap) behind
 * {@code bot.crisis.learned.enabled}, run on its own bounded pool, handed to crisis detection as the
 * {@code learnedSignal} bean.
 */
package org.sanshe.bot.app.signal;
