package org.newsgraph.eval;

import java.util.List;

/**
 * One event as queries/events.rq returns it, its rows folded together.
 *
 * @param quantities each {value, max} where max may be null
 * @param rule       the rule that read it, or null where the results do not say
 */
public record ExtractedEvent(String doc, String actor, String agent, String action, List<String> targets,
                             List<double[]> quantities, String place, String date, String source, String modality,
                             String evidence, String rule) {

    public ExtractedEvent {
        targets = List.copyOf(targets);
        quantities = List.copyOf(quantities);
    }
}
