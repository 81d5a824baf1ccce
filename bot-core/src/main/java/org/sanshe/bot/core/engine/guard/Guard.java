package org.sanshe.bot.core.engine.guard;

/** One cross-cutting check in the command pipeline (STYLE.md rule 4). */
public interface Guard {
    Verdict check(CommandRequest request);
}
