/**
 * Training the learned crisis signal's classifier ({@code scripts/train-crisis-model.sh}): the development set
 * {@code eval/crisis/dev.tsv} to {@code dev5.tsv} are embedded, the L2 strength is chosen by stratified cross-validation, a softmax regression
 * is fitted on the whole set and written to {@code config/crisis/model.tsv} with a header that says how. Deterministic:
 * the same data, settings and seed give the same file. The held-out set is for evaluation only and is refused here.
 */
package org.sanshe.bot.signal.train;
