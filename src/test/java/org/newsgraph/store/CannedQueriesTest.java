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
        QuerySolution top = rows.get(0);
        assertEquals("North Korea", Fixtures.str(top, "actor"));
        assertEquals(2000, Double.parseDouble(Fixtures.str(top, "quantity")));
        assertEquals("engineer", Fixtures.str(top, "unit"));
        assertEquals("Kursk", Fixtures.str(top, "place"));
        assertEquals("planned", Fixtures.str(top, "modality"));
        assertEquals("National Intelligence Service", Fixtures.str(top, "source"));
    }

    @Test
    void agreementsOneRowPerParty() throws Exception {
        List<QuerySolution> rows = run("agreements.rq");
        assertTrue(has(rows, "party", "Russia", "agent", "Vladimir Putin", "counterparty", "North Korea", "date", "2024-06-19",
                "place", "Pyongyang"), rows.toString());
        assertTrue(has(rows, "party", "North Korea", "agent", "Kim Jong Un", "counterparty", "Russia"));
    }

    @Test
    void resolutions() throws Exception {
        List<QuerySolution> rows = run("resolutions.rq");
        assertTrue(has(rows, "action", "ADOPT_RESOLUTION", "actor", "United Nations Security Council", "number", "2397",
                "date", "2017-12-22"), rows.toString());
        assertTrue(has(rows, "action", "VETO", "actor", "Russia", "date", "2024-03-28"));
    }

    @Test
    void timelineInDateOrder() throws Exception {
        List<QuerySolution> rows = run("timeline.rq");
        List<String> dates = new ArrayList<>();
        rows.forEach(r -> dates.add(Fixtures.str(r, "date")));
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(null);
        assertEquals(sorted, dates);
        assertEquals("2017-12-22", dates.get(0));
        assertTrue(dates.contains("2024-06-19"));
    }
}
