package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.newsgraph.nlp.Sentence;

/**
 * Targets read from the parse where the word windows find none: the trigger's object or the phrase its action aims
 * through ("sanctions on three Iranian generals", "transferred a vehicle to Pyongyang", "talks with Japan"), with the
 * light verb's phrases for a noun trigger ("imposed sanctions on ...").
 */
final class DependencyTargets {

    /** The relations through which each action aims at its target, besides a named object. */
    private static final Map<String, Set<String>> AIMED = Map.ofEntries(
            Map.entry("SUPPLY_ARMS", Set.of("iobj", "obl:to", "nmod:to")),
            Map.entry("PROVIDE_AID", Set.of("iobj", "obl:to", "nmod:to")),
            Map.entry("DEPLOY", Set.of("obl:to", "nmod:to")),
            Map.entry("PAY", Set.of("iobj", "obl:to", "nmod:to")),
            Map.entry("SEVER_RELATIONS", Set.of("obj", "obl:with", "nmod:with", "obl:to", "nmod:to")),
            Map.entry("SANCTION", Set.of("obj", "obl:on", "nmod:on", "obl:against", "nmod:against")),
            Map.entry("CRITICIZE", Set.of("obj", "obl:against", "nmod:against", "obl:over", "nmod:of")),
            Map.entry("THREATEN", Set.of("obj", "obl:against", "nmod:against")),
            Map.entry("FIGHT", Set.of("obj", "obl:against", "nmod:against", "obl:on", "nmod:on", "nmod:of")),
            Map.entry("MEET", Set.of("obj", "obl:with", "nmod:with")),
            Map.entry("COOPERATE", Set.of("obl:with", "nmod:with")),
            Map.entry("SIGN_AGREEMENT", Set.of("obl:with", "nmod:with")),
            Map.entry("RECOGNIZE", Set.of("obj", "nmod:of")),
            Map.entry("SUPPORT", Set.of("obj", "nmod:for", "obl:for")),
            Map.entry("MONITOR", Set.of("obj")));

    /** Actions whose object is the one aimed at, so a common noun's owner counts: "expelled six Canadian diplomats". */
    private static final Set<String> OWNER_AIMED = Set.of("SEVER_RELATIONS", "SANCTION", "CRITICIZE", "THREATEN", "FIGHT");

    private DependencyTargets() {
    }

    /**
     * What the trigger aims at, in sentence order, mapped by {@code target} (the gazetteer entity a mention is aimed at,
     * or null); none of {@code exclude}.
     */
    static List<Entity> of(Sentence s, List<Mention> mentions, int trigger, String action, Function<Entity, Entity> target,
                           Set<Entity> exclude) {
        Set<String> relations = AIMED.get(action);
        IndexedWord w = s.dependencies().node(trigger);
        if (relations == null || w == null) {
            return List.of();
        }
        SemanticGraph g = s.dependencies().graph();
        List<SemanticGraphEdge> edges = new ArrayList<>(g.outgoingEdgeList(w));
        if (s.token(trigger).isNoun()) {
            for (SemanticGraphEdge up : g.incomingEdgeList(w)) {
                if (up.getRelation().toString().equals("obj")) {
                    // "imposed sanctions on X", "held talks with X": the light verb carries the phrase.
                    g.outgoingEdgeList(up.getGovernor()).stream()
                            .filter(e -> !e.getRelation().toString().equals("obj")).forEach(edges::add);
                }
            }
        }
        List<Entity> out = new ArrayList<>();
        for (SemanticGraphEdge e : edges) {
            String rel = e.getRelation().toString();
            if (!relations.contains(rel) || rel.equals("nmod:of") && !e.getGovernor().tag().startsWith("NN")) {
                continue;
            }
            int node = e.getDependent().index() - 1;
            Entity found = named(s, mentions, node, OWNER_AIMED.contains(action) || !rel.equals("obj"), target);
            if (found != null && !exclude.contains(found) && !out.contains(found)) {
                out.add(found);
            }
        }
        return out;
    }

    private static Entity named(Sentence s, List<Mention> mentions, int node, boolean owners, Function<Entity, Entity> target) {
        if (node >= s.size()) {
            return null;
        }
        for (Mention m : mentions) {
            if (m.covers(node)) {
                return m.how() == Mention.How.DEMONYM ? null : target.apply(m.entity());
            }
        }
        if (!owners || !s.token(node).isNoun() || s.token(node).isProperNoun()) {
            return null;
        }
        IndexedWord w = s.dependencies().node(node);
        for (SemanticGraphEdge e : s.dependencies().graph().outgoingEdgeList(w)) {
            if (!Set.of("amod", "nmod:poss", "compound", "nmod:of").contains(e.getRelation().toString())) {
                continue;
            }
            int owner = e.getDependent().index() - 1;
            for (Mention m : mentions) {
                if (m.covers(owner)) {
                    Entity t = target.apply(m.entity());
                    return t != null && t.kind() == EntityKind.STATE ? t : null;
                }
            }
        }
        return null;
    }
}
