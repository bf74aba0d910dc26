package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.KnowledgeStore;

/** A client querying all through a rebuild of a served database sees no failure and never a half-built state. */
class RebuildWhileServingTest {

    @TempDir
    Path tmp;

    @Test
    void queriesSeeAllOfABuildOrNoneOfIt() throws Exception {
        Path big = tmp.resolve("big");
        java.nio.file.Files.createDirectories(big);
        for (int i = 0; i < 300; i++) {
            java.nio.file.Files.writeString(big.resolve("a" + i + ".txt"), "Report " + i
                    + "\n\nNorth Korea sent " + (100 + i) + " soldiers to Russia on Monday, officials in Seoul said.\n");
        }
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
            try (NewsgraphServer server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0).build().start()) {
                String url = server.url() + "/kg/sparql?query=" + URLEncoder.encode(
                        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <" + NG.Article.getURI() + "> }", StandardCharsets.UTF_8);
                HttpClient http = HttpClient.newHttpClient();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger failures = new AtomicInteger();
                List<Integer> seen = new CopyOnWriteArrayList<>();
                Thread client = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/csv").build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            } else {
                                seen.add(Integer.parseInt(r.body().lines().skip(1).findFirst().orElse("-1").strip()));
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                });
                client.start();
                Thread.sleep(300);
                BuildSummary rebuild = Fixtures.newsgraph().build(big, store, BuildListener.NONE);
                int countAtEnd = seen.size();
                while (seen.size() < countAtEnd + 10) {
                    Thread.sleep(20);
                }
                stop.set(true);
                client.join();

                assertEquals(300, rebuild.added());
                assertEquals(0, failures.get(), "failed queries");
                Set<Integer> states = new TreeSet<>(seen);
                assertEquals(Set.of(9, 300), states, "only the old and the new state, never a half-built one");
                assertTrue(seen.size() > 20, "the client kept querying: " + seen.size());
            }
        }
    }
}
