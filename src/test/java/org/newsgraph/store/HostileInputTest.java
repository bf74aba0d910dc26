package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;

/**
 * A crawler's worst: the corpus under src/test/resources/hostile (plus a huge file and a link out of the folder made
 * here), and random mutations of the fixtures. Each bad file costs one line; the good ones all land, conforming.
 */
class HostileInputTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile");

    @TempDir
    Path tmp;

    /** Collects what a build reports. */
    static final class Recorder implements BuildListener {
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void error(String message) {
            errors.add(message);
        }
    }

    @Test
    void eachBadInputCostsOneLineAndTheGraphHoldsExactlyTheGoodArticles() throws IOException {
        Path articles = copy(HOSTILE, tmp.resolve("articles"));
        try (RandomAccessFile huge = new RandomAccessFile(articles.resolve("huge.txt").toFile(), "rw")) {
            huge.setLength(50L * 1024 * 1024);
        }
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "Private notes\n\nNot for the graph.\n");
        boolean linked = link(articles.resolve("outside-link.txt"), outside);

        Recorder recorder = new Recorder();
        BuildSummary summary;
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            summary = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> Fixtures.newsgraph().build(articles, store, recorder));

            Set<String> expectedErrors = new TreeSet<>(List.of("empty.txt", "only-whitespace.txt", "scanned-page.txt",
                    "windows-1252.txt", "mixed-encoding.txt", "huge.txt", "feed.jsonl line 2", "feed.jsonl line 3",
                    "feed.jsonl line 4", "feed.jsonl line 5", "feed.jsonl line 6", "feed.jsonl line 8", "feed.jsonl line 9"));
            if (linked) {
                expectedErrors.add("outside-link.txt");
            }
            Set<String> named = new TreeSet<>();
            for (String error : recorder.errors) {
                assertFalse(error.contains("\n"), "one line: " + error);
                String file = error.substring(0, error.indexOf(':'));
                assertTrue(named.add(file), "one error per file or line: " + recorder.errors);
                assertTrue(error.length() > file.length() + 5, "a reason follows the name: " + error);
            }
            assertEquals(expectedErrors, named, String.join("\n", recorder.errors));
            assertTrue(recorder.errors.stream().anyMatch(e -> e.startsWith("huge.txt: file too large")), recorder.errors.toString());
            assertEquals(recorder.errors, summary.errors());

            Set<String> good = new TreeSet<>(List.of("bad-dates.txt", "deeply-nested.html", "entity-bomb.html",
                    "nachrichten.txt", "name with spaces & ünïcødé (1).txt", "ok-1", "one-endless-sentence.txt",
                    "scripts-and-frames.html", "utf-16-bom.txt", "сводка новостей.txt"));
            assertEquals(good, new TreeSet<>(select(store, "SELECT ?f WHERE { GRAPH ?g { ?a <" + NG.fileName.getURI()
                    + "> ?f } FILTER(STRSTARTS(STR(?g), \"" + NG.ARTICLE_GRAPH + "\")) }", "f")));

            // What scripts, frames, styles and entity definitions hold never reaches the graph.
            List<String> leaked = select(store, "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o) && "
                    + "REGEX(STR(?o), \"alert|evil[.]example|9,999|7,777|5,555|lollol|Private notes\")) }", "o");
            assertEquals(List.of(), leaked);

            // The good ones are read as meant: the UTF-16 and the deeply nested articles give their events.
            assertEquals(List.of("Poland"), select(store, actorsOf("utf-16-bom.txt"), "actor"));
            assertEquals(List.of("Germany"), select(store, actorsOf("deeply-nested.html"), "actor"));
            assertEquals(List.of("Canada"), select(store, actorsOf("scripts-and-frames.html"), "actor"));
            assertConforms(store);
        }
    }

    @Test
    void randomMutationsOfTheFixturesNeverBreakABuild() throws IOException {
        Path articles = Files.createDirectories(tmp.resolve("mutants"));
        List<Path> originals;
        try (Stream<Path> s = Files.list(Fixtures.ARTICLES)) {
            originals = s.sorted().toList();
        }
        Random random = new Random(20261122L);
        int mutants = 0;
        for (int round = 0; round < 6; round++) {
            for (Path original : originals) {
                String name = original.getFileName().toString();
                String base = name.contains(".meta.json") ? name.replace(".meta.json", "")
                        : name.substring(0, name.lastIndexOf('.'));
                String ext = name.substring(base.length());
                byte[] mutated = Mutations.apply(Files.readAllBytes(original), random);
                Files.write(articles.resolve(base + "-" + round + ext), mutated);
                mutants++;
            }
        }
        Recorder recorder = new Recorder();
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            BuildSummary summary = assertTimeoutPreemptively(Duration.ofMinutes(3),
                    () -> Fixtures.newsgraph().build(articles, store, recorder));
            assertTrue(mutants > 40);
            assertTrue(summary.articles() > 0, "most mutants are still articles");
            for (String error : recorder.errors) {
                assertFalse(error.contains("\n"), "one line: " + error);
            }
            assertConforms(store);
            // A second build over the same mutants changes nothing: the mutants are read the same way each time.
            BuildSummary again = Fixtures.newsgraph().build(articles, store, new Recorder());
            assertEquals(0, again.added() + again.changed() + again.removed(), again.line());
        }
    }

    @Test
    void anArticleOfEndlessEventsStopsAtTheLimit() {
        String[] states = {"France", "Germany", "Japan", "Canada", "Brazil", "India", "Kenya", "Chile"};
        StringBuilder text = new StringBuilder("Roll call\n\n");
        for (int i = 0; i < 700; i++) {
            text.append(states[i % states.length]).append(" sent ").append(100 + i).append(" soldiers to ")
                    .append(states[(i + 3) % states.length]).append(" on 2 May 2024.\n");
        }
        org.newsgraph.ingest.Article a = new org.newsgraph.ingest.Article("roll.txt", "roll.txt", "Roll call",
                text.toString(), null, "2024-05-03", null, "en");
        List<org.newsgraph.extract.Event> events = Fixtures.newsgraph()
                .process(a, org.newsgraph.rdf.EventGraphWriter.create().build()).events();
        assertEquals(org.newsgraph.extract.PatternEventExtractor.MAX_EVENTS_PER_ARTICLE, events.size());
    }

    @Test
    void aSentenceIsReadUpToTheTokenLimit() {
        String filler = String.join(" ", Collections.nCopies(400, "and more talk"));
        org.newsgraph.ingest.Article a = new org.newsgraph.ingest.Article("long.txt", "long.txt", "Long",
                "Long\n\nJapan sent 300 engineers to Kenya " + filler + " and Chile sent 50 medics to Peru.\n",
                null, "2024-05-03", null, "en");
        List<org.newsgraph.extract.Event> events = Fixtures.newsgraph()
                .process(a, org.newsgraph.rdf.EventGraphWriter.create().build()).events();
        // The start of the sentence is read; what lies past the limit is not.
        assertTrue(events.stream().anyMatch(e -> e.toString().contains("Japan")), events.toString());
        assertFalse(events.stream().anyMatch(e -> e.toString().contains("Peru")), events.toString());
    }

    /** Random damage of the kinds crawlers and editors do, a few at a time. */
    static final class Mutations {
        private static final String[] JUNK = {"\u0000", "\uFFFD", "\u202E", "<script>alert(1)</script>", "&amp;&#x0;",
            "\"}", "{\"", "\n\n\n", "\t", "😀", "<div><div><div>", "]]>", "\u00AD", "1e309", "-0", "9999999999999999999999"};

        static byte[] apply(byte[] original, Random random) {
            byte[] b = original.clone();
            int operations = 1 + random.nextInt(4);
            for (int i = 0; i < operations; i++) {
                if (b.length == 0) {
                    break;
                }
                switch (random.nextInt(6)) {
                    case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                    case 2 -> b = insert(b, random.nextInt(b.length + 1), JUNK[random.nextInt(JUNK.length)].getBytes(StandardCharsets.UTF_8));
                    case 3 -> {
                        int from = random.nextInt(b.length);
                        int to = Math.min(b.length, from + random.nextInt(200));
                        b = insert(b, random.nextInt(b.length + 1), java.util.Arrays.copyOfRange(b, from, to));
                    }
                    case 4 -> {
                        int from = random.nextInt(b.length);
                        int to = Math.min(b.length, from + random.nextInt(100));
                        byte[] out = new byte[b.length - (to - from)];
                        System.arraycopy(b, 0, out, 0, from);
                        System.arraycopy(b, to, out, from, b.length - to);
                        b = out;
                    }
                    default -> {
                        String s = new String(b, StandardCharsets.UTF_8);
                        b = s.replace(" ", random.nextBoolean() ? "  " : "\u00A0").getBytes(StandardCharsets.UTF_8);
                    }
                }
            }
            return b;
        }

        private static byte[] insert(byte[] b, int at, byte[] what) {
            byte[] out = new byte[b.length + what.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(what, 0, out, at, what.length);
            System.arraycopy(b, at, out, at + what.length, b.length - at);
            return out;
        }
    }

    private static String actorsOf(String file) {
        return "SELECT DISTINCT ?actor WHERE { ?e <" + NG.article.getURI() + ">/<" + NG.fileName.getURI() + "> \"" + file
                + "\" ; <" + NG.actor.getURI() + ">/<http://www.w3.org/2004/02/skos/core#prefLabel> ?actor }";
    }

    private static List<String> select(KnowledgeStore store, String query, String var) {
        return Fixtures.rows(store.select(query)).stream().map(r -> Fixtures.str(r, var)).sorted().toList();
    }

    private static void assertConforms(KnowledgeStore store) {
        Shapes shapes = Shapes.parse(Fixtures.newsgraph().ontology().shapes().getGraph());
        store.read(ds -> {
            for (String name : store.articleGraphs()) {
                Graph g = ds.asDatasetGraph().getGraph(NodeFactory.createURI(name));
                ValidationReport report = ShaclValidator.get().validate(shapes, g);
                assertTrue(report.conforms(), () -> name + " does not conform:\n" + report.getEntries());
            }
            return null;
        });
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()));
            }
        }
        return to;
    }

    private static boolean link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
