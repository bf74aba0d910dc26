package org.newsgraph.extract;

import java.util.List;

/**
 * One extraction rule read from a file of rules/: a Semgrex pattern over a sentence's dependency graph whose node
 * {@code trigger} is a word of the lexicon and whose node {@code actor} names who acts.
 *
 * @param name       the rule's name, recorded on every event it makes
 * @param pattern    the Semgrex pattern as written; {@code $VERB} and {@code $NOUN} stand for the lexicon's verb and
 *                   noun triggers
 * @param actions    the action codes it reads (its trigger's reading in the lexicon), or empty for all
 * @param except     trigger lemmas it does not read (a noun that names a state of affairs, not an act, in its frame)
 * @param confidence the confidence of the events it makes, before the actor's own
 * @param example    a sentence in the project's own words that the rule must read
 * @param expect     the event the example must give: "ACTION actor" or "ACTION actor -> target"
 * @param file       the file it was read from, for messages
 */
public record DependencyRule(String name, String pattern, List<String> actions, List<String> except, double confidence,
                             String example, String expect, String file) {

    public DependencyRule {
        actions = List.copyOf(actions);
        except = List.copyOf(except);
    }

    /** True when the rule reads this trigger word (by lemma). */
    public boolean readsWord(String lemma) {
        return !except.contains(lemma.toLowerCase(java.util.Locale.ROOT));
    }

    /** True when the rule reads triggers of this action. */
    public boolean reads(String action) {
        return actions.isEmpty() || actions.contains(action);
    }

    /** The roles a pattern names, besides its trigger. */
    public static final List<String> ROLES = List.of("actor");
}
