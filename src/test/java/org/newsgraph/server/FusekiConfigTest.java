package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.KnowledgeStore;

/** Starts Fuseki from every file in fuseki-config/ (pointed at a database built here) and queries it. */
class FusekiConfigTest {

    @TempDir
    Path tmp;

    @Test
    void everyConfigFileServesTheKnowledgeGraph() throws Exception {
        Path db = tmp.resolve("db");
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
        }
        List<Path> configs;
        try (Stream<Path> s = Files.list(Path.of("fuseki-config"))) {
            configs = s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
        assertTrue(configs.contains(Path.of("fuseki-config/config.ttl")));
        for (Path config : configs) {
            String text = Files.readString(config);
            assertTrue(text.contains("tdb2:location \"target/db\""), config + " names its database as tdb2:location \"target/db\"");
            Path copy = Fixtures.fusekiConfig(config, tmp, db, "test-password");
            try (NewsgraphServer server = NewsgraphServer.create().config(copy).port(0).build().start()) {
                String q = "SELECT ?doc WHERE { ?a <" + NG.fileName.getURI() + "> ?doc } ORDER BY ?doc";
                for (String endpoint : List.of("/kg/sparql", "/kg/query")) {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            server.url() + endpoint + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), config + " " + endpoint);
                    List<String> docs = r.body().lines().skip(1).map(String::strip).toList();
                    assertEquals(9, docs.size(), config + ": union default graph holds every article: " + docs);
                    assertTrue(docs.contains("treaty.txt"));
                }
            }
        }
    }
}
