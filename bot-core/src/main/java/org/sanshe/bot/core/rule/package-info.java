/**
 * Detection of crises (生命优先: self-harm, medical emergencies, falls and lost elders, domestic violence, severe
 * distress) and group-rule breaches (rumours, superstition, porn and violence, advertising, private information) in
 * Chinese chat messages.
 *
 * <p>Deployers edit the lexicon files in {@code config/lexicon/} ({@link org.sanshe.bot.core.rule.Lexicon#readFolder});
 * a bad line is reported with its file and line number. {@link org.sanshe.bot.core.rule.RuleMatcher} compiles a
 * lexicon into one Aho–Corasick automaton plus a few patterns and turns a message into a
 * {@link org.sanshe.bot.core.rule.Detection}: crisis findings most urgent first, breach findings, and what exception
 * phrases and negation cues dropped (the rules are on {@code RuleMatcher}). Messages are normalised first (full width,
 * case, spaces and filler punctuation inside words), and every offset refers to the message as received.
 *
 * <p>A detection is a prompt for a person, not a verdict: the engine decides whom to tell.
 */
package org.sanshe.bot.core.rule;
