package org.newsgraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.newsgraph.store.KnowledgeStore;

/**
 * Scores a knowledge graph against a gold file: runs queries/events.rq, folds its rows into events the way
 * score_events.py does, and reports per article and per slot.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** queries/events.rq as bundled in the jar. */
    public static String eventsQuery() {
        try (InputStream in = Evaluation.class.getResourceAsStream("/queries/events.rq")) {
            if (in == null) {
                throw new IllegalStateException("queries/events.rq is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of a store, as events.rq returns them, with the rule that read each. */
    public static List<ExtractedEvent> extracted(KnowledgeStore store) {
        // events.rq is the contract's export and has exactly its columns; the rule comes from the graph beside it.
        Map<String, String> rules = new java.util.HashMap<>();
        store.select("PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?event ?rule WHERE { ?event ng:rule ?rule }")
                .forEachRemaining(r -> rules.put(value(r, "event"), value(r, "rule")));
        return fold(store.select(eventsQuery()), rules);
    }

    /** Folds the rows of events.rq into events, keyed by ?event: the first value of a single slot wins. */
    public static List<ExtractedEvent> fold(ResultSet rows) {
        return fold(rows, Map.of());
    }

    /** As {@link #fold(ResultSet)}, naming each event's rule from {@code rules} (by event IRI). */
    public static List<ExtractedEvent> fold(ResultSet rows, Map<String, String> rules) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        while (rows.hasNext()) {
            QuerySolution r = rows.next();
            String key = value(r, "event");
            if (key == null) {
                key = value(r, "doc") + "\u0000" + value(r, "evidence") + "\u0000" + value(r, "actor") + "\u0000" + value(r, "action");
            }
            Map<String, Object> e = events.computeIfAbsent(key, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", rules.get(k));
                m.put("targets", new ArrayList<String>());
                m.put("quantities", new ArrayList<double[]>());
                return m;
            });
            for (String slot : List.of("doc", "actor", "agent", "action", "place", "date", "source", "modality", "evidence")) {
                String v = value(r, slot);
                if (v != null && !v.isEmpty() && e.get(slot) == null) {
                    e.put(slot, v);
                }
            }
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) e.get("targets");
            String t = value(r, "target");
            if (t != null && !t.isEmpty() && !targets.contains(t)) {
                targets.add(t);
            }
            String q = value(r, "quantity");
            if (q != null && !q.isEmpty()) {
                try {
                    String max = value(r, "quantityMax");
                    double[] pair = {Double.parseDouble(q), max == null || max.isEmpty() ? Double.NaN : Double.parseDouble(max)};
                    @SuppressWarnings("unchecked")
                    List<double[]> qs = (List<double[]>) e.get("quantities");
                    if (qs.stream().noneMatch(x -> x[0] == pair[0] && Double.compare(x[1], pair[1]) == 0)) {
                        qs.add(pair);
                    }
                } catch (NumberFormatException ignored) {
                    // score_events.py skips values that are not numbers
                }
            }
        }
        List<ExtractedEvent> out = new ArrayList<>();
        for (Map<String, Object> e : events.values()) {
            String doc = (String) e.getOrDefault("doc", "");
            doc = doc.substring(doc.lastIndexOf('/') + 1);
            String action = (String) e.getOrDefault("action", "");
            action = action.substring(action.lastIndexOf('#') + 1);
            action = action.substring(action.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) e.get("targets");
            @SuppressWarnings("unchecked")
            List<double[]> qs = (List<double[]>) e.get("quantities");
            out.add(new ExtractedEvent(doc, (String) e.get("actor"), (String) e.get("agent"), action, targets, qs,
                    (String) e.get("place"), (String) e.get("date"), (String) e.get("source"), (String) e.get("modality"),
                    (String) e.get("evidence"), (String) e.get("rule")));
        }
        return out;
    }

    private static String value(QuerySolution r, String var) {
        RDFNode n = r.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    /** Prints the report: per article, per slot, the misses when asked, then events, slots and exact matches. */
    public static void report(EventScorer.Score s, boolean misses, PrintStream out) {
        for (Map.Entry<String, EventScorer.DocScore> d : s.perDoc().entrySet()) {
            EventScorer.DocScore v = d.getValue();
            out.printf(Locale.ROOT, "%s: gold %d, extracted %d, matched %d (P %.2f R %.2f F1 %.2f)%n", d.getKey(), v.gold(),
                    v.extracted(), v.matched(), v.precision(), v.recall(), v.f1());
        }
        for (Map.Entry<String, Tally> t : s.perSlot().entrySet()) {
            out.printf(Locale.ROOT, "  slot %-10s P %.2f R %.2f F1 %.2f%n", t.getKey(), t.getValue().precision(),
                    t.getValue().recall(), t.getValue().f1());
        }
        if (misses) {
            for (GoldEvent g : s.misses()) {
                out.printf("MISSED  %s %s %s: %s%n", g.doc(), g.action(), g.actor().isEmpty() ? "" : g.actor().get(0),
                        EventScorer.clean(g.evidence()));
            }
            for (ExtractedEvent e : s.spurious()) {
                out.printf("EXTRA   %s %s %s [%s]: %s%n", e.doc(), e.action(), e.actor(), e.rule(), EventScorer.clean(e.evidence()));
            }
            byRule(s, out);
        }
        line(out, "events", s.events());
        line(out, "slots", s.slots());
        line(out, "exact", s.exact());
    }

    /** Each rule's matched and false events: where precision is lost. */
    private static void byRule(EventScorer.Score s, PrintStream out) {
        Map<String, int[]> rules = new java.util.TreeMap<>();
        s.matched().forEach(e -> rules.computeIfAbsent(String.valueOf(e.rule()), k -> new int[2])[0]++);
        s.spurious().forEach(e -> rules.computeIfAbsent(String.valueOf(e.rule()), k -> new int[2])[1]++);
        out.println("by rule:");
        rules.forEach((rule, n) -> out.printf(Locale.ROOT, "  rule %-28s matched %4d, false %4d (P %.2f)%n", rule, n[0], n[1],
                (double) n[0] / (n[0] + n[1])));
    }

    private static void line(PrintStream out, String name, Tally t) {
        out.printf(Locale.ROOT, "%s: P %.3f R %.3f F1 %.3f%n", name, t.precision(), t.recall(), t.f1());
    }
}
