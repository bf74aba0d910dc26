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
        heads.addAll(governors(g, w, "obj"));
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
        List<SemanticGraphEdge> edges = withObjects(g, w);
        // "launched missile attacks on Israel": the phrase can hang on the light verb, or on a conjunct ("drones and
        // missile attacks on Israel").
        for (IndexedWord v : governors(g, w, "obj", "conj")) {
            edges.addAll(g.outgoingEdgeList(v));
        }
        for (SemanticGraphEdge e : edges) {
            String rel = e.getRelation().toString();
            if (!STRUCK.contains(rel) || rel.equals("nmod:of") && !e.getGovernor().tag().startsWith("NN")) {
                continue;
            }
            Entity t = territoryWithin(g, mentions, e.getDependent());
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The node's edges and its objects' edges: "launched drones on Israel" (the phrase hangs on what was launched). */
    private static List<SemanticGraphEdge> withObjects(SemanticGraph g, IndexedWord w) {
        List<SemanticGraphEdge> edges = new ArrayList<>(g.outgoingEdgeList(w));
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals("obj")) {
                edges.addAll(g.outgoingEdgeList(e.getDependent()));
            }
        }
        return edges;
    }

    /** The words the node depends on through a relation starting with one of these names. */
    private static List<IndexedWord> governors(SemanticGraph g, IndexedWord w, String... relations) {
        List<IndexedWord> out = new ArrayList<>();
        for (SemanticGraphEdge e : g.incomingEdgeList(w)) {
            String rel = e.getRelation().toString();
            for (String r : relations) {
                if (rel.equals(r) || rel.startsWith(r + ":")) {
                    out.add(e.getGovernor());
                }
            }
        }
        return out;
    }

    /** Verbs that say a launched missile struck: "launched missiles, hitting a field in Zaporizhzhia". */
    private static final Set<String> HIT = Set.of("hit", "strike", "target", "destroy", "damage", "kill", "slam");
    /** Relations from a launch, or from what was launched, to what it was aimed at: "fired missiles at Kharkiv". */
    private static final Set<String> AIMED_AT = Set.of("obl:at", "obl:on", "obl:against", "nmod:on", "nmod:at", "nmod:against");
    /** Relations from a struck thing to where it stands (first) or whose it is. */
    private static final Set<String> STANDS_IN = Set.of("nmod:in", "nmod:of", "nmod:poss", "amod");

    /**
     * The state or place a launch was aimed at or struck ("fired missiles at Kharkiv", "launched missiles on Dec. 30,
     * hitting a field in Zaporizhzhia Oblast"): a launch at a territory is an attack, not a test. Null when none.
     */
    static Entity launchedAt(Sentence s, List<Mention> mentions, int trigger) {
        IndexedWord w = s.dependencies().node(trigger);
        if (w == null) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        for (SemanticGraphEdge e : withObjects(g, w)) {
            String rel = e.getRelation().toString();
            if (AIMED_AT.contains(rel)) {
                Entity t = territoryWithin(g, mentions, e.getDependent());
                if (t != null) {
                    return t;
                }
            }
            if ((rel.startsWith("advcl") || rel.equals("xcomp") || rel.startsWith("conj") || rel.equals("dep"))
                    && HIT.contains(String.valueOf(e.getDependent().lemma()).toLowerCase(java.util.Locale.ROOT))) {
                for (SemanticGraphEdge hit : g.outgoingEdgeList(e.getDependent())) {
                    String r = hit.getRelation().toString();
                    if (r.equals("obj") || r.startsWith("obl:")) {
                        Entity t = territoryWithin(g, mentions, hit.getDependent());
                        if (t != null) {
                            return t;
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * The territory a node names, or else where it stands, or else whose it is: "an open field in Zaporizhzhia
     * Oblast", "strikes on its consulate in Syria" (Syria), "onto Ukraine's infrastructure".
     */
    private static Entity territoryWithin(SemanticGraph g, List<Mention> mentions, IndexedWord node) {
        Entity direct = territory(mentions, node.index() - 1);
        if (direct != null) {
            return direct;
        }
        List<SemanticGraphEdge> edges = new ArrayList<>(g.outgoingEdgeList(node));
        edges.sort(java.util.Comparator.comparingInt(o -> o.getRelation().toString().equals("nmod:in") ? 0 : 1));
        for (SemanticGraphEdge e : edges) {
            if (STANDS_IN.contains(e.getRelation().toString())) {
                Entity t = territory(mentions, e.getDependent().index() - 1);
                if (t != null) {
                    return t;
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
