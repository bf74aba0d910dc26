package org.newsgraph.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
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
    private static final String HAPPENING = NG.BASE + "happening/";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrossArticleLinker.class);

    private CrossArticleLinker() {
    }

    public static CrossArticleLinker create() {
        return new CrossArticleLinker();
    }

    /** The knowledge graph of the dataset's current content. */
    public Graph link(Dataset ds) {
        Graph g = linkAgreementsAndResolutions(source(ds));
        Map<String, ClaimFacts> facts = claimFacts(source(ds));
        // Every event of the store passes through here: its rows are read as they come, never held as a list.
        linkHappenings(each -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + ALL_EVENTS).build()) {
                qe.execSelect().forEachRemaining(r -> each.accept(EventRow.of(r, facts)));
            }
        }, g);
        return g;
    }

    /** The knowledge graph of what a SPARQL source answers (a local dataset or a remote endpoint). */
    public Graph link(Function<String, List<QuerySolution>> source) {
        Graph g = linkAgreementsAndResolutions(source);
        Map<String, ClaimFacts> facts = claimFacts(source);
        linkHappenings(each -> select(source, ALL_EVENTS).forEach(r -> each.accept(EventRow.of(r, facts))), g);
        return g;
    }

    private static final String ALL_EVENTS = "SELECT ?e ?action ?actor ?target WHERE { ?e a ng:Event ; ng:action ?action ; "
            + "ng:actor ?actor . OPTIONAL { ?e ng:target ?target } }";

    /** The agreements and resolutions part of the knowledge graph: every triple whose subject is not a happening. */
    public Graph linkAgreementsAndResolutions(Dataset ds) {
        return linkAgreementsAndResolutions(source(ds));
    }

    private Graph linkAgreementsAndResolutions(Function<String, List<QuerySolution>> source) {
        Graph g = GraphFactory.createDefaultGraph();
        linkAgreements(source, g);
        linkResolutions(source, g);
        return g;
    }

    /**
     * One event's action, actor and (one of its) targets, what groups it into a happening, and what it claims, what
     * tells whether the claims of a happening disagree.
     */
    private record EventRow(String event, String action, String actor, String target, ClaimFacts facts) {
        static EventRow of(QuerySolution r, Map<String, ClaimFacts> facts) {
            String e = str(r, "e");
            return new EventRow(e, str(r, "action"), str(r, "actor"), str(r, "target"), facts.getOrDefault(e, ClaimFacts.NONE));
        }
    }

    /**
     * What a claim says that other claims of its happening may contradict: its figures (unit and value), its date
     * (lexical form) and its place (IRI).
     */
    private record ClaimFacts(List<String[]> quantities, String date, String place) {
        static final ClaimFacts NONE = new ClaimFacts(List.of(), null, null);

        boolean isEmpty() {
            return quantities.isEmpty() && date == null && place == null;
        }
    }

    /** Every event's claim facts, through SPARQL (the in-memory and remote links). */
    private static Map<String, ClaimFacts> claimFacts(Function<String, List<QuerySolution>> source) {
        Map<String, List<String[]>> quantities = new HashMap<>();
        select(source, "SELECT ?e ?u ?v WHERE { ?e a ng:Event ; ng:quantity ?q . ?q ng:unit ?u ; ng:value ?v }")
                .forEach(r -> quantities.computeIfAbsent(str(r, "e"), x -> new ArrayList<>())
                        .add(new String[] {str(r, "u"), str(r, "v")}));
        Map<String, String> dates = new HashMap<>();
        select(source, "SELECT ?e ?d WHERE { ?e a ng:Event ; ng:date ?d }").forEach(r -> dates.putIfAbsent(str(r, "e"), str(r, "d")));
        Map<String, String> places = new HashMap<>();
        select(source, "SELECT ?e ?p WHERE { ?e a ng:Event ; ng:place ?p }").forEach(r -> places.putIfAbsent(str(r, "e"), str(r, "p")));
        Map<String, ClaimFacts> out = new HashMap<>();
        Set<String> events = new java.util.HashSet<>(quantities.keySet());
        events.addAll(dates.keySet());
        events.addAll(places.keySet());
        events.forEach(e -> out.put(e, new ClaimFacts(quantities.getOrDefault(e, List.of()), dates.get(e), places.get(e))));
        return out;
    }

    /** Pairs grouped by actor: an actor's events are read once however many of its actions changed. */
    private static Map<Node, Set<Node>> actionsByActor(Collection<ActionActor> pairs) {
        Map<Node, Set<Node>> out = new LinkedHashMap<>();
        pairs.forEach(p -> out.computeIfAbsent(p.actor(), a -> new java.util.HashSet<>()).add(p.action()));
        return out;
    }

    /**
     * One actor's events in TDB2's indexes, by action, kept as node ids until their rows are asked for: a common actor
     * has a tenth of the store's events, most of them of other actions than the ones a relink wants.
     */
    private static final class ActorEvents {
        private final NodeTupleTable quads;
        private final NodeTable nodes;
        private final String actorIri;
        private final Map<NodeId, List<NodeId>> byAction = new LinkedHashMap<>();
        /** Actions, targets, units, dates and places repeat across events: each is decoded once. */
        private final Map<NodeId, String> decoded = new HashMap<>();
        private final NodeId targetP;
        private final NodeId quantityP;
        private final NodeId unitP;
        private final NodeId valueP;
        private final NodeId dateP;
        private final NodeId placeP;

        private ActorEvents(NodeTupleTable quads, Node actor) {
            this.quads = quads;
            this.nodes = quads.getNodeTable();
            this.actorIri = str(actor);
            targetP = id(NG.target.asNode());
            quantityP = id(NG.quantity.asNode());
            unitP = id(NG.unit.asNode());
            valueP = id(NG.value.asNode());
            dateP = id(NG.date.asNode());
            placeP = id(NG.place.asNode());
        }

        private NodeId id(Node n) {
            return nodes.getNodeIdForNode(n);
        }

        /** The actor's events of these actions, or (null) of any: one scan of the index, comparing ids only. */
        static ActorEvents read(DatasetGraph dsg, Node actor, Set<Node> actions) {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            if (tdb == null) {
                throw new IllegalArgumentException("relinking reads a TDB2 dataset's indexes; link() reads any dataset");
            }
            ActorEvents out = new ActorEvents(tdb.getQuadTable().getNodeTupleTable(), actor);
            NodeId actorP = out.id(NG.actor.asNode());
            NodeId actionP = out.id(NG.action.asNode());
            NodeId typeP = out.id(RDF.type.asNode());
            NodeId eventC = out.id(NG.Event.asNode());
            NodeId knowledge = out.id(iri(NG.KNOWLEDGE_GRAPH));
            NodeId actorId = out.id(actor);
            if (Stream.of(actorP, actionP, typeP, eventC, actorId).anyMatch(NodeId::isDoesNotExist)) {
                return out;
            }
            Set<NodeId> wanted = new java.util.HashSet<>();
            if (actions != null) {
                actions.forEach(a -> wanted.add(out.id(a)));
            }
            NodeId any = NodeId.NodeIdAny;
            Set<NodeId> seen = new java.util.HashSet<>();
            for (Iterator<Tuple<NodeId>> it = out.quads.find(any, any, actorP, actorId); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                NodeId e = q.get(1);
                // Happenings have actors too; they live in the knowledge graph and are not events.
                if (q.get(0).equals(knowledge) || !seen.add(e) || !out.quads.find(any, e, typeP, eventC).hasNext()) {
                    continue;
                }
                out.quads.find(any, e, actionP, any).forEachRemaining(a -> {
                    if (actions == null || wanted.contains(a.get(3))) {
                        out.byAction.computeIfAbsent(a.get(3), x -> new ArrayList<>()).add(e);
                    }
                });
            }
            return out;
        }

        Node action(NodeId a) {
            return nodes.getNodeForNodeId(a);
        }

        /** The event rows of one action: each event with its targets and what it claims. */
        void rows(NodeId action, Consumer<EventRow> each) {
            rows(action, byAction.getOrDefault(action, List.of()), each);
        }

        /** The event rows of some of one action's events. */
        void rows(NodeId action, Collection<NodeId> events, Consumer<EventRow> each) {
            String act = text(action);
            for (NodeId e : events) {
                // One range read of the event's quads, sorted by predicate then object, rather than a lookup per
                // predicate: a relink reads every event of a pair, tens of thousands for a common one.
                Set<String> targets = new TreeSet<>();
                List<NodeId> quantityNodes = new ArrayList<>(1);
                NodeId date = null;
                NodeId place = null;
                for (Iterator<Tuple<NodeId>> it = quads.find(NodeId.NodeIdAny, e, NodeId.NodeIdAny, NodeId.NodeIdAny); it.hasNext(); ) {
                    Tuple<NodeId> q = it.next();
                    NodeId p = q.get(2);
                    if (p.equals(targetP)) {
                        targets.add(text(q.get(3)));
                    } else if (p.equals(quantityP)) {
                        quantityNodes.add(q.get(3));
                    } else if (p.equals(dateP) && date == null) {
                        date = q.get(3);
                    } else if (p.equals(placeP) && place == null) {
                        place = q.get(3);
                    }
                }
                List<String[]> quantities = new ArrayList<>(quantityNodes.size());
                for (NodeId qt : quantityNodes) {
                    Iterator<Tuple<NodeId>> unit = objects(qt, unitP);
                    Iterator<Tuple<NodeId>> value = objects(qt, valueP);
                    if (unit.hasNext() && value.hasNext()) {
                        quantities.add(new String[] {text(unit.next().get(3)), str(nodes.getNodeForNodeId(value.next().get(3)))});
                    }
                }
                ClaimFacts facts = new ClaimFacts(quantities, date == null ? null : text(date), place == null ? null : text(place));
                String event = str(nodes.getNodeForNodeId(e));
                if (targets.isEmpty()) {
                    each.accept(new EventRow(event, act, actorIri, null, facts));
                }
                targets.forEach(t -> each.accept(new EventRow(event, act, actorIri, t, facts)));
            }
        }

        /**
         * One action's events by their first target in IRI order, those without a target under null: what groups them
         * into happenings, found by probing the index for targets alone (an event's own IRI and what it claims are
         * decoded only for the groups a change reaches).
         */
        Map<String, List<NodeId>> byFirstTarget(Node action) {
            Map<String, List<NodeId>> out = new HashMap<>();
            NodeId a = id(action);
            for (NodeId e : NodeId.isDoesNotExist(a) ? List.<NodeId>of() : byAction.getOrDefault(a, List.of())) {
                String first = null;
                for (Iterator<Tuple<NodeId>> it = objects(e, targetP); it.hasNext(); ) {
                    String t = text(it.next().get(3));
                    first = first == null || t.compareTo(first) < 0 ? t : first;
                }
                out.computeIfAbsent(first, x -> new ArrayList<>()).add(e);
            }
            return out;
        }

        private String text(NodeId id) {
            return decoded.computeIfAbsent(id, x -> str(nodes.getNodeForNodeId(x)));
        }

        /** The quads of a subject and predicate; a predicate no quad uses yet has no id, and finds nothing. */
        private Iterator<Tuple<NodeId>> objects(NodeId subject, NodeId predicate) {
            return NodeId.isDoesNotExist(predicate) ? java.util.Collections.emptyIterator()
                    : quads.find(NodeId.NodeIdAny, subject, predicate, NodeId.NodeIdAny);
        }
    }

    /** The actor's happenings in the knowledge graph, by action: read once however many of its actions are relinked. */
    private static Map<Node, List<Node>> happeningsByAction(Graph knowledge, Node actor) {
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        knowledge.find(Node.ANY, NG.actor.asNode(), actor).forEach(t -> {
            Node h = t.getSubject();
            if (knowledge.contains(h, RDF.type.asNode(), NG.Happening.asNode())) {
                knowledge.find(h, NG.action.asNode(), Node.ANY).forEach(a -> out.computeIfAbsent(a.getObject(), x -> new ArrayList<>()).add(h));
            }
        });
        return out;
    }

    /** Adds every triple of these happenings to {@code out}. */
    private static void triplesOf(Graph knowledge, Collection<Node> happenings, Graph out) {
        happenings.forEach(h -> knowledge.find(h, Node.ANY, Node.ANY).forEach(out::add));
    }

    /** Every actor of an event or a happening in the dataset. */
    public static Set<Node> actors(DatasetGraph dsg) {
        Set<Node> out = new java.util.HashSet<>();
        dsg.find(Node.ANY, Node.ANY, NG.actor.asNode(), Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    /**
     * One actor's happenings as the knowledge graph holds them ({@code before}) and as {@link #link} would make them
     * now ({@code after}), one action at a time. A happening groups claims of one action by one actor, so a build
     * links every actor in turn and holds one (action, actor) pair's events at a time, where linking all at once held
     * every event of the store (and a whole actor's, with what each claims, kept up to 1.57 GB at 100,000 articles).
     */
    public void relinkActor(DatasetGraph dsg, Node actor, Consumer<Change> each) {
        ActorEvents events = ActorEvents.read(dsg, actor, null);
        Graph knowledge = dsg.getGraph(iri(NG.KNOWLEDGE_GRAPH));
        Map<Node, List<Node>> happenings = happeningsByAction(knowledge, actor);
        // The actions of its happenings too: one whose events are all gone leaves happenings to remove.
        Map<Node, NodeId> actions = new LinkedHashMap<>();
        events.byAction.keySet().forEach(a -> actions.put(events.action(a), a));
        happenings.keySet().forEach(a -> actions.putIfAbsent(a, null));
        actions.forEach((action, id) -> {
            Graph after = GraphFactory.createDefaultGraph();
            if (id != null) {
                linkHappenings(rows -> events.rows(id, rows), after);
            }
            Graph before = GraphFactory.createDefaultGraph();
            triplesOf(knowledge, happenings.getOrDefault(action, List.of()), before);
            each.accept(new Change(before, after));
        });
    }

    /**
     * What a build's changed articles reach, from their graphs before and after the change: the claims of their events
     * by (action, actor) pair, their article IRIs, agreement mentions, events that mention an agreement, and the
     * resolutions their adoption events target.
     */
    public record Scope(Map<ActionActor, PairClaims> pairs, Set<String> articles, Set<String> mentions,
                        Set<String> mentionEvents, Set<String> resolutions) {
        public static Scope empty() {
            return new Scope(new LinkedHashMap<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                    new LinkedHashSet<>());
        }

        /** Adds an article graph as it stood before the change (one replaced or removed). */
        public void removed(Graph g) {
            add(g, PairClaims::removed);
        }

        /** Adds an article graph as it stands after the change (one new or replaced). */
        public void added(Graph g) {
            add(g, PairClaims::added);
        }

        private void add(Graph g, Function<PairClaims, List<Claim>> side) {
            Node adopt = NodeFactory.createURI(NG.ACTION + "ADOPT_RESOLUTION");
            g.find(Node.ANY, RDF.type.asNode(), NG.Event.asNode()).forEachRemaining(ev -> {
                Node e = ev.getSubject();
                String first = g.find(e, NG.target.asNode(), Node.ANY).mapWith(t -> str(t.getObject()))
                        .toList().stream().min(Comparator.naturalOrder()).orElse(null);
                g.find(e, NG.action.asNode(), Node.ANY).forEachRemaining(t -> {
                    g.find(e, NG.actor.asNode(), Node.ANY).forEachRemaining(a -> {
                        if (t.getObject().isURI() && a.getObject().isURI()) {
                            PairClaims claims = pairs.computeIfAbsent(new ActionActor(t.getObject(), a.getObject()),
                                    x -> new PairClaims(new ArrayList<>(), new ArrayList<>()));
                            side.apply(claims).add(new Claim(str(e), first));
                        }
                    });
                    if (t.getObject().equals(adopt)) {
                        g.find(e, NG.target.asNode(), Node.ANY).forEachRemaining(r -> resolutions.add(r.getObject().getURI()));
                    }
                });
            });
            g.find(Node.ANY, NG.article.asNode(), Node.ANY).forEachRemaining(t -> articles.add(t.getObject().getURI()));
            g.find(Node.ANY, RDF.type.asNode(), NG.AgreementMention.asNode()).forEachRemaining(t -> mentions.add(t.getSubject().getURI()));
            g.find(Node.ANY, NG.mentions.asNode(), Node.ANY).forEachRemaining(t -> mentionEvents.add(t.getSubject().getURI()));
        }

        public boolean isEmpty() {
            return pairs.isEmpty() && articles.isEmpty();
        }
    }

    /** The claims of one (action, actor) pair that a change took away and brought. */
    public record PairClaims(List<Claim> removed, List<Claim> added) {
    }

    /** An event and the first of its targets in IRI order (null if it has none): what places it in a happening. */
    public record Claim(String event, String firstTarget) {
    }

    /** Triples of the knowledge graph to take out and to put in; the rest of it stays as it is. */
    public record Change(Graph before, Graph after) {
    }

    /**
     * The part of the knowledge graph a scope reaches, as it stands ({@code before}) and as {@link #link} would now
     * make it ({@code after}): writing the difference gives the graph a full link gives, reading only that part.
     */
    public Change relink(Dataset ds, Scope scope) {
        long t0 = System.nanoTime();
        Function<String, List<QuerySolution>> src = source(ds);
        Graph before = GraphFactory.createDefaultGraph();
        Graph after = GraphFactory.createDefaultGraph();
        String k = "GRAPH <" + NG.KNOWLEDGE_GRAPH + "> ";

        // Happenings: only the groups the changed claims were or are in, and those the pairs' untargeted claims join.
        DatasetGraph dsg = ds.asDatasetGraph();
        Graph knowledge = dsg.getGraph(iri(NG.KNOWLEDGE_GRAPH));
        actionsByActor(scope.pairs().keySet()).forEach((actor, actions) -> {
            ActorEvents events = ActorEvents.read(dsg, actor, actions);
            actions.forEach(action -> relinkPair(events, action, actor, scope.pairs().get(new ActionActor(action, actor)),
                    knowledge, before, after));
        });

        long happenings = System.nanoTime();
        // Resolutions: the ones adoption events of the changed articles target.
        for (String res : scope.resolutions()) {
            linkResolutions(src, "<" + res + ">", after);
            for (QuerySolution r : select(src, "SELECT ?p ?o WHERE { " + k + "{ <" + res + "> ?p ?o "
                    + "FILTER (?p IN (ng:adoptedBy, ng:adoptedOn)) } }")) {
                before.add(iri(res), iri(str(r, "p")), r.get("o").asNode());
            }
        }

        long resolutions = System.nanoTime();
        // Agreements: what the changed articles' mentions resolve to now ...
        Map<String, Known> known = known(src);
        Map<String, MentionRow> rows = new LinkedHashMap<>();
        Map<String, String> resolved = new LinkedHashMap<>();
        List<MentionRow> unresolved = new ArrayList<>();
        for (String article : new TreeSet<>(scope.articles())) {
            Map<String, MentionRow> own = mentionRows(src, article);
            rows.putAll(own);
            resolve(own.values(), known, resolved, unresolved);
        }
        Set<String> knownReached = new TreeSet<>();
        Set<Set<String>> partySets = new LinkedHashSet<>();
        resolved.values().stream().filter(known::containsKey).forEach(knownReached::add);
        unresolved.forEach(m -> partySets.add(m.parties()));
        // ... and what they resolved to before.
        Set<String> mintedBefore = new TreeSet<>();
        for (String m : scope.mentions()) {
            for (QuerySolution r : select(src, "SELECT ?a WHERE { " + k + "{ <" + m + "> ng:agreement ?a } }")) {
                String a = str(r, "a");
                if (known.containsKey(a)) {
                    knownReached.add(a);
                } else {
                    mintedBefore.add(a);
                }
            }
        }
        for (String a : mintedBefore) {
            Set<String> parties = new TreeSet<>();
            select(src, "SELECT ?p WHERE { " + k + "{ <" + a + "> ng:party ?p } }").forEach(r -> parties.add(str(r, "p")));
            partySets.add(parties);
        }
        // Agreements no gazetteer knows are minted from every unresolved mention with the same parties: the articles
        // of those mentions are resolved again (their mentions named an agreement minted for these parties).
        Set<String> mintedReached = new TreeSet<>();
        for (Set<String> parties : partySets) {
            if (parties.size() < 2) {
                continue;
            }
            StringBuilder q = new StringBuilder("SELECT ?a WHERE { " + k + "{ ");
            parties.forEach(p -> q.append("?a ng:party <").append(p).append("> . "));
            q.append("} FILTER NOT EXISTS { ").append(k).append("{ ?a ng:party ?other } FILTER (?other NOT IN (");
            q.append(String.join(", ", parties.stream().map(p -> "<" + p + ">").toList())).append(")) } }");
            select(src, q.toString()).forEach(r -> mintedReached.add(str(r, "a")));
        }
        mintedReached.addAll(mintedBefore);
        Set<String> moreArticles = new TreeSet<>();
        for (String a : mintedReached) {
            for (QuerySolution r : select(src, "SELECT ?x ?p ?o ?article WHERE { { " + k + "{ <" + a + "> ?p ?o } } UNION "
                    + "{ " + k + "{ ?x ng:agreement <" + a + "> } OPTIONAL { ?x ng:article ?article } } }")) {
                if (str(r, "x") == null) {
                    before.add(iri(a), iri(str(r, "p")), r.get("o").asNode());
                } else {
                    before.add(iri(str(r, "x")), NG.agreement.asNode(), iri(a));
                    if (str(r, "article") != null && !scope.articles().contains(str(r, "article"))) {
                        moreArticles.add(str(r, "article"));
                    }
                }
            }
        }
        for (String article : moreArticles) {
            Map<String, MentionRow> own = mentionRows(src, article);
            rows.putAll(own);
            resolve(own.values(), known, resolved, unresolved);
        }
        Map<String, String> minted = mintAgreements(unresolved.stream().filter(m -> partySets.contains(m.parties())).toList());
        Set<String> changedMentions = new LinkedHashSet<>(scope.mentions());
        rows.values().stream().filter(m -> scope.articles().contains(m.article())).forEach(m -> changedMentions.add(m.iri()));
        // Minted agreements: everything about them, from every mention that now resolves to one of these parties'.
        Map<String, String> mintedOnly = new LinkedHashMap<>();
        resolved.forEach((m, a) -> {
            if (a.startsWith("?") && minted.containsKey(a.substring(1))) {
                mintedOnly.put(m, a);
            }
        });
        emitAgreements(rows, mintedOnly, minted, known, a -> true, after);
        // Known agreements: the changed articles' links, and names gathered from every mention linked to them.
        Map<String, String> knownLinks = new LinkedHashMap<>();
        resolved.forEach((m, a) -> {
            if (known.containsKey(a) && scope.articles().contains(rows.get(m).article())) {
                knownLinks.put(m, a);
            }
        });
        Graph knownPart = GraphFactory.createDefaultGraph();
        emitAgreements(rows, knownLinks, Map.of(), known, a -> true, knownPart);
        knownPart.find(Node.ANY, NG.agreement.asNode(), Node.ANY).forEachRemaining(after::add);
        for (String a : knownReached) {
            Set<String> names = new TreeSet<>();
            knownLinks.forEach((m, x) -> {
                if (x.equals(a)) {
                    names.add(rows.get(m).text());
                }
            });
            for (QuerySolution r : select(src, "SELECT ?x ?text WHERE { " + k + "{ ?x ng:agreement <" + a + "> } "
                    + "OPTIONAL { ?x ng:mentionText ?text } }")) {
                String x = str(r, "x");
                if (scope.mentions().contains(x) || scope.mentionEvents().contains(x) || changedMentions.contains(x)) {
                    before.add(iri(x), NG.agreement.asNode(), iri(a));
                } else if (str(r, "text") != null) {
                    names.add(str(r, "text"));
                }
            }
            select(src, "SELECT ?l WHERE { " + k + "{ <" + a + "> skos:altLabel ?l } }")
                    .forEach(r -> before.add(iri(a), SKOS.altLabel.asNode(), r.get("l").asNode()));
            if (!names.isEmpty()) {
                emitNames(a, names, true, after);
            }
        }
        LOG.debug("relink: {} pairs, {} articles; happenings {} ms, resolutions {} ms, agreements {} ms", scope.pairs().size(),
                scope.articles().size(), (happenings - t0) / 1_000_000, (resolutions - happenings) / 1_000_000,
                (System.nanoTime() - resolutions) / 1_000_000);
        return new Change(before, after);
    }

    /**
     * The happenings of one (action, actor) pair that a change reaches, before and after: a full link groups the
     * pair's claims by first target and puts the untargeted ones into the largest group, so the groups reached are
     * those of the changed claims' first targets and, where the pair has untargeted claims, the largest group before
     * and after. Every other group keeps its claims, and so its triples. A pair's events are counted by node id, and
     * only the reached groups' events are read in full (a common pair has tens of thousands).
     */
    private static void relinkPair(ActorEvents events, Node action, Node actor, PairClaims changed, Graph knowledge,
                                   Graph before, Graph after) {
        Map<String, List<NodeId>> now = events.byFirstTarget(action);
        Map<String, Integer> sizeNow = new HashMap<>();
        now.forEach((t, es) -> sizeNow.put(t, es.size()));
        // The pair as it was: the claims now, less the ones the change brought, plus the ones it took away.
        Map<String, Integer> sizeBefore = new HashMap<>(sizeNow);
        changed.added().forEach(c -> sizeBefore.merge(c.firstTarget(), -1, Integer::sum));
        changed.removed().forEach(c -> sizeBefore.merge(c.firstTarget(), 1, Integer::sum));
        Set<String> reached = new TreeSet<>();
        Stream.concat(changed.removed().stream(), changed.added().stream()).map(Claim::firstTarget)
                .filter(t -> t != null).forEach(reached::add);
        String untargetedNow = untargetedGroup(sizeNow);
        String untargetedBefore = untargetedGroup(sizeBefore);
        if (untargetedNow != null) {
            reached.add(untargetedNow);
        }
        if (untargetedBefore != null) {
            reached.add(untargetedBefore);
        }
        String prefix = str(action) + "|" + str(actor) + "|";
        Map<String, ClaimFacts> facts = new HashMap<>();
        NodeId actionId = events.id(action);
        for (String target : reached) {
            String key = prefix + target;
            knowledge.find(iri(happening(key)), Node.ANY, Node.ANY).forEach(before::add);
            List<NodeId> members = new ArrayList<>(target.isEmpty() ? List.of() : now.getOrDefault(target, List.of()));
            if (target.equals(untargetedNow)) {
                members.addAll(now.getOrDefault(null, List.of()));
            }
            if (members.isEmpty()) {
                continue;
            }
            Set<String> claims = new TreeSet<>();
            events.rows(actionId, members, r -> {
                claims.add(r.event());
                if (!r.facts().isEmpty()) {
                    facts.putIfAbsent(r.event(), r.facts());
                }
            });
            emitHappening(key, new ArrayList<>(claims), facts, after);
        }
    }

    /**
     * The first target of the group a pair's untargeted claims join, given each group's size (untargeted ones under
     * null): the largest targeted group, the least target on a tie, or "" (a group of their own) if none has a target;
     * null if the pair has no untargeted claim.
     */
    private static String untargetedGroup(Map<String, Integer> sizes) {
        if (sizes.getOrDefault(null, 0) <= 0) {
            return null;
        }
        return sizes.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() > 0)
                .max(largestThenLeast(Map.Entry::getValue)).map(Map.Entry::getKey).orElse("");
    }

    /** Which group untargeted claims join: the one with the most claims, the least key on a tie (the same for both links). */
    private static <V> Comparator<Map.Entry<String, V>> largestThenLeast(java.util.function.ToIntFunction<Map.Entry<String, V>> size) {
        return Comparator.comparingInt(size).thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
    }

    /** An action and the actor doing it: the scope of a happening. */
    public record ActionActor(Node action, Node actor) {
    }

    /** Whether a node of the knowledge graph is a happening, as this linker names them. */
    public static boolean isHappening(Node n) {
        return n.isURI() && n.getURI().startsWith(HAPPENING);
    }

    private static Function<String, List<QuerySolution>> source(Dataset ds) {
        return query -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
                List<QuerySolution> out = new ArrayList<>();
                qe.execSelect().forEachRemaining(out::add);
                return out;
            }
        };
    }

    // ------------------------------------------------------------------ agreements

    private record Known(String iri, Set<String> names, Set<String> parties, String date, String place) {
    }

    private record MentionRow(String iri, String article, int anchor, String text, Set<String> parties, String date,
                              String place, List<String> events) {
    }

    private void linkAgreements(Function<String, List<QuerySolution>> ds, Graph g) {
        Map<String, Known> known = known(ds);
        Map<String, MentionRow> mentions = mentionRows(ds, null);
        Map<String, String> resolved = new LinkedHashMap<>();
        List<MentionRow> unresolved = new ArrayList<>();
        resolve(mentions.values(), known, resolved, unresolved);
        Map<String, String> minted = mintAgreements(unresolved);
        emitAgreements(mentions, resolved, minted, known, a -> true, g);
    }

    /** The gazetteer's agreements (the entities graph only: what earlier builds minted is not "known"). */
    private static Map<String, Known> known(Function<String, List<QuerySolution>> ds) {
        Map<String, Known> known = new LinkedHashMap<>();
        for (QuerySolution r : select(ds, "SELECT ?a ?name ?party ?on ?at WHERE { GRAPH <" + NG.ENTITIES_GRAPH + "> { "
                + "?a a ng:Agreement . { ?a skos:prefLabel ?name } UNION { ?a skos:altLabel ?name } "
                + "OPTIONAL { ?a ng:party ?party } OPTIONAL { ?a ng:signedOn ?on } OPTIONAL { ?a ng:signedAt ?at } } }")) {
            String iri = str(r, "a");
            Known k = known.computeIfAbsent(iri, x -> new Known(x, new LinkedHashSet<>(), new TreeSet<>(), str(r, "on"), str(r, "at")));
            k.names().add(norm(str(r, "name")));
            if (str(r, "party") != null) {
                k.parties().add(str(r, "party"));
            }
        }
        return known;
    }

    /** Agreement mentions in article and anchor order: of every article, or of one (an IRI) when given. */
    private static Map<String, MentionRow> mentionRows(Function<String, List<QuerySolution>> ds, String article) {
        String subject = article == null ? "?m a ng:AgreementMention ; ng:article ?article ; "
                : "?m ng:article <" + article + "> ; a ng:AgreementMention ; ";
        String select = article == null ? "?m ?article" : "?m (<" + article + "> AS ?article)";
        Map<String, MentionRow> mentions = new LinkedHashMap<>();
        for (QuerySolution r : select(ds, "SELECT " + select + " ?anchor ?text ?party ?on ?at ?event WHERE { " + subject
                + "ng:anchor ?anchor ; ng:mentionText ?text . OPTIONAL { ?m ng:party ?party } "
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
        return mentions;
    }

    /**
     * Pass 1, article by article: mentions that name a known agreement, or a signing of it, and generic ones ("the
     * treaty") that follow one; the value is the agreement, or "?" and the first mention of one no gazetteer knows.
     */
    private static void resolve(Collection<MentionRow> mentions, Map<String, Known> known, Map<String, String> resolved,
                                List<MentionRow> unresolved) {
        String lastArticle = null;
        String current = null;
        for (MentionRow m : mentions) {
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
    }

    /** Writes the links, minted agreements and names of the resolved mentions whose agreement passes the filter. */
    private static void emitAgreements(Map<String, MentionRow> mentions, Map<String, String> resolved,
                                       Map<String, String> minted, Map<String, Known> known,
                                       java.util.function.Predicate<String> agreements, Graph g) {
        Map<String, Set<String>> namesOf = new TreeMap<>();
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            String agreement = e.getValue() != null && e.getValue().startsWith("?") ? minted.get(e.getValue().substring(1)) : e.getValue();
            if (agreement == null || !agreements.test(agreement)) {
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
        namesOf.forEach((agreement, names) -> emitNames(agreement, names, known.containsKey(agreement), g));
    }

    /** A minted agreement's label is its longest specific name; every other specific name is an alternative. */
    private static void emitNames(String agreement, Set<String> names, boolean isKnown, Graph g) {
        String label = isKnown ? null : names.stream().filter(t -> !isGeneric(t)).max(Comparator.comparingInt(String::length)).orElse(null);
        if (label != null) {
            g.add(iri(agreement), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(capitalise(label), "en"));
        }
        for (String name : names) {
            if (!isGeneric(name) && !name.equals(label)) {
                g.add(iri(agreement), SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(name, "en"));
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
    private void linkResolutions(Function<String, List<QuerySolution>> ds, Graph g) {
        linkResolutions(ds, "?res", g);
    }

    /** The facts about one resolution (an IRI in angle brackets) or, given "?res", about all. */
    private void linkResolutions(Function<String, List<QuerySolution>> ds, String res, Graph g) {
        String action = "ng:action <" + NG.ACTION + "ADOPT_RESOLUTION>";
        String target = "ng:target " + res;
        // The more selective of the two first: TDB2 keeps the written order of equally bound patterns.
        String event = res.startsWith("?") ? action + " ; " + target : target + " ; " + action;
        // Events only: a happening has an action, actor and target too, and the knowledge graph may still hold one
        // whose claims (the resolution's last adoption) are gone.
        for (QuerySolution r : select(ds, "SELECT DISTINCT (" + res + " AS ?r) ?actor ?date WHERE { ?e " + event + " ; "
                + "ng:actor ?actor ; a ng:Event . " + res + " a ng:Resolution . OPTIONAL { ?e ng:date ?date } }")) {
            add(g, str(r, "r"), NG.adoptedBy.getURI(), iri(str(r, "actor")));
            String date = str(r, "date");
            if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                add(g, str(r, "r"), NG.adoptedOn.getURI(), dateNode(date));
            }
        }
    }

    // ------------------------------------------------------------------ happenings

    /**
     * Claims of one real-world event: the same action, actor and target. A claim with no target joins the actor's
     * happening of that action with the most claims, if there is one.
     */
    private void linkHappenings(Consumer<Consumer<EventRow>> rows, Graph g) {
        // Per event only its action, actor and first target in IRI order: the group key. Action, actor and target
        // IRIs repeat across events, so one copy of each is kept.
        Map<String, String[]> actionActor = new LinkedHashMap<>();
        Map<String, String> firstTarget = new HashMap<>();
        Map<String, String> pool = new HashMap<>();
        Map<String, ClaimFacts> facts = new HashMap<>();
        rows.accept(r -> {
            String e = r.event();
            if (!r.facts().isEmpty()) {
                facts.putIfAbsent(e, r.facts());
            }
            actionActor.computeIfAbsent(e, x -> new String[] {pool.computeIfAbsent(r.action(), y -> y),
                pool.computeIfAbsent(r.actor(), y -> y)});
            String t = r.target();
            if (t != null) {
                firstTarget.merge(e, pool.computeIfAbsent(t, y -> y), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        TreeMap<String, List<String>> groups = new TreeMap<>();
        List<String> untargeted = new ArrayList<>();
        for (Map.Entry<String, String[]> e : actionActor.entrySet()) {
            String first = firstTarget.get(e.getKey());
            if (first == null) {
                untargeted.add(e.getKey());
            } else {
                String key = e.getValue()[0] + "|" + e.getValue()[1] + "|" + first;
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (String e : untargeted) {
            String prefix = actionActor.get(e)[0] + "|" + actionActor.get(e)[1] + "|";
            // The keys that start with the prefix, found through the sorted map rather than by scanning every group.
            String best = groups.subMap(prefix, false, prefix + '\uffff', false).entrySet().stream()
                    .max(largestThenLeast(x -> x.getValue().size())).map(Map.Entry::getKey).orElse(prefix);
            groups.computeIfAbsent(best, x -> new ArrayList<>()).add(e);
        }
        groups.forEach((key, claims) -> emitHappening(key, claims, facts, g));
    }

    /** The happening of a group key (action|actor|first target, the target empty for untargeted claims alone). */
    private static String happening(String key) {
        return HAPPENING + Iris.hash(key).substring(0, 20);
    }

    private static void emitHappening(String key, List<String> claims, Map<String, ClaimFacts> facts, Graph g) {
        String[] parts = key.split("\\|", -1);
        String h = happening(key);
        add(g, h, RDF.type.getURI(), NG.Happening.asNode());
        add(g, h, NG.action.getURI(), iri(parts[0]));
        add(g, h, NG.actor.getURI(), iri(parts[1]));
        if (!parts[2].isEmpty()) {
            add(g, h, NG.target.getURI(), iri(parts[2]));
        }
        for (String e : claims) {
            add(g, h, NG.claim.getURI(), iri(e));
        }
        add(g, h, NG.claimCount.getURI(), NodeFactory.createLiteralDT(String.valueOf(claims.size()), XSDDatatype.XSDinteger));
        disputes(claims, facts).forEach(slot -> add(g, h, NG.disputedOn.getURI(), slot.asNode()));
    }

    /**
     * The slots the claims disagree on: two claims give different figures in one unit, different dates, or different
     * places. Computed here, where each happening's claims are at hand, so that finding disputes is a lookup rather
     * than a query that reads every claim of the store.
     */
    private static List<org.apache.jena.rdf.model.Property> disputes(List<String> claims, Map<String, ClaimFacts> facts) {
        if (claims.size() < 2) {
            return List.of();
        }
        Map<String, Spread<java.math.BigDecimal>> figures = new HashMap<>();
        Spread<String> dates = new Spread<>();
        Spread<String> places = new Spread<>();
        for (String c : claims) {
            ClaimFacts f = facts.getOrDefault(c, ClaimFacts.NONE);
            for (String[] q : f.quantities()) {
                java.math.BigDecimal v = decimal(q[1]);
                if (v != null) {
                    figures.computeIfAbsent(q[0], u -> new Spread<>()).add(c, v);
                }
            }
            dates.add(c, f.date());
            places.add(c, f.place());
        }
        List<org.apache.jena.rdf.model.Property> out = new ArrayList<>(3);
        if (figures.values().stream().anyMatch(Spread::disputed)) {
            out.add(NG.quantity);
        }
        if (dates.disputed()) {
            out.add(NG.date);
        }
        if (places.disputed()) {
            out.add(NG.place);
        }
        return out;
    }

    /** The least and greatest value claims give for one slot, and whether two claims gave one. */
    private static final class Spread<T extends Comparable<T>> {
        private T min;
        private T max;
        private String firstClaim;
        private boolean twoClaims;

        void add(String claim, T value) {
            if (value == null) {
                return;
            }
            if (firstClaim == null) {
                firstClaim = claim;
            } else if (!firstClaim.equals(claim)) {
                twoClaims = true;
            }
            min = min == null || value.compareTo(min) < 0 ? value : min;
            max = max == null || value.compareTo(max) > 0 ? value : max;
        }

        /** Two values from two claims: as the claims are more than one, two of them differ. */
        boolean disputed() {
            return twoClaims && min.compareTo(max) != 0;
        }
    }

    /** A figure as a number: "2000" and "2000.0" are the same figure. */
    private static java.math.BigDecimal decimal(String lexical) {
        try {
            return new java.math.BigDecimal(lexical.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<QuerySolution> select(Function<String, List<QuerySolution>> source, String query) {
        return source.apply(PREFIXES + query);
    }

    private static String str(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.getBlankNodeLabel();
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
