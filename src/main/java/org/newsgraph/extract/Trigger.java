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
 */
public record Trigger(String action, List<String> lemmas, boolean noun, String objectClass, String actorKind) {

    public Trigger {
        lemmas = List.copyOf(lemmas);
    }
}
