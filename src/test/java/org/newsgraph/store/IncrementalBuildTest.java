package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Fixtures;
import org.newsgraph.Newsgraph;
import org.newsgraph.cli.Main;
import org.newsgraph.rdf.NG;

/** Rebuilds read only what changed, remove what left, keep what now fails, and give the same graph for the same input. */
class IncrementalBuildTest {

    @TempDir
    Path tmp;

    static void copyFixtures(Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(Fixtures.ARTICLES)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    @Test
    void readsOnlyWhatChangedRemovesWhatLeftAndKeepsWhatNowFails() throws Exception {
        Path articles = tmp.resolve("articles");
        copyFixtures(articles);
        Newsgraph ng = Fixtures.newsgraph();
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            BuildSummary first = ng.build(articles, store, BuildListener.NONE);
            assertEquals(9, first.added());

            BuildSummary again = ng.build(articles, store, BuildListener.NONE);
            assertEquals(List.of(0, 0, 0, 9), List.of(again.added(), again.changed(), again.removed(), again.unchanged()));
            assertEquals(first.events(), again.events());

            Files.writeString(articles.resolve("treaty.txt"), "\nThe signing was broadcast on state television.\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.delete(articles.resolve("recognition.html"));
            String oldGraph = store.articleStates().get("2024-03-04-engineers.txt")[2];
            // A file that was good and now cannot be read keeps its graph, and the error is reported.
            Files.write(articles.resolve("2024-03-04-engineers.txt"), new byte[] {0, 1, 2, 3, 0, 0, 7});
            BuildSummary third = ng.build(articles, store, BuildListener.NONE);
            assertEquals(1, third.changed());
            assertEquals(1, third.removed());
            assertEquals(6, third.unchanged(), "9 less one changed, one removed, one now unreadable");
            assertEquals(1, third.errors().size());
            assertTrue(third.errors().get(0).startsWith("2024-03-04-engineers.txt: "), third.errors().toString());
            assertTrue(store.articleGraphs().contains(oldGraph), "the unreadable file kept its graph");
            assertTrue(store.articleStates().keySet().stream().noneMatch(k -> k.equals("recognition.html")));

            BuildSummary full = ng.build(articles, store, BuildListener.NONE, Newsgraph.Mode.FULL);
            assertEquals(7, full.changed(), "every readable article");
            for (BuildSummary s : List.of(first, again, third, full)) {
                assertTrue(s.events() > 0 && s.triples() > s.events(), s.line());
            }
            assertEquals(store.select("PREFIX ng: <" + NG.NS + "> SELECT (COUNT(?e) AS ?n) WHERE { ?e a ng:Event }")
                    .next().getLiteral("n").getLong(), full.events());
        }
    }

    @Test
    void aWriterCountsWhatItChangesAsAWalkOfTheIndexesWould() throws Exception {
        Path articles = tmp.resolve("articles");
        copyFixtures(articles);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
            List<String> graphs = store.articleGraphs();
            Node replaced = NodeFactory.createURI(graphs.get(0));
            Graph smaller = store.read(ds -> copy(ds.asDatasetGraph().getGraph(replaced)));
            // One event less in the replaced graph: its type triple goes.
            smaller.delete(smaller.find(null, RDF.type.asNode(), NG.Event.asNode()).next());
            String stamped = store.fileStamps().keySet().iterator().next();
            store.write(w -> {
                long quads = w.size();
                long events = w.events();
                DatasetGraph dsg = w.dataset().asDatasetGraph();
                Runnable agrees = () -> {
                    assertEquals(KnowledgeStore.quadCount(dsg), w.size());
                    assertEquals(KnowledgeStore.eventCount(dsg, Node.ANY), w.events());
                };
                agrees.run();
                w.replaceArticle(new org.newsgraph.rdf.ArticleGraph(graphs.get(0), smaller, 0));
                // Nothing of the old graph stays behind, whole-number quantities included ("2000"^^xsd:decimal).
                assertEquals(smaller.size(), KnowledgeStore.count(dsg, replaced, Node.ANY, Node.ANY, Node.ANY));
                agrees.run();
                w.removeGraph(graphs.get(1));
                agrees.run();
                w.stampFile("new-file.txt", "12 34");
                w.stampFile(stamped, null);
                agrees.run();
                Graph note = GraphFactory.createDefaultGraph();
                note.add(NodeFactory.createURI(NG.BASE + "note"), RDFS.label.asNode(), NodeFactory.createLiteralString("a note"));
                w.replaceGraph(NG.BUILDS_GRAPH, note, false);
                w.replaceGraph(NG.BUILDS_GRAPH, note, false);
                agrees.run();
                w.relink();
                agrees.run();
                w.relinkAll();
                agrees.run();
                assertTrue(w.events() < events, "an event removed and a graph with events removed");
                assertTrue(w.size() != quads);
            });
        }
    }

