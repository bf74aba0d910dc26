package org.newsgraph.extract;

import java.util.List;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * The speaker of a sentence read from its parse, for attributions the token patterns miss: the subject of a
 * reporting verb ("Lebanese Foreign Minister Abdallah Bou Habib said ..."), named by the gazetteer or, for people
 * and organisations it lacks, by the named-entity tags.
 */
final class DependencySources {

    private DependencySources() {
    }

    /** The attribution whose reporting verb's subject names someone, or null. */
    static Attribution find(Sentence s, List<Mention> mentions, ActionLexicon lexicon) {
        if (s.dependencies().isEmpty()) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        for (int v = 0; v < s.size(); v++) {
            Token verb = s.token(v);
            if (!verb.pos().startsWith("VB") || verb.lemmaCandidates().stream().noneMatch(l -> lexicon.isReportingVerb(l, true))) {
                continue;
            }
            IndexedWord w = g.getNodeByIndexSafe(v + 1);
            if (w == null) {
                continue;
            }
            for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                if (!e.getRelation().toString().equals("nsubj")) {
                    continue;
                }
                int subject = e.getDependent().index() - 1;
                Attribution a = speaker(s, mentions, subject, v);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    private static Attribution speaker(Sentence s, List<Mention> mentions, int subject, int verb) {
        for (Mention m : mentions) {
            if (m.covers(subject) && m.how() != Mention.How.DEMONYM && !m.entity().isPlace()) {
                return new Attribution(m.start(), verb + 1, m.entity());
            }
        }
        String ner = s.token(subject).ner();
        if (!ner.equals("PERSON") && !ner.equals("ORGANIZATION")) {
            return null;
        }
        int[] span = s.entitySpan(subject);
        return new Attribution(span[0], verb + 1, Attributions.unresolved(s.span(span[0], span[1])));
    }
}
