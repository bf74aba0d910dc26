package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.newsgraph.nlp.Sentence;

/**
 * Places read from the parse where the word windows find none: the place that a trigger's locative phrase governs,
 * or that of its object or purpose clause ("sent 1,000 sappers to clear mines in the Kursk region"); a LOCATION the
 * gazetteer lacks ("met in Jeddah") is kept as a place with its name.
 */
final class DependencyPlaces {

    /** Relations from an event word to where it happens. */
    private static final Set<String> LOCATIVE = Set.of("obl:in", "obl:at", "obl:near", "nmod:in", "nmod:at", "nmod:near");

    /** Edges walked from the trigger towards its places: its object and the purpose clause ("sent ... to clear mines in Kursk"). */
    private static final Set<String> THROUGH = Set.of("obj", "xcomp", "advcl");

    private DependencyPlaces() {
    }

    /**
     * The place a trigger's locative phrase names, or the phrase of its object or purpose clause, nearest first: a
     * place of the gazetteer, or a LOCATION the gazetteer lacks (kept with its name); null when there is none.
     */
    static Entity at(Sentence s, List<Mention> mentions, int trigger) {
        IndexedWord w = s.dependencies().node(trigger);
        if (w == null) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        List<IndexedWord> heads = new ArrayList<>(List.of(w));
        // "held talks in Jeddah": the place hangs on the light verb whose object the event noun is.
        for (SemanticGraphEdge e : g.incomingEdgeList(w)) {
            if (e.getRelation().toString().equals("obj")) {
                heads.add(e.getGovernor());
            }
        }
        for (int depth = 0; depth < 3 && !heads.isEmpty(); depth++) {
            List<IndexedWord> next = new ArrayList<>();
            for (IndexedWord head : heads) {
                for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
                    String rel = e.getRelation().toString();
                    if (THROUGH.contains(rel)) {
                        next.add(e.getDependent());
                    }
                    if (LOCATIVE.contains(rel) || rel.equals("obl:to") || rel.equals("nmod:to")) {
                        Entity place = placeAt(s, mentions, e.getDependent().index() - 1, LOCATIVE.contains(rel));
                        if (place != null) {
                            return place;
                        }
                    }
                }
            }
            heads = next;
        }
        return null;
    }

    /** Relations from an attack to what it strikes: "the invasion of Ukraine", "strikes on Israel", "rained drones onto X". */
    private static final Set<String> STRUCK = Set.of("nmod:of", "nmod:on", "obl:on", "nmod:onto", "obl:onto");

    /**
     * The state or place an attack strikes, which is also where the fighting is: the object of "of" after an attack
     * noun, or of "on"/"onto", or the owner of what is struck ("onto Ukraine's infrastructure"); null when none.
     */
    static Entity struck(Sentence s, List<Mention> mentions, int trigger) {
        IndexedWord w = s.dependencies().node(trigger);
        if (w == null) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        List<SemanticGraphEdge> edges = new ArrayList<>(g.outgoingEdgeList(w));
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals("obj")) {
                // "launched attacks, striking Israel": what the launched attacks strike.
                edges.addAll(g.outgoingEdgeList(e.getDependent()));
            }
        }
        for (SemanticGraphEdge e : g.incomingEdgeList(w)) {
            if (e.getRelation().toString().equals("obj")) {
                // "launched missile attacks on Israel": the phrase can hang on the light verb.
                edges.addAll(g.outgoingEdgeList(e.getGovernor()));
            }
        }
        for (SemanticGraphEdge e : edges) {
            String rel = e.getRelation().toString();
            if (!STRUCK.contains(rel) || rel.equals("nmod:of") && !e.getGovernor().tag().startsWith("NN")) {
                continue;
            }
            Entity direct = territory(mentions, e.getDependent().index() - 1);
            if (direct != null) {
                return direct;
            }
            for (SemanticGraphEdge owner : g.outgoingEdgeList(e.getDependent())) {
                if (Set.of("nmod:poss", "nmod:of", "amod").contains(owner.getRelation().toString())) {
                    Entity owned = territory(mentions, owner.getDependent().index() - 1);
                    if (owned != null) {
                        return owned;
                    }
                }
            }
        }
        return null;
    }

    private static Entity territory(List<Mention> mentions, int token) {
        for (Mention m : mentions) {
            if (m.covers(token)) {
                Entity e = m.entity();
                return e.kind() == EntityKind.STATE || e.kind() == EntityKind.PLACE && e.seatOf() == null ? e : null;
            }
        }
        return null;
    }

    private static Entity placeAt(Sentence s, List<Mention> mentions, int d, boolean locative) {
        if (d >= s.size()) {
            return null;
        }
        for (Mention m : mentions) {
            if (m.covers(d) || m.end() == d && s.token(d).isNoun() && !s.token(d).isProperNoun()) {
                // "the Kursk region": the gazetteer's place is the modifier of a common noun.
                return m.entity().isPlace() && m.how() != Mention.How.DEMONYM ? m.entity() : null;
            }
        }
        if (!locative || !s.token(d).ner().equals("LOCATION")) {
            return null;
        }
        int[] span = s.entitySpan(d);
        if (mentions.stream().anyMatch(m -> m.start() < span[1] && span[0] < m.end())) {
            return null;
        }
        return Attributions.unresolved(s.span(span[0], span[1]));
    }
}
