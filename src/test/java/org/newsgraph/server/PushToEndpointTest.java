package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Fixtures;
import org.newsgraph.cli.Main;
import org.newsgraph.rdf.NG;

/** build --endpoint pushes changed graphs to a stock Fuseki configured by fuseki-config/config-update.ttl, authenticated. */
class PushToEndpointTest {

    @TempDir
    Path tmp;

    @Test
    void pushesOnlyWhatChangedWithTheRightCredentialsOnly() throws Exception {
        Path config = Fixtures.fusekiConfig(Path.of("fuseki-config/config-update.ttl"), tmp, tmp.resolve("db"), "s3cret-words");
        Path good = tmp.resolve("good");
        Files.writeString(good, "s3cret-words\n");
        Path bad = tmp.resolve("bad");
        Files.writeString(bad, "guess\n");
        try (NewsgraphServer server = NewsgraphServer.create().config(config).port(0).build().start()) {
            String endpoint = server.url() + "/kg";
            String[] push = {"build", "--articles", Fixtures.ARTICLES.toString(), "--endpoint", endpoint, "--user", "newsgraph"};

            Run first = run(push, "--password-file", good.toString());
            assertEquals(0, first.code, first.err);
            assertTrue(first.out.contains("(added 9, changed 0, removed 0, unchanged 0)"), first.out);
            assertEquals(9, articleCount(server));

            Run again = run(push, "--password-file", good.toString());
            assertTrue(again.out.contains("(added 0, changed 0, removed 0, unchanged 9)"), again.out);

            Run refused = run(push, "--password-file", bad.toString(), "--full");
            assertEquals(1, refused.code);
            assertTrue(refused.err.contains("refused the credentials"), refused.err);
            assertFalse(refused.err.contains("guess") || refused.err.contains("s3cret"), "no password in messages");
            assertEquals(9, articleCount(server), "nothing changed");

            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint + "/data?graph=urn:x:y")).header("Content-Type", "application/n-triples")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String[] base, String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more)).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    static int articleCount(NewsgraphServer server) throws Exception {
        String q = java.net.URLEncoder.encode("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <" + NG.Article.getURI() + "> }",
                StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/kg/sparql?query=" + q))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(r.body().lines().skip(1).findFirst().orElse("-1").strip());
    }
}
