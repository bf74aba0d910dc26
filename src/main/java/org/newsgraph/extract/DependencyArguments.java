package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.newsgraph.nlp.Sentence;

/**
 * Maps the nodes a dependency rule named to what the gazetteer knows: the mention the node's word is part of, or,
 * for a common noun ("the government of Japan", "North Korean troops", "Russia's army"), the mention among its
 * modifiers; a personal pronoun is left for the discourse to resolve.
 */
final class DependencyArguments {

    /**
     * What a role's node names: a mention, or a pronoun to resolve ("it", "they") at token {@code node}, with the
     * rule that found it.
     */
    record Argument(Mention mention, String pronoun, int node, DependencyRule rule) {
    }

    /** Nouns that, with "both" or "two", stand for the two parties just named. */
    private static final Set<String> PARTY_NOUNS = Set.of("side", "country", "leader", "nation", "government", "state",
            "party", "president", "minister", "delegation");
    private static final Set<String> TWO = Set.of("both", "two");

    /** Relations whose dependent names whom a common noun belongs to. */
    private static final List<String> OWNER_RELATIONS = List.of("appos", "nmod:poss", "amod", "compound", "nmod:of",
            "nmod:from", "nmod:for", "nmod:in");

    private DependencyArguments() {
    }

    /** Every argument the rules give the role at the trigger token, in rule order. */
    static List<Argument> at(Sentence s, List<Mention> mentions, List<DependencyRules.RuleMatch> matches, int trigger, String role) {
        List<Argument> out = new ArrayList<>();
        for (DependencyRules.RuleMatch m : matches) {
            Integer node = m.trigger() == trigger ? m.role(role) : null;
            if (node == null) {
                continue;
            }
            Argument a = argument(s, mentions, node, m.rule());
            if (a != null && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static Argument argument(Sentence s, List<Mention> mentions, int node, DependencyRule rule) {
        Mention direct = covering(mentions, node);
        if (direct != null) {
            return new Argument(direct, null, node, rule);
        }
        String pos = s.token(node).pos();
        if (pos.equals("PRP") || pos.equals("PRP$")) {
            return new Argument(null, s.token(node).lower(), node, rule);
        }
        if (!pos.startsWith("NN")) {
            return null;
        }
        SemanticGraph g = s.dependencies().graph();
        IndexedWord w = g.getNodeByIndexSafe(node + 1);
        if (w == null) {
            return null;
        }
        if (pos.equals("NNS") && PARTY_NOUNS.contains(s.token(node).lemma().toLowerCase(java.util.Locale.ROOT))
                && g.outgoingEdgeList(w).stream().anyMatch(e -> TWO.contains(e.getDependent().word().toLowerCase(java.util.Locale.ROOT)))) {
            // "both sides accepted", "the two leaders signed": the two parties the text last named.
            return new Argument(null, "both", node, rule);
        }
        // One step down, then two: "the government of Japan", "the leader of North Korea's army"; a title's
        // apposition first ("the country's Security Council Secretary, Sergei Shoigu").
        for (int depth = 0; depth < 2; depth++) {
            List<SemanticGraphEdge> edges = new ArrayList<>(g.outgoingEdgeList(w));
            edges.sort(java.util.Comparator.comparingInt(e -> OWNER_RELATIONS.indexOf(e.getRelation().toString())));
            for (SemanticGraphEdge e : edges) {
                if (!OWNER_RELATIONS.contains(e.getRelation().toString())) {
                    continue;
                }
                int owner = e.getDependent().index() - 1;
                Mention m = covering(mentions, owner);
                if (m != null) {
                    return new Argument(m, null, node, rule);
                }
                if (owner < s.size() && s.token(owner).pos().equals("PRP$") && e.getRelation().toString().equals("nmod:poss")) {
                    return new Argument(null, s.token(owner).lower(), owner, rule);
                }
            }
            IndexedWord next = null;
            for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                if (e.getRelation().toString().equals("nmod:of") && e.getDependent().tag().startsWith("NN")) {
                    next = e.getDependent();
                    break;
                }
            }
            if (next == null) {
                break;
            }
            w = next;
        }
        return null;
    }

    /**
     * The mentions that titled officials coordinated with this one stand for: in "the ministers of Australia and
     * Japan, the High Representative of the EU and the Secretary of State of the United States", from Australia:
     * the EU and the United States (the heads the names hang on are conjuncts).
     */
    static List<Mention> coordinatedOwners(Sentence s, List<Mention> mentions, Mention m) {
        if (s.dependencies().isEmpty()) {
            return List.of();
        }
        SemanticGraph g = s.dependencies().graph();
        IndexedWord w = s.dependencies().node(m.end() - 1);
        List<Mention> out = new ArrayList<>();
        for (int up = 0; up < 3 && w != null; up++) {
            IndexedWord head = null;
            for (SemanticGraphEdge e : g.incomingEdgeList(w)) {
                if (e.getRelation().toString().equals("nmod:of")) {
                    head = e.getGovernor();
                }
            }
            if (head == null) {
                break;
            }
            for (SemanticGraphEdge c : g.outgoingEdgeList(head)) {
                if (!c.getRelation().toString().startsWith("conj")) {
                    continue;
                }
                Mention owner = ownerOf(g, mentions, c.getDependent(), 2);
                if (owner != null && !out.contains(owner)) {
                    out.add(owner);
                }
            }
            w = head;
        }
        return out;
    }

    private static Mention ownerOf(SemanticGraph g, List<Mention> mentions, IndexedWord w, int depth) {
        Mention direct = covering(mentions, w.index() - 1);
        if (direct != null || depth == 0) {
            return direct;
        }
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals("nmod:of")) {
                Mention m = ownerOf(g, mentions, e.getDependent(), depth - 1);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Relations from an event word to what it counts: "captured two soldiers", "sanctions on three generals". */
    private static final Set<String> COUNTED = Set.of("obj", "iobj", "nsubj:pass", "obl:on", "obl:against", "nmod:on",
            "nmod:of", "nmod:against");

    /**
     * True when the counted noun is the trigger's own argument in the parse, or that of a participle on it ("an
     * exchange involving 1,000 people").
     */
    static boolean governs(Sentence s, int trigger, int noun) {
        if (noun < 0 || s.dependencies().isEmpty()) {
            return false;
        }
        SemanticGraph g = s.dependencies().graph();
        IndexedWord w = g.getNodeByIndexSafe(trigger + 1);
        IndexedWord n = g.getNodeByIndexSafe(noun + 1);
        if (w == null || n == null) {
            return false;
        }
        for (SemanticGraphEdge e : g.incomingEdgeList(n)) {
            if (!COUNTED.contains(e.getRelation().toString())) {
                continue;
            }
            IndexedWord head = e.getGovernor();
            if (head.equals(w) || g.incomingEdgeList(head).stream()
                    .anyMatch(up -> up.getGovernor().equals(w) && up.getRelation().toString().equals("acl"))) {
                return true;
            }
        }
        return false;
    }

    private static Mention covering(List<Mention> mentions, int token) {
        for (Mention m : mentions) {
            if (m.covers(token)) {
                return m;
            }
        }
        return null;
    }
}
