package org.newsgraph.extract;

import java.time.LocalDate;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.newsgraph.nlp.Sentence;

/**
 * The date of a trigger's own clause from the parse and SUTime: a DATE the trigger governs ("met on Thursday",
 * "signed in June 2024"), as SUTime normalised it against the article's date. Only full dates and months are taken,
 * and never one after the article's date for an event told as done.
 */
final class DependencyDates {

    private DependencyDates() {
    }

    static String of(Sentence s, int trigger, boolean future, LocalDate articleDate) {
        IndexedWord w = s.dependencies().node(trigger);
        if (w == null) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String rel = e.getRelation().toString();
            if (!rel.startsWith("obl") && !rel.startsWith("nmod")) {
                continue;
            }
            int d = e.getDependent().index() - 1;
            if (d >= s.size() || !s.token(d).ner().equals("DATE") || s.token(d).normalized() == null) {
                continue;
            }
            String v = s.token(d).normalized();
            if (!v.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
                continue;
            }
            if (!future && articleDate != null && v.length() == 10 && LocalDate.parse(v).isAfter(articleDate)) {
                continue;
            }
            return v;
        }
        return null;
    }
}
