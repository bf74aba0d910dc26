package org.newsgraph.eval;

import java.util.List;

/**
 * One hand-annotated event of a gold file (events.md, "Gold files").
 *
 * @param actor      the actor's names (label first, then aliases), empty when absent
 * @param agent      the agent's names, empty when absent
 * @param quantities each a value, or a range min..max
 * @param date       ISO 8601, "--MM-DD", or an interval "start/end"; null when absent
 */
public record GoldEvent(String doc, List<String> actor, List<String> agent, String action, List<List<String>> targets,
                        List<GoldQuantity> quantities, List<String> place, String date, List<String> source,
                        String modality, String evidence) {

    public GoldEvent {
        actor = List.copyOf(actor);
        agent = List.copyOf(agent);
        targets = targets.stream().map(List::copyOf).toList();
        quantities = List.copyOf(quantities);
        place = List.copyOf(place);
        source = List.copyOf(source);
    }

    /** A gold quantity: a value, or a range (either end may be missing). */
    public record GoldQuantity(Double value, Double min, Double max) {
    }
}
