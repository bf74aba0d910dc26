package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Fixtures;

/** kill -9 of a build in a real child process leaves the database with the previous build's content, and the next build completes. */
class KillDuringBuildTest {

    @TempDir
    Path tmp;

    @Test
    void aKilledBuildLeavesThePreviousGraph() throws Exception {
        Path db = tmp.resolve("db");
        Set<String> before;
        long quadsBefore;
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
            before = store.articleStates().keySet();
            quadsBefore = store.size();
        }
        Path big = Corpora.samples(tmp.resolve("big"), 200);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.newsgraph.cli.Main",
                "build", "--articles", big.toString(), "--db", db.toString(), "--threads", "2")
                .redirectErrorStream(true).start();
        CountDownLatch reading = new CountDownLatch(1);
        StringBuffer output = new StringBuffer();
        Thread watcher = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains("Reading")) {
                        reading.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child is gone
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        assertTrue(reading.await(60, TimeUnit.SECONDS), () -> "the child build started reading:\n" + output);
        Thread.sleep(2500);
        assertTrue(child.isAlive(), "the build was still running when killed (make the corpus larger if this fails)");
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            assertEquals(before, store.articleStates().keySet(), "exactly the previous build's articles");
            assertEquals(quadsBefore, store.size(), "exactly the previous build's content");
            assertEquals(1, Fixtures.rows(store.select("SELECT ?b WHERE { ?b a <https://w3id.org/newsgraph/ontology#Build> }")).size());
            BuildSummary next = Fixtures.newsgraph().build(big, store, BuildListener.NONE);
            assertEquals(200, next.added());
            assertEquals(before.size(), next.removed());
            assertEquals(List.of(), next.errors());
        }
    }
}
