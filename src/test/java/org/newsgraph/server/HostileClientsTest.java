package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.KnowledgeStore;

/** What a careless or hostile client can do to a running server: nothing but read, briefly, a bounded answer. */
class HostileClientsTest {

    @TempDir
    static Path tmp;
    static KnowledgeStore store;
    static NewsgraphServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String COUNT_EVENTS = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <" + NG.Event.getURI() + "> }";
    static final String CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    static final int MAX_ROWS = 7;

    @BeforeAll
    static void start() {
        store = KnowledgeStore.open(tmp.resolve("db"));
        Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
        // Every interface, so that a request can come from an address other than loopback.
        server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0).host("0.0.0.0")
                .queryTimeout(Duration.ofSeconds(1)).maxRows(MAX_ROWS).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> send(String base, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/csv");
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // A fresh connection each time: after refusing a write, the server may close the connection without reading
        // the body, and a pooled connection would then fail the next request rather than show its answer.
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return fresh.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String query(String base, String sparql) throws Exception {
        HttpResponse<String> r = send(base, "POST", "/kg/sparql", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static long eventCount() throws Exception {
        return Long.parseLong(query(server.url(), COUNT_EVENTS).lines().skip(1).findFirst().orElseThrow().strip());
    }

    @Test
    void aRunawayQueryIsCancelledWhileOtherClientsAreAnswered() throws Exception {
        long events = eventCount();
        List<CompletableFuture<HttpResponse<String>>> runaways = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // The second asks for ten minutes; clients may ask for less time than the server allows, never more.
            String timeout = i == 0 ? "" : "&timeout=600";
            runaways.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return send(server.url(), "POST", "/kg/sparql", "application/x-www-form-urlencoded",
                            "query=" + URLEncoder.encode(CROSS_PRODUCT, StandardCharsets.UTF_8) + timeout);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(events, eventCount(), "other clients are answered meanwhile");
        }
        for (CompletableFuture<HttpResponse<String>> runaway : runaways) {
            HttpResponse<String> r = runaway.get();
            assertNotEquals(200, r.statusCode(), "the cross product is cancelled, not answered: " + r.body());
            assertTrue(r.statusCode() == 503 || r.body().toLowerCase().contains("timeout")
                    || r.body().toLowerCase().contains("cancel"), r.statusCode() + " " + r.body());
        }
        assertEquals(events, eventCount(), "the server still answers");
    }

    @Test
    void answersAreCappedAtTheMaximumRows() throws Exception {
        assertEquals(MAX_ROWS, query(server.url(), "SELECT * WHERE { ?s ?p ?o }").lines().count() - 1);
        assertEquals(3, query(server.url(), "SELECT * WHERE { ?s ?p ?o } LIMIT 3").lines().count() - 1,
                "a smaller LIMIT stands");
        assertEquals(MAX_ROWS, query(server.url(), "SELECT * WHERE { ?s ?p ?o } LIMIT 100000").lines().count() - 1);
    }

    @Test
    void otherMachinesCanNeitherWriteNorAdminister() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no network address other than loopback");
        String base = "http://" + address.get().getHostAddress() + ":" + server.port();
        long events = eventCount();

        // Reading is what the server is for, from anywhere it listens.
        assertTrue(query(base, COUNT_EVENTS).contains(Long.toString(events)));

        assertEquals(403, send(base, "GET", "/$/datasets", null, null).statusCode(), "admin: list datasets");
        assertEquals(403, send(base, "GET", "/$/stats", null, null).statusCode(), "admin: statistics");
        assertEquals(403, send(base, "DELETE", "/$/datasets/kg", null, null).statusCode(), "admin: remove /kg");
        assertEquals(403, send(base, "POST", "/$/datasets", "application/x-www-form-urlencoded",
                "dbName=other&dbType=mem").statusCode(), "admin: add a dataset");
        assertEquals(403, send(base, "POST", "/$/compact/kg", null, null).statusCode(), "admin: compact");
        String drop = "update=" + URLEncoder.encode("DROP ALL", StandardCharsets.UTF_8);
        String triple = "<urn:x:s> <urn:x:p> <urn:x:o> .";
        for (HttpResponse<String> refused : List.of(
                send(base, "POST", "/kg/update", "application/x-www-form-urlencoded", drop),
                send(base, "POST", "/kg", "application/x-www-form-urlencoded", drop),
                send(base, "POST", "/kg/sparql", "application/sparql-update", "DROP ALL"),
                send(base, "POST", "/kg", "application/n-triples", triple),
                send(base, "PUT", "/kg/get?graph=urn:x:g", "application/n-triples", triple),
                send(base, "POST", "/kg/upload", "application/n-triples", triple),
                send(base, "POST", "/kg/data", "application/n-triples", triple))) {
            int status = refused.statusCode();
            assertTrue(status == 400 || status == 403 || status == 404 || status == 405 || status == 415,
                    refused.request().method() + " " + refused.uri() + " gave " + status);
        }
        assertEquals(events, eventCount(), "nothing changed");
        assertEquals("0", query(base, "SELECT (COUNT(*) AS ?n) WHERE { <urn:x:s> ?p ?o }").lines().skip(1)
                .findFirst().orElseThrow().strip());
    }

    @Test
    void theUpdateServiceRefusesWrongCredentialsAlikeAndNeverEchoesThem() throws Exception {
        Path config = Fixtures.fusekiConfig(Path.of("fuseki-config/config-update.ttl"), tmp, tmp.resolve("update-db"),
                "right-horse-battery");
        try (NewsgraphServer s = NewsgraphServer.create().config(config).port(0).build().start()) {
            HttpResponse<String> wrongPassword = put(s, "newsgraph", "wrong-horse");
            HttpResponse<String> wrongUser = put(s, "nobody", "right-horse-battery");
            HttpResponse<String> none = put(s, null, null);
            assertEquals(401, wrongPassword.statusCode());
            assertEquals(401, wrongUser.statusCode());
            assertEquals(401, none.statusCode());
            assertEquals(wrongPassword.body(), wrongUser.body(), "the answer does not say which part was wrong");
            for (HttpResponse<String> r : List.of(wrongPassword, wrongUser)) {
                String all = r.body() + r.headers().map();
                assertFalse(all.contains("horse") || all.contains("nobody"), "credentials echoed: " + all);
            }
            assertEquals(2, put(s, "newsgraph", "right-horse-battery").statusCode() / 100, "the right credentials are accepted");
        }
    }

    private static HttpResponse<String> put(NewsgraphServer s, String user, String password) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url() + "/kg/data?graph=urn:x:g"))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> ."));
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void serviceIsRefusedSoClientsCannotMakeTheServerFetchUrls() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer listener = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        listener.start();
        try {
            String sparql = "SELECT * WHERE { SERVICE <http://127.0.0.1:" + listener.getAddress().getPort()
                    + "/sparql> { ?s ?p ?o } }";
            HttpResponse<String> r = send(server.url(), "POST", "/kg/sparql", "application/x-www-form-urlencoded",
                    "query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
            assertNotEquals(200, r.statusCode(), r.body());
            assertEquals(0, asked.get(), "the server never contacted the address the client named");
            assertTrue(eventCount() > 0, "and goes on answering");
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void slowBodiesCannotStarveOtherClients() throws Exception {
        List<java.net.Socket> slow = new ArrayList<>();
        try {
            // 200 clients each promise a 100,000-byte query and send a few bytes of it, then stall.
            for (int i = 0; i < 200; i++) {
                java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port());
                socket.getOutputStream().write(("POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nquery=")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertTrue(eventCount() > 0, "a normal client is answered");
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5,
                    "and promptly, while the slow clients hold their connections");
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aQueryBodyOverTheCapIsRefusedWith413() throws Exception {
        String huge = "query=" + "%20".repeat(400_000) + URLEncoder.encode(COUNT_EVENTS, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(server.url(), "POST", "/kg/sparql", "application/x-www-form-urlencoded", huge);
        assertEquals(413, r.statusCode());
        assertTrue(eventCount() > 0, "and the server goes on answering");
    }

    @Test
    void aQueryStoppedByTheTimeLimitNeverAnswers200() throws Exception {
        // Three rows come at once, then a cross product runs into the one-second limit.
        String sparql = "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 } UNION "
                + "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(STRLEN(STR(?l)) < 0) BIND(?a AS ?s) } }";
        HttpResponse<String> r = send(server.url(), "POST", "/kg/sparql", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
        assertEquals(503, r.statusCode(), "a cut-off answer would read as a complete one: " + r.body());
    }

    @Test
    void expensiveExpressionsAreRefusedWith400BeforeTheyRun() throws Exception {
        String bomb = "SELECT * WHERE { BIND(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" AS ?x) FILTER(REGEX(?x, \"^(.*a){12}$\")) }";
        String ors = "SELECT * WHERE { ?s ?p ?o FILTER(" + "?o = 1 || ".repeat(70_000) + "?o = 2) }";
        String deep = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(".repeat(5_000) + "?o" + ")".repeat(5_000) + " = 1) }";
        for (String sparql : List.of(bomb, ors, deep)) {
            long start = System.nanoTime();
            HttpResponse<String> r = send(server.url(), "POST", "/kg/sparql", "application/sparql-query", sparql);
            assertEquals(400, r.statusCode(), sparql.substring(0, 60) + ": " + r.body());
            assertTrue(r.body().contains("refused") && r.body().lines().count() < 5, "one clear line, no stack trace: " + r.body());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "refused at once");
        }
        assertEquals("x", query(server.url(), "SELECT ?x WHERE { BIND(\"kursk\" AS ?x) FILTER(REGEX(?x, \"^k.*k$\")) }")
                .lines().findFirst().orElseThrow().strip(), "an ordinary REGEX still runs");
        assertTrue(eventCount() > 0);
    }

    @Test
    void adminRoutesAreReadOnlyWithoutAdminAndClosedToAProxysClients() throws Exception {
        String local = "http://127.0.0.1:" + server.port();
        assertEquals(200, send(local, "GET", "/$/ping", null, null).statusCode(), "reads from this machine");
        assertEquals(403, send(local, "DELETE", "/$/datasets/kg", null, null).statusCode(), "no change without --admin");
        assertEquals(403, send(local, "POST", "/$/backup/kg", null, null).statusCode(), "no backup without --admin");
        assertTrue(eventCount() > 0, "/kg is still served");
        try (NewsgraphServer proxied = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0)
                .behindProxy(true).build().start()) {
            HttpRequest viaProxy = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxied.port() + "/$/datasets"))
                    .header("X-Forwarded-For", "203.0.113.9").timeout(Duration.ofSeconds(30)).build();
            assertEquals(403, HTTP.send(viaProxy, HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "a request the proxy forwards is remote");
            assertEquals(200, send("http://127.0.0.1:" + proxied.port(), "GET", "/$/datasets", null, null).statusCode(),
                    "one made on this machine is not");
        }
    }
}
