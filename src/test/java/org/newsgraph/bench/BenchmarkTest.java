package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Fixtures;
import org.newsgraph.ingest.Article;
import org.newsgraph.store.CannedQueries;

/** The benchmark's inputs are reproducible and its table covers every stage; its numbers are for people to read. */
class BenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void syntheticArticlesAreVariedAndTheSameForTheSameSeed() {
        SyntheticCorpus corpus = SyntheticCorpus.create(Fixtures.newsgraph().gazetteer()).seed(42).build();
        List<Article> first = corpus.articles(30);
        assertEquals(first, SyntheticCorpus.create(Fixtures.newsgraph().gazetteer()).seed(42).build().articles(30));
        assertNotEquals(first, SyntheticCorpus.create(Fixtures.newsgraph().gazetteer()).seed(43).build().articles(30));
        for (Article a : first) {
            int words = a.text().split("\\s+").length;
            assertTrue(words >= 300 && words <= 1_700, a.key() + " has " + words + " words");
        }
        assertEquals(30, first.stream().map(Article::text).distinct().count());
        assertTrue(first.stream().map(Article::publisher).distinct().count() > 5, "varied sources");
        // The extractor finds events in them, by varied actors.
        Set<String> actors = first.stream().limit(10)
                .flatMap(a -> Fixtures.newsgraph().process(a, org.newsgraph.rdf.EventGraphWriter.create().build()).events().stream())
                .map(e -> e.actor().iri()).collect(Collectors.toSet());
        assertTrue(actors.size() > 5, "actors: " + actors);
    }

    @Test
    void theTableHasEveryStageWithItsReference() throws Exception {
        SyntheticCorpus corpus = SyntheticCorpus.create(Fixtures.newsgraph().gazetteer()).build();
        Path folder = tmp.resolve("articles");
        corpus.write(folder, 6);
        List<Benchmark.Row> rows = Benchmark.create(Fixtures.newsgraph(), corpus.articles(6), folder).threads(2)
                .queryRepeats(1).work(tmp.resolve("work")).build().run();
        Set<String> stages = rows.stream().map(Benchmark.Row::stage).collect(Collectors.toSet());
        for (String stage : List.of("nlp reference", "extraction", "rdf load", "build", "memory", "incremental")) {
            assertTrue(stages.contains(stage), stage + " in " + stages);
        }
        for (CannedQueries.CannedQuery q : CannedQueries.bundled().all()) {
            assertEquals(3, rows.stream().filter(r -> r.stage().equals("query " + q.name())).count(), q.name());
        }
        // The builds query answers one row per build: the full one and the two incremental ones.
        assertEquals(3.0, rows.stream().filter(r -> r.stage().equals("query builds") && r.measure().equals("answer rows"))
                .findFirst().orElseThrow().value());
        for (Benchmark.Row r : rows) {
            if (r.measure().equals("answer rows")) {
                // Even six synthetic articles give every canned question something to answer, resolutions included;
                // a dispute needs one happening told twice, which takes more articles.
                assertTrue(r.value() > 0 || r.stage().equals("query conflicting-claims"), r.toString());
                continue;
            }
            assertTrue(Double.isFinite(r.value()) && r.value() > 0, r.toString());
            assertTrue(r.reference().isEmpty() || Double.isFinite(r.ratio()) && r.ratio() > 0, r.toString());
        }
        String json = Benchmark.json(rows);
        assertEquals(rows.size(), org.apache.jena.atlas.json.JSON.parse(json).get("rows").getAsArray().size());
        assertTrue(Benchmark.table(rows).lines().count() == rows.size() + 1);
        // The incremental stage changed one article of the copy it was given, twice.
        assertTrue(Files.readString(folder.resolve("synthetic-000000.txt"))
                .endsWith("The ministry gave no further details.\n\nNo one else commented.\n"));

        // The queries alone, over the database the run kept (bench --db): the same query rows, answered alike.
        List<Benchmark.Row> again = Benchmark.create(Fixtures.newsgraph(), List.of(), folder).queryRepeats(1).build()
                .runQueries(tmp.resolve("work").resolve("build"));
        assertEquals(rows.stream().filter(r -> r.stage().startsWith("query ") || r.stage().equals("warming"))
                .map(r -> r.stage() + ": " + r.measure()).toList(), again.stream().map(r -> r.stage() + ": " + r.measure()).toList());
        assertEquals(3.0, again.stream().filter(r -> r.stage().equals("query builds") && r.measure().equals("answer rows"))
                .findFirst().orElseThrow().value());
    }
}
