package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.CannedQueries;
import org.newsgraph.store.KnowledgeStore;

/** Serves a real TDB2 database with an embedded Fuseki on a free port and talks to it over HTTP. */
class ServerTest {

    @TempDir
    static Path tmp;
    static KnowledgeStore store;
    static NewsgraphServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String COUNT_EVENTS = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <" + NG.Event.getURI() + "> }";

    @BeforeAll
    static void start() {
        store = KnowledgeStore.open(tmp.resolve("db"));
        Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
        server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form) throws Exception {
        return post(path, form, "*/*");
    }

    static HttpResponse<String> post(String path, String form, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long eventCount(String endpoint) throws Exception {
        HttpResponse<String> r = get(endpoint + "?query=" + enc(COUNT_EVENTS), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    @Test
    void aCappedAnswerIsSortedInMemoryOfTheCapNotOfEveryRow() {
        // The server caps answers at 10,000 rows; ARQ keeps a heap of that many rows for ORDER BY only when its
        // top-N threshold is above the cap, and otherwise sorts every row (all events of a store) in memory.
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(
                "SELECT ?e ?d WHERE { ?e <" + NG.date.getURI() + "> ?d } ORDER BY ?d LIMIT " + NewsgraphServer.DEFAULT_MAX_ROWS);
        org.apache.jena.sparql.algebra.Op op = org.apache.jena.sparql.algebra.Algebra.optimize(
                org.apache.jena.sparql.algebra.Algebra.compile(q));
        assertTrue(op.toString().contains("(top "), op.toString());
        // Sorts, DISTINCT and groupings over more rows than that spill to disk rather than fill the heap.
        assertEquals(100_000L, ((Number) org.apache.jena.query.ARQ.getContext().get(org.apache.jena.query.ARQ.spillToDiskThreshold)).longValue());
    }

    @Test
    void sparqlEndpointsAnswerOverTheUnionOfGraphs() throws Exception {
        long expected = Fixtures.rows(store.select(COUNT_EVENTS)).size() == 1
                ? Long.parseLong(Fixtures.str(Fixtures.rows(store.select(COUNT_EVENTS)).get(0), "n")) : -1;
        assertTrue(expected > 10);
        assertEquals(expected, eventCount("/kg/sparql"));
        assertEquals(expected, eventCount("/kg/query"));
        assertEquals(expected, eventCount("/kg"));
    }

    @Test
    void answersInSparqlJson() throws Exception {
        HttpResponse<String> r = get("/kg/sparql?query=" + enc("SELECT ?doc WHERE { ?a <" + NG.fileName.getURI() + "> ?doc }"),
                "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(r.body().contains("\"treaty.txt\""), r.body());
    }

    @Test
    void graphStoreReadsANamedGraph() throws Exception {
        HttpResponse<String> r = get("/kg/get?graph=" + enc(NG.ENTITIES_GRAPH), "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"North Korea\"@en"));
    }

    @Test
    void isReadOnly() throws Exception {
        long before = eventCount("/kg/sparql");
        String clear = "update=" + enc("CLEAR ALL");
        for (String path : new String[] {"/kg/update", "/kg/sparql", "/kg", "/kg/query"}) {
            HttpResponse<String> r = post(path, clear);
            assertNotEquals(200, r.statusCode(), path + " accepted an update");
            assertNotEquals(204, r.statusCode(), path + " accepted an update");
        }
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/kg/get?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(upload.statusCode() >= 400, "graph store accepted a PUT: " + upload.statusCode());
        assertEquals(before, eventCount("/kg/sparql"));
    }

    @Test
    void servesTheConsoleAndItsAdminRoutesOnLoopback() throws Exception {
        HttpResponse<String> page = get("/", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().toLowerCase().contains("<html"), "console page");
        HttpResponse<String> datasets = get("/$/datasets", "application/json");
        assertEquals(200, datasets.statusCode());
        assertTrue(datasets.body().contains("\"/kg\""));
        assertEquals(200, get("/$/ping", "text/plain").statusCode());
    }

    @Test
    void adminRoutesRefuseOtherMachines() {
        assertTrue(LoopbackOnlyFilter.isLoopback("127.0.0.1"));
        assertTrue(LoopbackOnlyFilter.isLoopback("::1"));
        assertTrue(LoopbackOnlyFilter.isLoopback("[0:0:0:0:0:0:0:1]"));
        assertFalse(LoopbackOnlyFilter.isLoopback("10.1.2.3"));
        assertFalse(LoopbackOnlyFilter.isLoopback("192.168.0.7"));
        assertFalse(LoopbackOnlyFilter.isLoopback(null));
    }

    @Test
    void theQuestionsPageLinksEveryCannedQueryIntoTheConsole() throws Exception {
        HttpResponse<String> page = get("/queries", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (CannedQueries.CannedQuery q : CannedQueries.bundled().all()) {
            String link = "/#/dataset/kg/query?query=" + enc(q.text());
            assertTrue(page.body().contains(CannedQueriesServlet.escape(link)), "console link for " + q.name());
            assertTrue(page.body().contains(CannedQueriesServlet.escape(q.question())), "question of " + q.name());
            HttpResponse<String> text = get("/queries/" + q.name() + ".rq", "*/*");
            assertEquals(200, text.statusCode());
            assertEquals(q.text(), text.body());
        }
        assertEquals(404, get("/queries/no-such-query.rq", "*/*").statusCode());
        assertTrue(page.body().contains(CannedQueriesServlet.escape("PREFIX ng: <" + NG.NS + ">")), "the prefixes");
        assertTrue(page.body().contains(CannedQueriesServlet.escape("query=" + enc(CannedQueriesServlet.starterQuery()))));
        assertTrue(Fixtures.rows(store.select(CannedQueriesServlet.starterQuery())).size() >= 10,
                "the starter query finds events");
    }

    @Test
    void thePageEscapesWhatItShows() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                CannedQueriesServlet.escape("<script>alert('x')</script> & \"q\""));
    }

    @Test
    void theEventsQueryOverHttpGivesTheRowsItGivesOverTheStore() throws Exception {
        String events = CannedQueries.bundled().byName("events").orElseThrow().text();
        HttpResponse<String> r = post("/kg/query", "query=" + enc(events), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        org.apache.jena.query.ResultSet overHttp = org.apache.jena.riot.ResultSetMgr.read(
                new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                org.apache.jena.riot.resultset.ResultSetLang.RS_JSON);
        java.util.List<String> httpRows = new java.util.ArrayList<>();
        overHttp.forEachRemaining(row -> httpRows.add(row.toString()));
        java.util.List<String> storeRows = Fixtures.rows(store.select(events)).stream().map(Object::toString).toList();
        assertTrue(storeRows.size() >= 10, "the fixtures give events: " + storeRows.size() + " " + httpRows.size());
        assertEquals(storeRows.stream().sorted().toList(), httpRows.stream().sorted().toList());
    }
}
