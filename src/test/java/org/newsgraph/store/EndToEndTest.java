package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;

/** Builds the fixture corpus into a real TDB2 database and checks the events that queries/events.rq returns. */
class EndToEndTest {

    @TempDir
    static Path tmp;
    static Path db;
    static BuildSummary first;
    static List<QuerySolution> events;

    @BeforeAll
    static void build() throws Exception {
        db = tmp.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            first = Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
            events = Fixtures.rows(store.select(Files.readString(Fixtures.QUERIES.resolve("events.rq"))));
        }
    }

    /** The rows of one event, found by document, action and actor. */
    private static List<QuerySolution> event(String doc, String action, String actor) {
        Map<String, List<QuerySolution>> byEvent = events.stream()
                .filter(r -> doc.equals(Fixtures.str(r, "doc")) && action.equals(Fixtures.str(r, "action"))
                        && actor.equals(Fixtures.str(r, "actor")))
                .collect(Collectors.groupingBy(r -> Fixtures.str(r, "event")));
        assertEquals(1, byEvent.size(), () -> "expected one " + action + " by " + actor + " in " + doc + ", got " + byEvent);
        return byEvent.values().iterator().next();
    }

    private static Set<String> values(List<QuerySolution> rows, String var) {
        return rows.stream().map(r -> Fixtures.str(r, var)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> numbers(List<QuerySolution> rows, String var) {
        return values(rows, var).stream().map(v -> new java.math.BigDecimal(v).stripTrailingZeros().toPlainString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void summaryCountsEveryGoodArticle() {
        assertEquals(9, first.articles());
        assertEquals(List.of(), first.errors());
        assertTrue(first.events() >= 12, first.line());
        assertTrue(first.line().startsWith("articles 9, events "), first.line());
    }

    @Test
    void plannedDeploymentWithNumberPlaceDateAndSource() {
        List<QuerySolution> e = event("2024-03-04-engineers.txt", "DEPLOY", "North Korea");
        assertEquals(Set.of("Russia"), values(e, "target"));
        assertEquals(Set.of("2000"), numbers(e, "quantity"));
        assertEquals(Set.of("engineer"), values(e, "unit"));
        assertEquals(Set.of("Kursk"), values(e, "place"));
        assertEquals(Set.of("2024-04"), values(e, "date"), "\"next month\" from the article date 2024-03-04");
        assertEquals(Set.of("National Intelligence Service"), values(e, "source"));
        assertEquals(Set.of("planned"), values(e, "modality"));
        assertTrue(values(e, "evidence").iterator().next().startsWith("SEOUL — North Korea will send 2,000"));
    }

    @Test
    void paymentInDollarsAttributedToTheAgencyNamedBefore() {
        List<QuerySolution> e = event("2024-03-04-engineers.txt", "PAY", "Russia");
        assertEquals(Set.of("40000000"), numbers(e, "quantity"));
        assertEquals(Set.of("USD"), values(e, "unit"));
        assertEquals(Set.of("planned"), values(e, "modality"));
        assertEquals(Set.of("National Intelligence Service"), values(e, "source"));
    }

    @Test
    void capitalsActForTheirState() {
        event("2024-03-04-engineers.txt", "DENY", "Russia");
        List<QuerySolution> sever = event("recognition.html", "SEVER_RELATIONS", "Georgia");
        assertEquals(Set.of("Belarus"), values(sever, "target"));
        assertEquals(Set.of("2023-05-10"), values(sever, "date"), "\"a day later\" than the recognition");
    }

    @Test
    void recognitionFromHtmlWithFullDate() {
        List<QuerySolution> e = event("recognition.html", "RECOGNIZE", "Belarus");
        assertEquals(Set.of("Abkhazia"), values(e, "target"));
        assertEquals(Set.of("2023-05-09"), values(e, "date"));
        assertEquals(Set.of("asserted"), values(e, "modality"));
    }

    @Test
    void jointSigningGivesOneRecordPerParty() {
        List<QuerySolution> russia = event("treaty.txt", "SIGN_AGREEMENT", "Russia");
        assertEquals(Set.of("Vladimir Putin"), values(russia, "agent"));
        assertEquals(Set.of("North Korea"), values(russia, "target"));
        assertEquals(Set.of("Pyongyang"), values(russia, "place"));
        assertEquals(Set.of("2024-06-19"), values(russia, "date"), "the article's date comes from its dateline");
        List<QuerySolution> dprk = event("treaty.txt", "SIGN_AGREEMENT", "North Korea");
        assertEquals(Set.of("Kim Jong Un"), values(dprk, "agent"));
        assertEquals(Set.of("Russia"), values(dprk, "target"));
    }

    @Test
    void jsonLinesArticlesAreScoredByTheirId() {
        List<QuerySolution> adopt = event("un-2397", "ADOPT_RESOLUTION", "United Nations Security Council");
        assertEquals(Set.of("UN Security Council Resolution 2397"), values(adopt, "target"));
        assertEquals(Set.of("2017-12-22"), values(adopt, "date"));
        for (String state : List.of("Japan", "South Korea", "United States")) {
            List<QuerySolution> drill = event("drills-jeju", "MILITARY_EXERCISE", state);
            assertEquals(Set.of("Jeju Island"), values(drill, "place"));
            assertEquals(Set.of("2024-06-27"), values(drill, "date"), "\"on Thursday\" before 2024-06-28");
        }
        assertEquals(Set.of("2024-03-28"), values(event("veto-panel", "VETO", "Russia"), "date"));
    }

    @Test
    void furnitureAndForeignLanguageGiveNoEvents() {
        assertFalse(events.stream().anyMatch(r -> "nouvelles.txt".equals(Fixtures.str(r, "doc"))));
        assertFalse(events.stream().anyMatch(r -> Fixtures.str(r, "evidence").contains("Read also")));
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            List<QuerySolution> lang = Fixtures.rows(store.select(
                    "SELECT ?lang WHERE { ?a <" + NG.fileName.getURI() + "> \"nouvelles.txt\" ; <" + NG.language.getURI() + "> ?lang }"));
            assertEquals("fra", Fixtures.str(lang.get(0), "lang"));
        }
    }

    @Test
    void rebuildingReplacesEachArticleGraph() {
        String outsideBuildRecords = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g != <" + NG.BUILDS_GRAPH + ">) }";
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            String quads = Fixtures.str(Fixtures.rows(store.select(outsideBuildRecords)).get(0), "n");
            List<String> graphs = store.articleGraphs();
            BuildSummary again = Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE, org.newsgraph.Newsgraph.Mode.FULL);
            assertEquals(first.events(), again.events());
            assertEquals(new TreeSet<>(graphs), new TreeSet<>(store.articleGraphs()));
            // Same IRIs and the same triples: only the build records grow.
            assertEquals(quads, Fixtures.str(Fixtures.rows(store.select(outsideBuildRecords)).get(0), "n"));
            long eventsInStore = Fixtures.rows(store.select("SELECT ?e WHERE { ?e a <" + NG.Event.getURI() + "> }")).size();
            assertEquals(first.events(), eventsInStore);
        }
    }

    @Test
    void everyArticleGraphConformsToTheShapes() {
        Shapes shapes = Shapes.parse(Fixtures.newsgraph().ontology().shapes().getGraph());
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            List<String> names = store.articleGraphs();
            assertEquals(9, names.size());
            store.read(ds -> {
                for (String name : names) {
                    Graph g = ds.asDatasetGraph().getGraph(NodeFactory.createURI(name));
                    ValidationReport report = ShaclValidator.get().validate(shapes, g);
                    assertTrue(report.conforms(), () -> name + " does not conform:\n" + report.getEntries());
                }
                return null;
            });
        }
    }

    @Test
    void referenceGraphsAreLoaded() {
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            List<QuerySolution> n = Fixtures.rows(store.select(
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + NG.ENTITIES_GRAPH + "> { ?s a <" + NG.State.getURI() + "> } }"));
            assertTrue(Integer.parseInt(Fixtures.str(n.get(0), "n")) >= 193, "every UN member state");
            List<QuerySolution> codes = Fixtures.rows(store.select(
                    "SELECT ?c WHERE { GRAPH <" + NG.ONTOLOGY_GRAPH + "> { ?a a <" + NG.ActionType.getURI()
                            + "> ; <http://www.w3.org/2004/02/skos/core#notation> ?c } }"));
            assertEquals(21, codes.size());
        }
    }
}
