package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;

/** Every canned query in queries/ is documented, parses, and answers its question over the fixture corpus. */
class CannedQueriesTest {

    @TempDir
    static Path tmp;
    static KnowledgeStore store;

    @BeforeAll
    static void build() {
        store = KnowledgeStore.open(tmp.resolve("db"));
        Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<QuerySolution> run(String name) throws Exception {
        return Fixtures.rows(store.select(Files.readString(Fixtures.QUERIES.resolve(name))));
    }

    static boolean has(List<QuerySolution> rows, String... varValue) {
        return rows.stream().anyMatch(r -> {
            for (int i = 0; i < varValue.length; i += 2) {
                if (!varValue[i + 1].equals(Fixtures.str(r, varValue[i]))) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void everyQueryHasAHeaderAndParses() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Fixtures.QUERIES)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(files.size() >= 6, files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            assertTrue(text.startsWith("# Question:"), f + " starts with the question it answers");
            assertTrue(text.contains("# Variables:"), f + " lists its variables");
            assertTrue(text.contains("# Example:"), f + " has an example of use");
            Query q = QueryFactory.create(text);
            assertTrue(q.isSelectType(), f.toString());
        }
    }

    @Test
    void eventsHasExactlyTheColumnsOfTheEventContract() throws Exception {
        Query q = QueryFactory.create(Files.readString(Fixtures.QUERIES.resolve("events.rq")));
        assertEquals(List.of("event", "doc", "actor", "agent", "action", "target", "quantity", "quantityMax", "unit",
                "place", "date", "source", "modality", "evidence"), q.getResultVars());
    }

    @Test
    void recognitions() throws Exception {
        List<QuerySolution> rows = run("recognitions.rq");
        assertTrue(has(rows, "actor", "Belarus", "action", "RECOGNIZE", "target", "Abkhazia", "date", "2023-05-09"), rows.toString());
        assertTrue(has(rows, "actor", "Georgia", "action", "SEVER_RELATIONS", "target", "Belarus", "date", "2023-05-10"));
    }

    @Test
    void deploymentsLargestFirst() throws Exception {
        List<QuerySolution> rows = run("deployments.rq");
        List<Double> figures = rows.stream().filter(r -> Fixtures.str(r, "quantity") != null)
                .map(r -> Double.parseDouble(Fixtures.str(r, "quantity"))).toList();
        assertEquals(List.of(12000.0, 11000.0, 2000.0), figures);
        QuerySolution engineers = rows.get(2);
        assertEquals("North Korea", Fixtures.str(engineers, "actor"));
        assertEquals("engineer", Fixtures.str(engineers, "unit"));
        assertEquals("Kursk", Fixtures.str(engineers, "place"));
        assertEquals("planned", Fixtures.str(engineers, "modality"));
        assertEquals("National Intelligence Service", Fixtures.str(engineers, "source"));
    }

    @Test
    void oneAgreementForEveryNameTheArticlesGiveIt() throws Exception {
        List<QuerySolution> rows = run("agreements.rq");
        assertEquals(1, rows.size(), rows.toString());
        QuerySolution treaty = rows.get(0);
        assertEquals("North Korea, Russia", Fixtures.str(treaty, "parties"));
        assertEquals("2024-06-19", Fixtures.str(treaty, "signedOn"));
        assertEquals("Pyongyang", Fixtures.str(treaty, "signedAt"));
        assertEquals("treaty-ratified.txt, treaty.txt", Fixtures.str(treaty, "articles"));
        assertTrue(Fixtures.str(treaty, "aliases").contains("partnership treaty"));
        assertTrue(Fixtures.str(treaty, "aliases").contains("comprehensive strategic partnership treaty"));
    }

    @Test
    void resolutionsWithAdoptionAndViolationClaims() throws Exception {
        List<QuerySolution> rows = run("resolutions.rq");
        assertTrue(has(rows, "number", "2397", "adoptedOn", "2017-12-22", "adoptedBy", "United Nations Security Council",
                "action", "ADOPT_RESOLUTION", "doc", "un-2397"), rows.toString());
        assertTrue(has(rows, "number", "2397", "action", "VIOLATE", "actor", "North Korea",
                "source", "Ministry of Foreign Affairs of South Korea", "doc", "troop-figures.txt"), rows.toString());
    }

    @Test
    void conflictingFiguresSitTogetherWithTheirSources() throws Exception {
        List<QuerySolution> rows = run("conflicting-claims.rq");
        List<QuerySolution> soldiers = rows.stream().filter(r -> "soldier".equals(Fixtures.str(r, "unit"))).toList();
        assertEquals(2, soldiers.size(), rows.toString());
        assertEquals(12000.0, Double.parseDouble(Fixtures.str(soldiers.get(0), "quantity")));
        assertEquals("Main Directorate of Intelligence of the Ministry of Defence of Ukraine", Fixtures.str(soldiers.get(0), "source"));
        assertEquals(11000.0, Double.parseDouble(Fixtures.str(soldiers.get(1), "quantity")));
        assertEquals("National Intelligence Service", Fixtures.str(soldiers.get(1), "source"));
        assertEquals("2024-11-19", Fixtures.str(soldiers.get(1), "date"));
        // One happening: North Korea deploying to Russia, every figure of it listed, figures of a kind side by side.
        List<QuerySolution> deploy = rows.stream().filter(r -> "DEPLOY".equals(Fixtures.str(r, "action"))).toList();
        assertEquals(1, deploy.stream().map(r -> Fixtures.str(r, "happening")).distinct().count());
        assertTrue(deploy.stream().allMatch(r -> "North Korea".equals(Fixtures.str(r, "actor")) && "Russia".equals(Fixtures.str(r, "target"))));
        assertTrue(has(deploy, "unit", "engineer", "doc", "2024-03-04-engineers.txt"));
        List<String> units = deploy.stream().map(r -> Fixtures.str(r, "unit")).filter(u -> u != null).toList();
        assertEquals(units.stream().sorted().toList(), units, "figures grouped by kind");
    }

    /** The definition of a dispute, as a query over every claim: what the linker's ng:disputedOn must agree with. */
    private static final String DISPUTES_BY_COMPARING_CLAIMS = """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            SELECT DISTINCT ?happening ?slot WHERE {
              {
                { SELECT ?happening WHERE { ?happening ng:claim ?a . ?a ng:quantity ?q . ?q ng:unit ?u ; ng:value ?v }
                  GROUP BY ?happening ?u HAVING (MIN(?v) != MAX(?v) && MIN(?a) != MAX(?a)) }
                BIND (ng:quantity AS ?slot)
              } UNION {
                { SELECT ?happening WHERE { ?happening ng:claim ?a . ?a ng:date ?d }
                  GROUP BY ?happening HAVING (MIN(STR(?d)) != MAX(STR(?d)) && MIN(?a) != MAX(?a)) }
                BIND (ng:date AS ?slot)
              } UNION {
                { SELECT ?happening WHERE { ?happening ng:claim ?a . ?a ng:place ?p }
                  GROUP BY ?happening HAVING (MIN(?p) != MAX(?p) && MIN(?a) != MAX(?a)) }
                BIND (ng:place AS ?slot)
              }
            }
            """;

    private static java.util.Set<String> disputes(KnowledgeStore s, String query) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        Fixtures.rows(s.select(query)).forEach(r -> out.add(Fixtures.str(r, "happening") + " " + Fixtures.str(r, "slot")));
        return out;
    }

    @Test
    void theDisputesTheLinkerMarksAreTheOnesTheClaimsShow() throws Exception {
        String marked = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?happening ?slot WHERE { ?happening ng:disputedOn ?slot }";
        try (KnowledgeStore samples = KnowledgeStore.open(tmp.resolve("samples-db"))) {
            Fixtures.newsgraph().build(Path.of("src/samples/articles"), samples, BuildListener.NONE);
            for (KnowledgeStore s : List.of(store, samples)) {
                java.util.Set<String> expected = disputes(s, DISPUTES_BY_COMPARING_CLAIMS);
                assertEquals(expected, disputes(s, marked));
                assertTrue(expected.stream().anyMatch(d -> d.endsWith("#quantity")), expected.toString());
                assertTrue(expected.stream().anyMatch(d -> d.endsWith("#date")), expected.toString());
            }
        }
    }

    @Test
    void signingAndRatificationDatesDisagree() throws Exception {
        List<QuerySolution> rows = run("conflicting-claims.rq");
        assertTrue(has(rows, "action", "SIGN_AGREEMENT", "actor", "Russia", "date", "2024-06-19", "doc", "treaty.txt"));
        assertTrue(has(rows, "action", "SIGN_AGREEMENT", "actor", "Russia", "date", "2024-10-24", "doc", "treaty-ratified.txt"));
    }

    @Test
    void actorProfileTakesTheActorAsAParameter() throws Exception {
        String text = Files.readString(Fixtures.QUERIES.resolve("actor-profile.rq"));
        for (String name : List.of("North Korea", "DPRK", "Pyongyang", "https://w3id.org/newsgraph/entity/north-korea")) {
            List<QuerySolution> rows = Fixtures.rows(store.select(profile(text, name)));
            assertTrue(has(rows, "action", "DEPLOY", "doc", "troop-figures.txt"), name + ": " + rows);
            assertTrue(rows.stream().noneMatch(r -> "2024-03-04-engineers.txt".equals(Fixtures.str(r, "doc"))
                    && "PAY".equals(Fixtures.str(r, "action"))), "Russia's payment is not North Korea's");
        }
        // A value is a term, never query text: an injection attempt is just a name nobody has.
        assertEquals(0, Fixtures.rows(store.select(profile(text, "x\") } ?s ?p ?o . { FILTER(\"1\"=\"1"))).size());
    }

    private static String profile(String text, String actor) {
        return org.newsgraph.cli.QueryTestAccess.substitute(text, java.util.Map.of("actor", actor)).toString();
    }

    @Test
    void timelineInDateOrder() throws Exception {
        List<QuerySolution> rows = run("timeline.rq");
        List<String> dates = new ArrayList<>();
        rows.forEach(r -> dates.add(Fixtures.str(r, "date")));
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.comparing((String d) -> d.startsWith("--") ? "~" + d : d));
        assertEquals(sorted, dates);
        assertEquals("2017-12-22", dates.get(0));
        assertTrue(dates.contains("2024-06-19"));
        // A month sorts before the days inside it.
        assertTrue(dates.indexOf("2024-04") < dates.indexOf("2024-06-19"), dates.toString());
    }
}
