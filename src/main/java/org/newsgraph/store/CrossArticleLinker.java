package org.newsgraph.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.rdf.Iris;
import org.newsgraph.rdf.NG;

/**
 * Links what articles say into knowledge across articles, as one graph: agreements that several mentions name,
 * facts about resolutions that events state, and happenings that group the claims of one real-world event.
 * Reads the dataset as it stands (call it inside the build's write transaction); writes nothing itself.
 */
public final class CrossArticleLinker {

    private static final String PREFIXES = "PREFIX ng: <" + NG.NS + ">\nPREFIX skos: <" + SKOS.getURI() + ">\n"
            + "PREFIX rdf: <" + RDF.getURI() + ">\n";
    private static final Set<String> GENERIC = Set.of("agreement", "treaty", "pact", "deal", "accord", "accords",
            "agreements", "treaties", "deals", "partnership", "memorandum", "contract", "convention");

    private CrossArticleLinker() {
    }

    public static CrossArticleLinker create() {
        return new CrossArticleLinker();
    }

    /** The knowledge graph of the dataset's current content. */
    public Graph link(Dataset ds) {
        return link(query -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
                List<QuerySolution> out = new ArrayList<>();
                qe.execSelect().forEachRemaining(out::add);
                return out;
            }
        });
    }

    /** The knowledge graph of what a SPARQL source answers (a local dataset or a remote endpoint). */
    public Graph link(java.util.function.Function<String, List<QuerySolution>> source) {
        Graph g = GraphFactory.createDefaultGraph();
        linkAgreements(source, g);
        linkResolutions(source, g);
        linkHappenings(source, g);
        return g;
    }

    // ------------------------------------------------------------------ agreements

    private record Known(String iri, Set<String> names, Set<String> parties, String date, String place) {
    }

    private record MentionRow(String iri, String article, int anchor, String text, Set<String> parties, String date,
                              String place, List<String> events) {
    }

    private void linkAgreements(java.util.function.Function<String, List<QuerySolution>> ds, Graph g) {
        Map<String, Known> known = new LinkedHashMap<>();
        for (QuerySolution r : select(ds, "SELECT ?a ?name ?party ?on ?at WHERE { ?a a ng:Agreement . "
                + "{ ?a skos:prefLabel ?name } UNION { ?a skos:altLabel ?name } "
                + "OPTIONAL { ?a ng:party ?party } OPTIONAL { ?a ng:signedOn ?on } OPTIONAL { ?a ng:signedAt ?at } }")) {
            String iri = str(r, "a");
            Known k = known.computeIfAbsent(iri, x -> new Known(x, new LinkedHashSet<>(), new TreeSet<>(), str(r, "on"), str(r, "at")));
            k.names().add(norm(str(r, "name")));
            if (str(r, "party") != null) {
                k.parties().add(str(r, "party"));
            }
        }
        Map<String, MentionRow> mentions = new LinkedHashMap<>();
        for (QuerySolution r : select(ds, "SELECT ?m ?article ?anchor ?text ?party ?on ?at ?event WHERE { ?m a ng:AgreementMention ; "
                + "ng:article ?article ; ng:anchor ?anchor ; ng:mentionText ?text . OPTIONAL { ?m ng:party ?party } "
                + "OPTIONAL { ?m ng:signedOn ?on } OPTIONAL { ?m ng:signedAt ?at } OPTIONAL { ?event ng:mentions ?m } } "
                + "ORDER BY ?article ?anchor")) {
            MentionRow m = mentions.computeIfAbsent(str(r, "m"), x -> new MentionRow(x, str(r, "article"),
                    Integer.parseInt(str(r, "anchor")), str(r, "text"), new TreeSet<>(), str(r, "on"), str(r, "at"), new ArrayList<>()));
            if (str(r, "party") != null) {
                m.parties().add(str(r, "party"));
            }
            if (str(r, "event") != null && !m.events().contains(str(r, "event"))) {
                m.events().add(str(r, "event"));
            }
        }
        // Pass 1: mentions that name a known agreement, or a signing of it; the rest wait for pass 2.
        Map<String, String> resolved = new LinkedHashMap<>();
        List<MentionRow> unresolved = new ArrayList<>();
        String lastArticle = null;
        String current = null;
        for (MentionRow m : mentions.values()) {
            if (!m.article().equals(lastArticle)) {
                lastArticle = m.article();
                current = null;
            }
            String a = byName(m, known);
            if (a == null) {
                a = byParties(m, known);
            }
            if (a == null && isGeneric(m.text()) && m.parties().isEmpty()) {
                a = current; // "the treaty", "the agreement signed between the two parties": the one just named
            }
            if (a != null) {
                resolved.put(m.iri(), a);
                current = a;
            } else if (m.parties().size() >= 2) {
                unresolved.add(m);
                current = "?" + m.iri();
                resolved.put(m.iri(), current);
            }
        }
        // Pass 2: agreements no gazetteer knows: the same parties and the same date or place are one signing.
        Map<String, String> minted = mintAgreements(unresolved);
        Map<String, Set<String>> namesOf = new TreeMap<>();
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            String agreement = e.getValue() != null && e.getValue().startsWith("?") ? minted.get(e.getValue().substring(1)) : e.getValue();
            if (agreement == null) {
                continue;
            }
            MentionRow m = mentions.get(e.getKey());
            add(g, m.iri(), NG.agreement.getURI(), iri(agreement));
            for (String event : m.events()) {
                add(g, event, NG.agreement.getURI(), iri(agreement));
            }
            namesOf.computeIfAbsent(agreement, x -> new TreeSet<>()).add(m.text());
            if (!known.containsKey(agreement)) {
                add(g, agreement, RDF.type.getURI(), NG.Agreement.asNode());
                m.parties().forEach(p -> add(g, agreement, NG.party.getURI(), iri(p)));
                if (m.date() != null) {
                    add(g, agreement, NG.signedOn.getURI(), dateNode(m.date()));
                }
                if (m.place() != null) {
                    add(g, agreement, NG.signedAt.getURI(), iri(m.place()));
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : namesOf.entrySet()) {
            String label = known.containsKey(e.getKey()) ? null : e.getValue().stream()
                    .filter(t -> !isGeneric(t)).max(Comparator.comparingInt(String::length)).orElse(null);
            if (label != null) {
                g.add(iri(e.getKey()), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(capitalise(label), "en"));
            }
            for (String name : e.getValue()) {
                if (!isGeneric(name) && !name.equals(label)) {
                    g.add(iri(e.getKey()), SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(name, "en"));
                }
            }
        }
    }

    private static String byName(MentionRow m, Map<String, Known> known) {
        String n = norm(m.text());
        if (isGeneric(m.text())) {
            return null;
        }
        for (Known k : known.values()) {
            for (String name : k.names()) {
                boolean contains = name.split(" ").length >= 2 && (n.contains(name) || n.split(" ").length >= 3 && name.contains(n));
                if ((n.equals(name) || contains) && (m.parties().isEmpty() || k.parties().containsAll(m.parties()))) {
                    return k.iri();
                }
            }
        }
        return null;
    }

    private static String byParties(MentionRow m, Map<String, Known> known) {
        if (m.parties().size() < 2) {
            return null;
        }
        for (Known k : known.values()) {
            boolean sameParties = k.parties().equals(m.parties());
            boolean sameDate = k.date() != null && m.date() != null && k.date().startsWith(m.date().length() >= 10
                    ? m.date().substring(0, 10) : "\u0000");
            boolean samePlace = k.place() != null && k.place().equals(m.place());
            if (sameParties && (sameDate || samePlace)) {
                return k.iri();
            }
        }
        return null;
    }

    /** One IRI per signing: mentions with the same parties and a shared date or place are joined. */
    private static Map<String, String> mintAgreements(List<MentionRow> rows) {
        Map<String, String> parent = new HashMap<>();
        rows.forEach(r -> parent.put(r.iri(), r.iri()));
        // Only mentions with the same parties can join, so pairs are compared within those groups; the names'
        // normal forms are computed once (this runs over every mention in the store on every build).
        Map<Set<String>, List<MentionRow>> byParties = new HashMap<>();
        rows.forEach(r -> byParties.computeIfAbsent(r.parties(), x -> new ArrayList<>()).add(r));
        Map<String, String> names = new HashMap<>();
        Map<String, Boolean> generic = new HashMap<>();
        rows.forEach(r -> {
            names.put(r.iri(), norm(r.text()));
            generic.put(r.iri(), isGeneric(r.text()));
        });
        for (List<MentionRow> group : byParties.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    MentionRow a = group.get(i);
                    MentionRow b = group.get(j);
                    boolean date = a.date() != null && a.date().equals(b.date());
                    boolean place = a.place() != null && a.place().equals(b.place());
                    boolean sameName = !generic.get(a.iri()) && names.get(a.iri()).equals(names.get(b.iri()));
                    if (date || place || sameName) {
                        parent.put(find(parent, a.iri()), find(parent, b.iri()));
                    }
                }
            }
        }
        Map<String, List<MentionRow>> clusters = new TreeMap<>();
        rows.forEach(r -> clusters.computeIfAbsent(find(parent, r.iri()), x -> new ArrayList<>()).add(r));
        Map<String, String> out = new HashMap<>();
        for (List<MentionRow> cluster : clusters.values()) {
            MentionRow first = cluster.stream().min(Comparator.comparing(MentionRow::iri)).orElseThrow();
            String date = cluster.stream().map(MentionRow::date).filter(d -> d != null).sorted().findFirst().orElse("");
            String place = cluster.stream().map(MentionRow::place).filter(p -> p != null).sorted().findFirst().orElse("");
            String key = String.join(",", first.parties()) + "|" + (date.isEmpty() ? place.isEmpty() ? norm(first.text()) : place : date);
            String iri = NG.BASE + "agreement/" + Iris.hash(key).substring(0, 20);
            cluster.forEach(r -> out.put(r.iri(), iri));
        }
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        while (!parent.get(x).equals(x)) {
            x = parent.get(x);
        }
        return x;
    }

    private static boolean isGeneric(String text) {
        String n = norm(text);
        return n.isEmpty() || GENERIC.contains(n) || n.split(" ").length == 2 && GENERIC.contains(n.split(" ")[1])
                && Set.of("new", "this", "that", "same", "bilateral", "military", "defence", "defense").contains(n.split(" ")[0]);
    }

    // ------------------------------------------------------------------ resolutions

    /** What events state about resolutions: who adopted them and when. */
    private void linkResolutions(java.util.function.Function<String, List<QuerySolution>> ds, Graph g) {
        for (QuerySolution r : select(ds, "SELECT DISTINCT ?res ?actor ?date WHERE { ?e ng:action <" + NG.ACTION + "ADOPT_RESOLUTION> ; "
                + "ng:actor ?actor ; ng:target ?res . ?res a ng:Resolution . OPTIONAL { ?e ng:date ?date } }")) {
            add(g, str(r, "res"), NG.adoptedBy.getURI(), iri(str(r, "actor")));
            String date = str(r, "date");
            if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                add(g, str(r, "res"), NG.adoptedOn.getURI(), dateNode(date));
            }
        }
    }

    // ------------------------------------------------------------------ happenings

    /**
     * Claims of one real-world event: the same action, actor and target. A claim with no target joins the actor's
     * happening of that action with the most claims, if there is one.
     */
    private void linkHappenings(java.util.function.Function<String, List<QuerySolution>> ds, Graph g) {
        Map<String, List<String>> targetsOf = new LinkedHashMap<>();
        Map<String, String[]> actionActor = new LinkedHashMap<>();
        for (QuerySolution r : select(ds, "SELECT ?e ?action ?actor ?target WHERE { ?e a ng:Event ; ng:action ?action ; "
                + "ng:actor ?actor . OPTIONAL { ?e ng:target ?target } } ORDER BY ?e ?target")) {
            String e = str(r, "e");
            actionActor.put(e, new String[] {str(r, "action"), str(r, "actor")});
            List<String> ts = targetsOf.computeIfAbsent(e, x -> new ArrayList<>());
            if (str(r, "target") != null) {
                ts.add(str(r, "target"));
            }
        }
        TreeMap<String, List<String>> groups = new TreeMap<>();
        List<String> untargeted = new ArrayList<>();
        for (Map.Entry<String, String[]> e : actionActor.entrySet()) {
            List<String> ts = targetsOf.get(e.getKey());
            if (ts.isEmpty()) {
                untargeted.add(e.getKey());
            } else {
                String key = e.getValue()[0] + "|" + e.getValue()[1] + "|" + ts.stream().sorted().findFirst().orElseThrow();
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (String e : untargeted) {
            String prefix = actionActor.get(e)[0] + "|" + actionActor.get(e)[1] + "|";
            // The keys that start with the prefix, found through the sorted map rather than by scanning every group.
            String best = groups.subMap(prefix, false, prefix + '\uffff', false).entrySet().stream()
                    .max(Comparator.<Map.Entry<String, List<String>>>comparingInt(x -> x.getValue().size())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(prefix);
            groups.computeIfAbsent(best, x -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            String[] parts = group.getKey().split("\\|", -1);
            String h = NG.BASE + "happening/" + Iris.hash(group.getKey()).substring(0, 20);
            add(g, h, RDF.type.getURI(), NG.Happening.asNode());
            add(g, h, NG.action.getURI(), iri(parts[0]));
            add(g, h, NG.actor.getURI(), iri(parts[1]));
            if (!parts[2].isEmpty()) {
                add(g, h, NG.target.getURI(), iri(parts[2]));
            }
            for (String e : group.getValue()) {
                add(g, h, NG.claim.getURI(), iri(e));
            }
            add(g, h, NG.claimCount.getURI(), NodeFactory.createLiteralDT(String.valueOf(group.getValue().size()), XSDDatatype.XSDinteger));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<QuerySolution> select(java.util.function.Function<String, List<QuerySolution>> source, String query) {
        return source.apply(PREFIXES + query);
    }

    private static String str(QuerySolution r, String var) {
        RDFNode n = r.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI();
    }

    private static Node iri(String s) {
        return NodeFactory.createURI(s);
    }

    private static void add(Graph g, String s, String p, Node o) {
        g.add(iri(s), iri(p), o);
    }

    private static Node dateNode(String iso) {
        if (iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDdate);
        }
        if (iso.matches("\\d{4}-\\d{2}")) {
            return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDgYearMonth);
        }
        if (iso.matches("\\d{4}")) {
            return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDgYear);
        }
        return NodeFactory.createLiteralString(iso);
    }

    /** Lower case, accents, quotes and punctuation dropped, no leading article. */
    static String norm(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        t = t.replaceAll("[\u2019']s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return t.replaceFirst("^(the|a|an) ", "");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
