package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Fixtures;
import org.newsgraph.Newsgraph;

/** Twenty full rebuilds of the same corpus keep the database within a bound: it is compacted when worthwhile. */
class CompactionTest {

    @TempDir
    Path tmp;

    /** Disk blocks in use, as du reports them: TDB2's files are sparse, so their lengths say nothing. */
    static long usedKilobytes(Path dir) throws Exception {
        Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "needs du: " + out);
        return Long.parseLong(out.split("\\s+")[0]);
    }

    @Test
    void repeatedRebuildsStayBounded() throws Exception {
        Path db = tmp.resolve("db");
        long afterFirst = 0;
        long largest = 0;
        int compactions = 0;
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            for (int i = 0; i < 20; i++) {
                Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE, Newsgraph.Mode.FULL);
                if (store.compactIfWorthwhile() != null) {
                    compactions++;
                }
                long used = usedKilobytes(db);
                afterFirst = i == 0 ? used : afterFirst;
                largest = Math.max(largest, used);
            }
        }
        // The first build wrote into an empty database and counts as no rewrite; the later ones do.
        assertTrue(compactions >= 1, "compacted " + compactions + " times");
        assertTrue(largest <= 4 * afterFirst, "largest " + largest + " KB against " + afterFirst + " KB after the first build");
    }

    @Test
    void aFirstBuildIsNoRewrite() {
        // A fresh database written in one transaction has no earlier version to reclaim: compacting it after the next
        // small rebuild would copy the whole database (18 GB at 100,000 articles) for nothing.
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("fresh"))) {
            BuildSummary first = Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE, Newsgraph.Mode.FULL);
            assertNull(store.compactIfWorthwhile(first.triples()));
            BuildSummary next = Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE, Newsgraph.Mode.INCREMENTAL);
            assertNull(store.compactIfWorthwhile(next.triples()), "compacted after a rebuild that changed nothing");
        }
    }

    @Test
    void manySmallRebuildsStayWithinThreeTimesTheCompactedSize() throws Exception {
        // One article changed per rebuild rewrites few quads but copies whole index pages each time.
        Path articles = java.nio.file.Files.createDirectories(tmp.resolve("articles"));
        try (var files = java.nio.file.Files.list(Fixtures.ARTICLES)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, articles.resolve(f.getFileName()));
            }
        }
        Path db = tmp.resolve("small-db");
        long compactedSize;
        long largest = 0;
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            // A database written in one transaction is as compact as it gets.
            BuildSummary first = Fixtures.newsgraph().build(articles, store, BuildListener.NONE, Newsgraph.Mode.FULL);
            store.compactIfWorthwhile(first.triples());
            compactedSize = usedKilobytes(db);
            for (int i = 0; i < 30; i++) {
                java.nio.file.Files.writeString(articles.resolve("changing.txt"), "Border talks\n\nGhana and Togo held talks in "
                        + "Lome on Monday, round " + i + ".\n");
                BuildSummary s = Fixtures.newsgraph().build(articles, store, BuildListener.NONE, Newsgraph.Mode.INCREMENTAL);
                store.compactIfWorthwhile(s.triples());
                largest = Math.max(largest, usedKilobytes(db));
            }
        }
        assertTrue(largest <= 3 * compactedSize, "largest " + largest + " KB against " + compactedSize + " KB compacted");
    }

    @Test
    void whatAnInterruptedCompactionLeftIsRemovedOnOpen() throws Exception {
        Path db = tmp.resolve("left-db");
        long events;
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE, Newsgraph.Mode.FULL);
            org.apache.jena.tdb2.DatabaseMgr.compact(store.dataset().asDatasetGraph(), true);
            events = store.size();
        }
        // A kill during compaction's delete leaves the old generation half deleted beside the new one.
        Path stale = java.nio.file.Files.createDirectories(db.resolve("Data-0001"));
        java.nio.file.Files.write(stale.resolve("nodes.dat"), new byte[1 << 20]);
        try (KnowledgeStore store = KnowledgeStore.open(db)) {
            assertTrue(java.nio.file.Files.notExists(stale), "the stale generation is gone");
            assertTrue(java.nio.file.Files.isDirectory(db.resolve("Data-0002")), "the current one stays");
            org.junit.jupiter.api.Assertions.assertEquals(events, store.size(), "and holds every quad");
        }
    }
}