    @Test
    void countsKeptFromTheLastWriteAreTrustedOnlyWhileTheIndexesAreAsItLeftThem() throws Exception {
        Path articles = tmp.resolve("articles");
        copyFixtures(articles);
        Path db = tmp.resolve("db");
        Newsgraph ng = Fixtures.newsgraph();
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            ng.build(articles, store, BuildListener.NONE);
            // A write that is not a build's (as a Graph Store Protocol upload through Fuseki would be).
            org.apache.jena.system.Txn.executeWrite(store.dataset(), () -> store.dataset().asDatasetGraph().add(
                    NodeFactory.createURI(NG.GRAPH + "uploaded"), NodeFactory.createURI(NG.BASE + "x"), RDF.type.asNode(),
                    NG.Event.asNode()));
        }
        for (int round = 0; round < 2; round++) {
            try (KnowledgeStore store = KnowledgeStore.open(db)) {
                Files.writeString(articles.resolve("treaty.txt"), "\nRussia shipped 10 more tanks to North Korea.\n",
                        java.nio.file.StandardOpenOption.APPEND);
                BuildSummary s = ng.build(articles, store, BuildListener.NONE);
                DatasetGraph walked = store.dataset().asDatasetGraph();
                long[] counts = store.read(ds -> new long[] {KnowledgeStore.quadCount(walked), KnowledgeStore.eventCount(walked, Node.ANY)});
                assertEquals(counts[0], s.triples() + buildRecordQuads(store), "round " + round);
                assertEquals(counts[1], s.events(), "round " + round);
            }
        }
        assertTrue(Files.readString(db.resolve("newsgraph-counts")).lines().count() == 2);
    }

    /** Quads of the newest build record, which a build writes after counting. */
    private static long buildRecordQuads(KnowledgeStore store) {
        return store.read(ds -> {
            String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + NG.BUILDS_GRAPH + "> { ?b ?p ?o } { SELECT ?b WHERE { "
                    + "GRAPH <" + NG.BUILDS_GRAPH + "> { ?b <http://www.w3.org/ns/prov#endedAtTime> ?t } } ORDER BY DESC(?t) LIMIT 1 } }";
            try (var qe = org.apache.jena.query.QueryExecution.dataset(ds).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void everyBuildLeavesARecordThatAQueryReads() throws Exception {
        Path articles = tmp.resolve("articles");
        copyFixtures(articles);
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
            Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
            List<QuerySolution> builds = Fixtures.rows(store.select(Files.readString(Fixtures.QUERIES.resolve("builds.rq"))));
            assertEquals(2, builds.size());
            assertEquals("9", Fixtures.str(builds.get(0), "unchanged"), "newest first");
            assertEquals("9", Fixtures.str(builds.get(1), "added"));
            assertEquals(Newsgraph.version(), Fixtures.str(builds.get(0), "version"));
        }
    }

    @Test
    void sameInputGivesTheSameGraph() throws Exception {
        DatasetGraph first = exportOfFreshBuild(tmp.resolve("db1"));
        DatasetGraph second = exportOfFreshBuild(tmp.resolve("db2"));
        assertTrue(org.apache.jena.atlas.iterator.Iter.count(first.find()) > 5000, "a real graph");
        List<String> names = new ArrayList<>();
        first.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        List<String> otherNames = new ArrayList<>();
        second.listGraphNodes().forEachRemaining(n -> otherNames.add(n.getURI()));
        assertEquals(new TreeSet<>(names), new TreeSet<>(otherNames), "the same graph names");
        for (String name : names) {
            org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(name);
            // Isomorphic: the same IRIs and literals, blank nodes (in the SHACL shapes) matched up.
            assertTrue(first.getGraph(g).isIsomorphicWith(second.getGraph(g)), name + " differs between two builds");
        }
    }

    /** The N-Quads export of a fresh build, parsed, less the build records (which hold times). */
    private static DatasetGraph exportOfFreshBuild(Path db) throws Exception {
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE, Newsgraph.Mode.FULL);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, Main.run("export", "--db", db.toString(), "--format", "nquads"));
        } finally {
            System.setOut(saved);
        }
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFDataMgr.read(parsed, new java.io.ByteArrayInputStream(out.toByteArray()), Lang.NQUADS);
        parsed.removeGraph(org.apache.jena.graph.NodeFactory.createURI(NG.BUILDS_GRAPH));
        return parsed;
    }

    @Test
    void exportsTrig() throws Exception {
        Path db = tmp.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
        }
        Path out = tmp.resolve("all.trig");
        assertEquals(0, Main.run("export", "--db", db.toString(), "--format", "trig", "--out", out.toString()));
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFDataMgr.read(parsed, out.toString(), Lang.TRIG);
        assertTrue(parsed.containsGraph(org.apache.jena.graph.NodeFactory.createURI(NG.KNOWLEDGE_GRAPH)));
    }

    @Test
    void linkingOnlyWhatChangedGivesTheKnowledgeOfLinkingEverything() throws Exception {
        Path articles = tmp.resolve("articles");
        copyFixtures(articles);
        try (Stream<Path> s = Files.list(Path.of("src/samples/articles"))) {
            for (Path p : s.toList()) {
                Files.copy(p, articles.resolve("sample-" + p.getFileName()));
            }
        }
        Newsgraph ng = Fixtures.newsgraph();
        org.newsgraph.bench.SyntheticCorpus.create(ng.gazetteer()).seed(11).build().write(articles, 30);
        org.apache.jena.graph.Node knowledge = org.apache.jena.graph.NodeFactory.createURI(NG.KNOWLEDGE_GRAPH);
        try (KnowledgeStore scoped = KnowledgeStore.open(tmp.resolve("scoped"))) {
            ng.build(articles, scoped, BuildListener.NONE);
            org.apache.jena.graph.Graph before = scoped.read(ds -> copy(ds.asDatasetGraph().getGraph(knowledge)));
            // A new claim joins happenings, an article with agreements and claims leaves, one article is new.
            Files.writeString(articles.resolve("treaty.txt"), "\nNorth Korea sent 7,000 more troops to Russia in May 2025. "
                    + "Russia shipped air-defence systems to North Korea.\n", java.nio.file.StandardOpenOption.APPEND);
            try (Stream<Path> s = Files.list(articles)) {
                Path gone = s.filter(p -> p.getFileName().toString().matches("synthetic-.*\\.txt")).sorted().findFirst().orElseThrow();
                Files.delete(gone);
                Files.delete(articles.resolve(gone.getFileName().toString().replace(".txt", ".meta.json")));
            }
            // The new article also repeats a signing another article reports (one agreement no gazetteer knows,
            // now named by two articles) and adopts a resolution.
            String signing;
            try (Stream<Path> s = Files.list(articles)) {
                signing = s.filter(p -> p.getFileName().toString().matches("synthetic-.*\\.txt")).sorted().skip(3)
                        .flatMap(p -> java.util.Arrays.stream(read(p).split("(?<=\\.) "))).map(String::strip)
                        .filter(x -> x.contains(" signed a defence agreement in ")).findFirst().orElseThrow();
            }
            Files.writeString(articles.resolve("new.txt"), "Pyongyang signed a new air-defence deal with Moscow on 3 June 2025, "
                    + "the agency said. China denied sending troops to Russia. " + signing + " The UN Security Council "
                    + "adopted Resolution 2397 on 22 December 2017.\n");
            BuildSummary incremental = ng.build(articles, scoped, BuildListener.NONE);
            assertEquals(List.of(1, 1, 1), List.of(incremental.added(), incremental.changed(), incremental.removed()));
            org.apache.jena.graph.Graph after = scoped.read(ds -> copy(ds.asDatasetGraph().getGraph(knowledge)));
            assertTrue(!after.isIsomorphicWith(before), "the change reached the knowledge graph");
            try (KnowledgeStore everything = KnowledgeStore.open(tmp.resolve("everything"))) {
                ng.build(articles, everything, BuildListener.NONE, Newsgraph.Mode.FULL);
                org.apache.jena.graph.Graph full = everything.read(ds -> copy(ds.asDatasetGraph().getGraph(knowledge)));
                assertTrue(full.size() > 100, "a real knowledge graph");
                assertTrue(after.isIsomorphicWith(full), "scoped relink: " + difference(after, full));
                // A full build links actor by actor; linking everything at once in memory gives the same graph.
                org.apache.jena.graph.Graph linked = everything.read(ds -> CrossArticleLinker.create().link(ds));
                assertTrue(full.isIsomorphicWith(linked), "actor by actor: " + difference(full, linked));
            }
            // A full build over a graph that had more: what left goes from the knowledge graph too.
            try (Stream<Path> s = Files.list(articles)) {
                Path gone = s.filter(p -> p.getFileName().toString().matches("synthetic-.*\\.txt")).sorted().findFirst().orElseThrow();
                Files.delete(gone);
                Files.delete(articles.resolve(gone.getFileName().toString().replace(".txt", ".meta.json")));
            }
            ng.build(articles, scoped, BuildListener.NONE, Newsgraph.Mode.FULL);
            org.apache.jena.graph.Graph rebuilt = scoped.read(ds -> copy(ds.asDatasetGraph().getGraph(knowledge)));
            org.apache.jena.graph.Graph linked = scoped.read(ds -> CrossArticleLinker.create().link(ds));
            assertTrue(!rebuilt.isIsomorphicWith(after), "the removed article's claims left");
            assertTrue(rebuilt.isIsomorphicWith(linked), "full rebuild over an older graph: " + difference(rebuilt, linked));
        }
    }

    @Test
    void untargetedClaimsFollowTheLargestHappeningThroughScopedRelinks() throws Exception {
        Path articles = tmp.resolve("moving");
        Files.createDirectories(articles);
        String untargeted = "North Korea has deployed about %d soldiers, officials said on 9 May 2025.";
        String toRussia = "Pyongyang sent %d troops to Russia in April 2025, according to Seoul.";
        String toChina = "North Korea sent %d workers to China in March 2025.";
        Newsgraph ng = Fixtures.newsgraph();
        Node knowledge = NodeFactory.createURI(NG.KNOWLEDGE_GRAPH);
        Node russia = NodeFactory.createURI(NG.BASE + "entity/russia");
        Node china = NodeFactory.createURI(NG.BASE + "entity/china");
        long[] clock = {1_700_000_000_000L};
        // Each step: the articles to write (name, sentences) or, with no sentences, to delete; then the target whose
        // happening should hold the untargeted claims (null: the untargeted claims are a happening of their own).
        List<Object[]> steps = List.of(
                new Object[] {Map.of("a1", List.of(toRussia.formatted(1000), untargeted.formatted(3000)),
                        "a2", List.of(toChina.formatted(500))), china},
                new Object[] {Map.of("a3", List.of(toRussia.formatted(1200))), russia},
                new Object[] {Map.of("a2", List.of(toChina.formatted(500), toChina.formatted(700), toChina.formatted(800)),
                        "a4", List.of(untargeted.formatted(2500), untargeted.formatted(2600))), china},
                new Object[] {Map.of("a2", List.of(), "a3", List.of()), russia},
                new Object[] {Map.of("a1", List.of(untargeted.formatted(3000))), null},
                new Object[] {Map.of("a5", List.of(toChina.formatted(900))), china},
                new Object[] {Map.of("a4", List.of(), "a1", List.of()), "none"});
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("moving-db"))) {
            for (Object[] step : steps) {
                @SuppressWarnings("unchecked")
                Map<String, List<String>> writes = (Map<String, List<String>>) step[0];
                for (Map.Entry<String, List<String>> w : new java.util.TreeMap<>(writes).entrySet()) {
                    Path file = articles.resolve(w.getKey() + ".txt");
                    if (w.getValue().isEmpty()) {
                        Files.delete(file);
                    } else {
                        // The first line of a text article is its title.
                        Files.writeString(file, "Troops and workers\n\n" + String.join(" ", w.getValue()) + "\n");
                        // Stamps are size and modification time: a rewrite of the same size within one clock tick
                        // would look unchanged.
                        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(clock[0] += 1000));
                    }
                }
                ng.build(articles, store, BuildListener.NONE);
                Graph scoped = store.read(ds -> copy(ds.asDatasetGraph().getGraph(knowledge)));
                Graph linked = store.read(ds -> CrossArticleLinker.create().link(ds));
                assertTrue(scoped.isIsomorphicWith(linked), "after " + writes.keySet() + ": " + difference(scoped, linked));
                // Where the untargeted claims are: the happening with a target holding claims that have none.
                List<Node> holders = store.read(ds -> {
                    List<Node> out = new ArrayList<>();
                    String q = "PREFIX ng: <" + NG.NS + "> SELECT DISTINCT ?t WHERE { GRAPH <" + NG.KNOWLEDGE_GRAPH
                            + "> { ?h a ng:Happening ; ng:claim ?e . OPTIONAL { ?h ng:target ?t } } "
                            + "?e a ng:Event . FILTER NOT EXISTS { ?e ng:target ?any } }";
                    try (var qe = org.apache.jena.query.QueryExecution.dataset(ds).query(q).build()) {
                        qe.execSelect().forEachRemaining(r -> out.add(r.get("t") == null ? null : r.get("t").asNode()));
                    }
                    return out;
                });
                List<Node> expected = "none".equals(step[1]) ? List.of() : java.util.Collections.singletonList((Node) step[1]);
                assertEquals(expected, holders, "after " + writes.keySet());
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static org.apache.jena.graph.Graph copy(org.apache.jena.graph.Graph g) {
        org.apache.jena.graph.Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }

    private static String difference(org.apache.jena.graph.Graph a, org.apache.jena.graph.Graph b) {
        return "only in scoped " + a.find().filterDrop(b::contains).toList() + "; only in full " + b.find().filterDrop(a::contains).toList();
    }

    @Test
    void filesWithTheSameStampAreNotReadAgainAndFullBuildsReadEverything() throws Exception {
        Path articles = tmp.resolve("articles");
        copyFixtures(articles);
        Newsgraph ng = Fixtures.newsgraph();
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            ng.build(articles, store, BuildListener.NONE);
            assertEquals(7, store.fileStamps().size(), "every file that gave articles, sidecars inside their file's stamp");
            String key = "2024-03-04-engineers.txt";
            String hash = store.articleStates().get(key)[0];

            // Same size, same time, other words: the stamp is trusted, as make and rsync trust theirs.
            Path file = articles.resolve("troop-figures.txt");
            String text = Files.readString(file);
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
            Files.writeString(file, text.replace("Russia", "Rossia"));
            Files.setLastModifiedTime(file, time);
            BuildSummary trusted = ng.build(articles, store, BuildListener.NONE);
            assertEquals(0, trusted.changed());

            // A sidecar is part of its article's stamp.
            Path sidecar = articles.resolve("2024-03-04-engineers.meta.json");
            Files.writeString(sidecar, Files.readString(sidecar).replace("Fixture Wire", "Another Wire"));
            Files.delete(articles.resolve("nouvelles.txt"));
            BuildSummary second = ng.build(articles, store, BuildListener.NONE);
            assertEquals(List.of(1, 1), List.of(second.changed(), second.removed()));
            assertTrue(!store.fileStamps().containsKey("nouvelles.txt"), "a removed file's stamp goes with it");
            org.junit.jupiter.api.Assertions.assertNotEquals(hash, store.articleStates().get(key)[0], "the new metadata was read");

            BuildSummary full = ng.build(articles, store, BuildListener.NONE, Newsgraph.Mode.FULL);
            assertEquals(8, full.changed(), "every article of every file");
            assertTrue(Fixtures.rows(store.select("SELECT ?s WHERE { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"Rossia\")) } LIMIT 1"))
                    .size() == 1, "a full build reads every file");
        }
    }
}
