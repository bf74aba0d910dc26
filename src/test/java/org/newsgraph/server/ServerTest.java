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
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
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
}
