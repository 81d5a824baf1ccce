/** The decision step of the pipeline: one event in, one outcome (state changes and messages) out. */
package org.sanshe.bot.core.engine;
