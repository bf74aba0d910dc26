package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.newsgraph.nlp.Sentence;

/**
 * Places the gazetteer does not know, read from the parse and the named-entity tags: the LOCATION that a trigger's
 * locative phrase governs ("met in Jeddah", "the talks at the Vostochny Cosmodrome"), kept as a place with its name.
 */
final class DependencyPlaces {

    /** Relations from an event word to where it happens. */
    private static final Set<String> LOCATIVE = Set.of("obl:in", "obl:at", "obl:near", "nmod:in", "nmod:at", "nmod:near");

    private DependencyPlaces() {
    }

    /** The place a trigger's own locative phrase names, or null; a place the gazetteer knows is left to it. */
    static Entity at(Sentence s, List<Mention> mentions, int trigger) {
        if (s.dependencies().isEmpty()) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        IndexedWord w = g.getNodeByIndexSafe(trigger + 1);
        if (w == null) {
            return null;
        }
        List<IndexedWord> heads = new ArrayList<>(List.of(w));
        // "held talks in Jeddah": the place hangs on the light verb whose object the event noun is.
        for (SemanticGraphEdge e : g.incomingEdgeList(w)) {
            if (e.getRelation().toString().equals("obj")) {
                heads.add(e.getGovernor());
            }
        }
        for (IndexedWord head : heads) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
                if (!LOCATIVE.contains(e.getRelation().toString())) {
                    continue;
                }
                int d = e.getDependent().index() - 1;
                if (d >= s.size() || !s.token(d).ner().equals("LOCATION")
                        || mentions.stream().anyMatch(m -> m.covers(d))) {
                    continue;
                }
                int from = d;
                int to = d + 1;
                while (from > 0 && s.token(from - 1).ner().equals("LOCATION")) {
                    from--;
                }
                while (to < s.size() && s.token(to).ner().equals("LOCATION")) {
                    to++;
                }
                int a = from;
                int b = to;
                if (mentions.stream().anyMatch(m -> m.start() < b && a < m.end())) {
                    continue;
                }
                return Attributions.unresolved(s.span(from, to));
            }
        }
        return null;
    }
}
