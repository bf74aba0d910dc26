package org.newsgraph.extract;

import java.util.List;

/**
 * A lexicon entry: lemmas that signal an action.
 *
 * @param action      the action code (events.md)
 * @param lemmas      the trigger's lemmas in order ("break", "off")
 * @param noun        true for a noun trigger ("deliveries"), false for a verb
 * @param objectClass noun class the object must have, or null
 * @param actorKind   who may act: "body", "state", "state-like", or null for any actor
 * @param actorPreposition the preposition whose object is the actor ("from" in "obtain grain from Russia"), or null
 * @param subjectIsTarget  true when the subject is the target rather than the actor
 * @param ofAgent     for nouns: "of X" names the actor ("the visit of Putin") rather than what is acted on
 * @param requiredPreposition a preposition that must follow ("at" in "fired missiles at"), or null
 * @param parseOnly   read only where a dependency rule finds its actor, never by word windows
 */
public record Trigger(String action, List<String> lemmas, boolean noun, String objectClass, String actorKind,
                      String actorPreposition, boolean subjectIsTarget, boolean ofAgent, String requiredPreposition,
                      boolean parseOnly) {

    /** The preposition this reading needs after it: its actor's or its own requirement. */
    public String neededPreposition() {
        return actorPreposition != null ? actorPreposition : requiredPreposition;
    }

    public Trigger {
        lemmas = List.copyOf(lemmas);
    }
}
