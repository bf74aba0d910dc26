package org.newsgraph.extract;

import java.util.List;

/**
 * One event as one sentence of one article states it (events.md).
 *
 * @param action     action code ("DEPLOY")
 * @param actor      who acts, normalised to a state or organisation
 * @param agent      the person or organ through which the actor acts, or null
 * @param targets    whom or what the action is aimed at
 * @param quantities numbers attached to the action
 * @param place      where it happens or where to, or null
 * @param date       ISO 8601 date, partial date or interval, or null
 * @param source     who says so, or null
 * @param evidence   the sentence it was read from
 * @param confidence the extractor's confidence in [0,1]
 * @param rule       the name of the rule that made it, so that a wrong or missed event can be traced
 */
public record Event(String action, Entity actor, Entity agent, List<Entity> targets, List<Quantity> quantities,
                    Entity place, String date, Entity source, Modality modality, Evidence evidence, double confidence,
                    String rule) {

    public Event {
        targets = List.copyOf(targets);
        quantities = List.copyOf(quantities);
    }

    public Event withRule(String name) {
        return new Event(action, actor, agent, targets, quantities, place, date, source, modality, evidence, confidence, name);
    }

    /**
     * The evidence sentence: its text and its character span in the article, and the anchor: the offset of the
     * words that tell this event (its trigger, or its own quantity when one trigger tells several events).
     */
    public record Evidence(int sentence, int start, int end, String text, int anchor) {
    }

    /**
     * How informative this telling is: the most informative telling of a repeated claim is kept. A figure counts
     * double: it is what researchers compare across sources.
     */
    public int filledSlots() {
        return (agent == null ? 0 : 1) + targets.size() + 2 * quantities.size() + (place == null ? 0 : 1)
                + (date == null ? 0 : 1) + (source == null ? 0 : 1);
    }
}
