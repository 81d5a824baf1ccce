#!/usr/bin/env bash
# Trains the learned crisis signal's classifier: config/crisis/model.tsv from the development sets
# eval/crisis/dev.tsv … dev5.tsv (written blind by separate sessions).
#
#   scripts/train-crisis-model.sh [--dev eval/crisis/dev.tsv,eval/crisis/dev2.tsv,eval/crisis/dev3.tsv,eval/crisis/dev4.tsv,eval/crisis/dev5.tsv]
#                                 [--out config/crisis/model.tsv] [--seed 42]
#                                 [--folds 5] [--iterations 300] [--l2 0.0003,0.001,0.003,0.01,0.03,0.1,0.3]
#                                 [--crisis-dir config/crisis] [--lexicon-dir config/lexicon]
#
# Builds bot-signal, embeds every line of the development sets with BGE-small-zh v1.5 (the model inside the
# langchain4j jar; nothing is downloaded), chooses the L2 strength by stratified 5-fold cross-validation (lowest
# out-of-fold log-loss), prints the out-of-fold crisis recall and false-alarm rates at P >= 0.5/0.7/0.9, fits on the
# whole set and writes the model with a header that says how it was made (data, hash, settings, commit, figures).
# Deterministic: the same data, settings and seed give the same weights. About a minute on 2 cores.
# Each text is first read as the detector hands it to the learned signal (CrisisText.normalise, then the variant
# spellings of config/crisis/variants.tsv): retrain when those change. eval/crisis/heldout3.tsv is for evaluation only:
# the trainer refuses it.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "train-crisis-model: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "train-crisis-model: mvn not on PATH" >&2; exit 1; }

# before the build: the build formats sources and may touch files by itself
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo '+uncommitted')"
echo "[train] building bot-signal (mvn -pl bot-signal -am package)"
# the classpath file is written per module, relative to each module's folder
mvn -B -ntp -q -pl bot-signal -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/train-classpath.txt -DincludeScope=runtime

exec java -Xmx1g -cp "bot-signal/target/classes:$(cat bot-signal/target/train-classpath.txt)" \
  org.sanshe.bot.signal.train.CrisisModelTrainer --commit "$commit" "$@"
