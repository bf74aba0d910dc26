package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.CannedQueries;
import org.newsgraph.store.KnowledgeStore;

/** Repeated queries are answered from memory, and never with data older than the last commit. */
class AnswerCacheTest {

    static final String COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <" + NG.Article.getURI() + "> }";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path tmp;

    static HttpResponse<String> ask(NewsgraphServer server, String query, String accept, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    static String cache(HttpResponse<?> r) {
        return r.headers().firstValue(AnswerCache.HEADER).orElse("none");
    }

    static int count(HttpResponse<String> csv) {
        return Integer.parseInt(csv.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    Path articles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("articles"));
        try (var s = Files.list(Fixtures.ARTICLES)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void aRepeatedQueryIsAnsweredFromMemoryUntilTheNextCommit() throws Exception {
        Path articles = articles();
        String events = CannedQueries.bundled().byName("events").orElseThrow().text();
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
            try (NewsgraphServer server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0)
                    .console(false).build().start()) {
                HttpResponse<String> first = ask(server, events, "application/sparql-results+json");
                HttpResponse<String> again = ask(server, events, "application/sparql-results+json");
                assertEquals("miss", cache(first));
                assertEquals("hit", cache(again));
                assertEquals(first.body(), again.body());
                assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));
                assertTrue(first.body().contains("\"bindings\""), first.body());

                // An Accept header that chooses the same format shares the answer; another format is its own answer.
                assertEquals("hit", cache(ask(server, events, "application/sparql-results+json,*/*;q=0.9")));
                HttpResponse<String> csv = ask(server, events, "text/csv");
                assertEquals("miss", cache(csv));
                assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
                assertEquals("hit", cache(ask(server, events, "text/csv")));

                // Kept compressed: a client that takes gzip gets the stored bytes, which unpack to the same answer.
                HttpRequest zipped = HttpRequest.newBuilder(URI.create(server.url() + "/kg/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/sparql-results+json").header("Accept-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(events, StandardCharsets.UTF_8))).build();
                HttpResponse<byte[]> gz = HTTP.send(zipped, HttpResponse.BodyHandlers.ofByteArray());
                assertEquals("hit", cache(gz));
                assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
                assertTrue(gz.body().length * 3 < first.body().length(), "compressed " + gz.body().length);
                assertEquals(first.body(), new String(new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8));

                // An authenticated request may be answered for its user alone: it is never answered from memory.
                assertEquals("none", cache(ask(server, events, "application/sparql-results+json",
                        "Authorization", "Basic bmV3c2dyYXBoOnNlY3JldA==")));

                // A client may insist on a fresh evaluation.
                HttpResponse<String> fresh = ask(server, events, "application/sparql-results+json", "Cache-Control", "no-cache");
                assertEquals("miss", cache(fresh));
                assertEquals(first.body(), fresh.body());

                // A commit makes every kept answer stale: the next answer reads the new data.
                int before = count(ask(server, COUNT_ARTICLES, "text/csv"));
                assertEquals("hit", cache(ask(server, COUNT_ARTICLES, "text/csv")));
                Files.writeString(articles.resolve("zz-new.txt"),
                        "A new report\n\nNorth Korea sent 500 workers to Russia in May, officials in Seoul said.\n");
                Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
                HttpResponse<String> after = ask(server, COUNT_ARTICLES, "text/csv");
                assertEquals("miss", cache(after));
                assertEquals(before + 1, count(after));
                assertNotEquals(first.body(), ask(server, events, "application/sparql-results+json").body());
            }
        }
    }

    @Test
    void concurrentAskersOfANewQuestionShareOneEvaluation() throws Exception {
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
            try (NewsgraphServer server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0)
                    .console(false).build().start()) {
                String timeline = CannedQueries.bundled().byName("timeline").orElseThrow().text();
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        answers.add(pool.submit(() -> ask(server, timeline, "application/sparql-results+json")));
                    }
                    List<String> bodies = new ArrayList<>();
                    int misses = 0;
                    for (Future<HttpResponse<String>> f : answers) {
                        misses += cache(f.get()).equals("miss") ? 1 : 0;
                        bodies.add(f.get().body());
                    }
                    assertEquals(1, misses, "one evaluation for eight askers");
                    assertEquals(1, bodies.stream().distinct().count());
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void warmedQueriesAreReadyBeforeAnyoneAsksAndAfterEachRebuild() throws Exception {
        Path articles = articles();
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
            try (NewsgraphServer server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0)
                    .console(false).warm(List.of(COUNT_ARTICLES)).build().start()) {
                RebuildSchedulerTest.waitFor(server::answersReady, "the first answers are warmed");
                HttpResponse<String> ready = ask(server, COUNT_ARTICLES, "application/sparql-results+json");
                assertEquals("hit", cache(ready));
                Files.writeString(articles.resolve("zz-new.txt"),
                        "A new report\n\nNorth Korea sent 500 workers to Russia in May, officials in Seoul said.\n");
                Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
                RebuildSchedulerTest.waitFor(server::answersReady, "the rebuild's answers are warmed");
                HttpResponse<String> rebuilt = ask(server, COUNT_ARTICLES, "application/sparql-results+json");
                assertEquals("hit", cache(rebuilt));
                assertNotEquals(ready.body(), rebuilt.body());
            }
        }
    }

    @Test
    void withTheCacheOffEveryQueryIsEvaluated() throws Exception {
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
            try (NewsgraphServer server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0)
                    .console(false).answerCache(0).build().start()) {
                assertEquals("none", cache(ask(server, COUNT_ARTICLES, "text/csv")));
                assertEquals("none", cache(ask(server, COUNT_ARTICLES, "text/csv")));
            }
        }
    }
}
