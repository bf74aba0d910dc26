package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newsgraph command line through {@link Main#run}: exit codes, error lines and a real build and query. */
class CliTest {

    private static final PrintStream REAL_OUT = System.out;
    private static final PrintStream REAL_ERR = System.err;

    /** Holds the articles and the database of the one build this class makes. */
    @TempDir
    static Path shared;
    static Path db;
    static int buildExit;
    static String buildOut;

    @TempDir
    Path work;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    static void buildTwoArticles() throws IOException {
        Path articles = Files.createDirectories(shared.resolve("articles"));
        Files.writeString(articles.resolve("troops.txt"), "Troops for Russia\n\n"
                + "North Korea will send 3,000 troops to Russia, South Korea's spy agency said on Monday.\n");
        Files.writeString(articles.resolve("drills.txt"), "Joint drills\n\n"
                + "Japan, South Korea and the United States held joint naval exercises near Jeju Island on Friday.\n");
        db = shared.resolve("db");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            buildExit = Main.run("build", "--articles", articles.toString(), "--db", db.toString());
        } finally {
            System.setOut(REAL_OUT);
        }
        buildOut = captured.toString(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void captureOutput() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(REAL_OUT);
        System.setErr(REAL_ERR);
    }

    @Test
    void helpListsTheSubcommands() {
        assertEquals(ExitCodes.OK, Main.run("--help"));
        String usage = stdout();
        assertTrue(usage.contains("Usage: newsgraph"), usage);
        for (String command : List.of("build", "query", "serve")) {
            assertTrue(usage.lines().anyMatch(l -> l.strip().startsWith(command + " ") || l.strip().equals(command)),
                    command + " missing from: " + usage);
        }
    }

    @Test
    void buildHelpExitsZero() {
        assertEquals(ExitCodes.OK, Main.run("build", "--help"));
        assertTrue(stdout().contains("--articles"), stdout());
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        assertEquals(ExitCodes.USAGE, Main.run("build", "--articles", "a", "--db", "b", "--no-such-option"));
        List<String> errorLines = stderr().lines().filter(l -> l.startsWith("newsgraph:")).toList();
        assertEquals(1, errorLines.size(), stderr());
        assertTrue(errorLines.get(0).contains("--no-such-option"), stderr());
        assertNoStackTrace();
        assertEquals("", stdout());
    }

    @Test
    void missingArticlesFolderIsAUserError() {
        Path missing = work.resolve("DOES_NOT_EXIST");
        assertEquals(ExitCodes.USER_ERROR, Main.run("build", "--articles", missing.toString(),
                "--db", work.resolve("X").toString()));
        assertOneErrorLine("articles folder not found", missing.toString());
    }

    @Test
    void databasePathThatIsAFileIsAUserError() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        assertEquals(ExitCodes.USER_ERROR, Main.run("build", "--articles", shared.resolve("articles").toString(),
                "--db", file.toString()));
        assertOneErrorLine(file.toString());
    }

    @Test
    void missingQueryFileIsAUserError() {
        Path missing = work.resolve("some.rq");
        assertEquals(ExitCodes.USER_ERROR, Main.run("query", "--db", work.toString(), missing.toString()));
        assertOneErrorLine("not found", missing.toString());
    }

    @Test
    void queryWithASyntaxErrorIsAUserError() throws IOException {
        Path query = Files.writeString(work.resolve("broken.rq"), "SELECT ?doc WHERE { ?a ?b ?doc \n");
        assertEquals(ExitCodes.USER_ERROR, Main.run("query", "--db", db.toString(), query.toString()));
        assertOneErrorLine("syntax error", query.toString());
    }

    @Test
    void serveWithoutDatabaseOrConfigIsAUserError() {
        assertEquals(ExitCodes.USER_ERROR, Main.run("serve"));
        assertOneErrorLine("--db", "--config");
    }

    @Test
    void buildSummarisesAndQueriesSeeBothArticles() throws IOException {
        assertEquals(ExitCodes.OK, buildExit, buildOut);
        assertTrue(buildOut.lines().anyMatch(l -> l.startsWith("articles 2, events")), buildOut);

        Path query = Files.writeString(work.resolve("docs.rq"),
                "SELECT ?doc WHERE { ?a <https://w3id.org/newsgraph/ontology#fileName> ?doc }\n");

        assertEquals(ExitCodes.OK, Main.run("query", "--db", db.toString(), query.toString(), "--format", "json"), stderr());
        String json = stdout();
        assertTrue(json.contains("\"head\""), json);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        assertEquals(List.of("doc"), rs.getResultVars());
        List<String> docs = new ArrayList<>();
        rs.forEachRemaining(row -> docs.add(row.getLiteral("doc").getLexicalForm()));
        assertEquals(List.of("drills.txt", "troops.txt"), docs.stream().sorted().toList());

        out.reset();
        assertEquals(ExitCodes.OK, Main.run("query", "--db", db.toString(), query.toString(), "--format", "csv"), stderr());
        List<String> csv = stdout().lines().map(String::strip).toList();
        assertEquals("doc", csv.get(0), stdout());
        assertEquals(List.of("drills.txt", "troops.txt"), csv.subList(1, csv.size()).stream().sorted().toList());
    }

    @Test
    void queriesListsEveryCannedQueryWithItsQuestion() throws IOException {
        assertEquals(ExitCodes.OK, Main.run("queries"), stderr());
        List<String> names;
        try (var files = Files.list(Path.of("queries"))) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".rq"))
                    .map(f -> f.substring(0, f.length() - 3)).sorted().toList();
        }
        List<String> lines = stdout().lines().toList();
        assertEquals(names, lines.stream().map(l -> l.split("\\s+")[0]).toList(), stdout());
        for (String line : lines) {
            String question = line.replaceFirst("^\\S+\\s+", "");
            assertTrue(question.length() > 20, "each line gives the question its query answers: " + line);
        }
    }

    @Test
    void aCannedQueryRunsByNameAsItsFileDoes() {
        assertEquals(ExitCodes.OK, Main.run("query", "--db", db.toString(), "queries/deployments.rq", "--format", "csv"),
                stderr());
        String byFile = stdout();
        out.reset();
        assertEquals(ExitCodes.OK, Main.run("query", "--db", db.toString(), "deployments", "--format", "csv"), stderr());
        assertEquals(byFile, stdout());
        assertTrue(byFile.lines().count() >= 2, "the troops article gives a deployment: " + byFile);
    }

    @Test
    void anUnknownCannedQueryIsAUserError() {
        assertEquals(ExitCodes.USER_ERROR, Main.run("query", "--db", db.toString(), "who-won"));
        assertOneErrorLine("who-won", "newsgraph queries");
    }

    @Test
    void oneGraphExportsAsJsonLdAndReadsBack() throws IOException {
        Path file = work.resolve("entities.jsonld");
        String entities = "https://w3id.org/newsgraph/graph/entities";
        assertEquals(ExitCodes.OK, Main.run("export", "--db", db.toString(), "--graph", entities, "--format", "jsonld",
                "--out", file.toString()), stderr());
        org.apache.jena.rdf.model.Model read = org.apache.jena.riot.RDFDataMgr.loadModel(file.toString());
        Path count = Files.writeString(work.resolve("count.rq"),
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + entities + "> { ?s ?p ?o } }\n");
        assertEquals(ExitCodes.OK, Main.run("query", "--db", db.toString(), count.toString(), "--format", "csv"));
        long expected = Long.parseLong(stdout().lines().skip(1).findFirst().orElseThrow().strip());
        assertTrue(expected > 100, stdout());
        assertEquals(expected, read.size());
    }

    @Test
    void exportingAGraphThatIsNotThereIsAUserError() {
        assertEquals(ExitCodes.USER_ERROR, Main.run("export", "--db", db.toString(), "--graph", "urn:example:none"));
        assertOneErrorLine("urn:example:none");
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsAUserError() throws Exception {
        Path copy = work.resolve("held-db");
        Main.run("build", "--articles", shared.resolve("articles").toString(), "--db", copy.toString());
        out.reset();
        err.reset();
        // A real server in another JVM holds the database, as a researcher's running `serve` would.
        Path serverTmp = java.nio.file.Files.createDirectories(work.resolve("server-tmp"));
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + serverTmp, "-cp", System.getProperty("java.class.path"), "org.newsgraph.cli.Main",
                "serve", "--db", copy.toString(), "--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("Serving ")) {
                // wait until it serves
            }
            assertTrue(line != null, "the server started");
            assertEquals(ExitCodes.USER_ERROR, Main.run("query", "--db", copy.toString(), "recognitions"));
            assertOneErrorLine(copy.toString(), "in use by another process");
            server.destroy();
            assertTrue(server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the server stops on SIGTERM");
            try (var left = java.nio.file.Files.list(serverTmp)) {
                assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("newsgraph-fuseki-")).toList(),
                        "serve leaves no work folder behind");
            }
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void serveRefusesAQueryTimeoutThatIsNotAPositiveDuration() {
        assertEquals(ExitCodes.USER_ERROR, Main.run("serve", "--db", db.toString(), "--query-timeout", "0s"));
        assertOneErrorLine("--query-timeout", "positive");
        err.reset();
        assertEquals(ExitCodes.USER_ERROR, Main.run("serve", "--db", db.toString(), "--query-timeout", "soon"));
        assertOneErrorLine("--query-timeout", "not a duration");
        err.reset();
        assertEquals(ExitCodes.USER_ERROR, Main.run("serve", "--db", db.toString(), "--max-rows", "-1"));
        assertOneErrorLine("--max-rows");
    }

    // ---------------------------------------------------------------- helpers

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Exactly one non-blank line on stderr, the command's own, holding every part; nothing on stdout. */
    private void assertOneErrorLine(String... parts) {
        List<String> lines = stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), stderr());
        assertTrue(lines.get(0).startsWith("newsgraph: "), stderr());
        for (String part : parts) {
            assertTrue(lines.get(0).contains(part), "\"" + part + "\" missing from: " + stderr());
        }
        assertNoStackTrace();
        assertEquals("", stdout());
    }

    private void assertNoStackTrace() {
        assertFalse(stderr().contains("\tat "), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }
}
