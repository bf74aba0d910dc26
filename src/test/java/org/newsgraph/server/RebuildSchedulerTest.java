package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.store.KnowledgeStore;

/** The server rebuilds its database when the article folder changes and on a schedule. */
class RebuildSchedulerTest {

    @TempDir
    Path tmp;

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void watchingRebuildsAfterChanges() throws Exception {
        Path articles = Files.createDirectories(tmp.resolve("articles"));
        Files.writeString(articles.resolve("one.txt"), "One\n\nJapan and Canada held talks in Ottawa on Monday.\n");
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(articles, store, BuildListener.NONE);
            try (RebuildScheduler scheduler = RebuildScheduler.create(Fixtures.newsgraph(), store, articles, Duration.ofMillis(300)).watch()) {
                Files.writeString(articles.resolve("two.txt"), "Two\n\nChina sent 300 engineers to Laos, officials said.\n");
                Files.writeString(articles.resolve("three.txt"), "Three\n\nBrazil recognised Palestine in 2010.\n");
                // The build commits before the scheduler records its summary: wait for both.
                waitFor(() -> store.articleStates().size() == 3 && scheduler.last() != null, "both new articles are in");
                assertEquals(2, scheduler.last().added(), "a burst of changes gives one rebuild");
                Files.delete(articles.resolve("one.txt"));
                waitFor(() -> store.articleStates().size() == 2, "the deleted article is gone");
            }
        }
    }

    @Test
    void rebuildsOnASchedule() throws Exception {
        Path articles = Files.createDirectories(tmp.resolve("articles"));
        Files.writeString(articles.resolve("one.txt"), "One\n\nJapan and Canada held talks in Ottawa on Monday.\n");
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"));
             RebuildScheduler scheduler = RebuildScheduler.create(Fixtures.newsgraph(), store, articles, Duration.ofMillis(100))
                     .every(Duration.ofMillis(500))) {
            waitFor(() -> store.articleStates().size() == 1, "the first scheduled build ran");
            Files.writeString(articles.resolve("two.txt"), "Two\n\nChina sent 300 engineers to Laos, officials said.\n");
            waitFor(() -> store.articleStates().size() == 2, "the next scheduled build took the new article");
        }
    }
}
