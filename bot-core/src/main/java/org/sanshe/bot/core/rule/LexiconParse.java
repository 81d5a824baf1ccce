package org.sanshe.bot.core.rule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of reading lexicon files: a lexicon, or every line that is wrong (not just the first, so a deployer fixes
 * them in one go). A bad line is a value here; {@link #orElseThrow()} is for the startup code that must refuse to run
 * without its lexicon.
 */
public sealed interface LexiconParse {
    record Parsed(Lexicon lexicon) implements LexiconParse {}

    record Invalid(List<LexiconError> errors) implements LexiconParse {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid lexicon has at least one error");
            }
        }
    }

    /** The lexicon, or an exception listing every error, one per line. */
    default Lexicon orElseThrow() {
        if (this instanceof Parsed p) {
            return p.lexicon();
        }
        List<LexiconError> errors = ((Invalid) this).errors();
        throw new IllegalArgumentException("the lexicon has " + errors.size() + " bad line(s):\n"
                + errors.stream().map(LexiconError::toString).collect(Collectors.joining("\n")));
    }
}
