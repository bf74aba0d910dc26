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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
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
        }
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
}
