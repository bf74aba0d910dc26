package org.newsgraph.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Newsgraph;
import org.newsgraph.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a served database from its article folder: every so often, and (with watching on) shortly after files
 * change. Builds never overlap; each is one write transaction, so readers see the previous graph until it commits.
 */
public final class RebuildScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildScheduler.class);

    private final Newsgraph newsgraph;
    private final KnowledgeStore store;
    private final Path articles;
    private final Duration debounce;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "newsgraph-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
    private volatile BuildSummary last;
    private WatchService watcher;
    private Thread watchThread;

    private RebuildScheduler(Newsgraph newsgraph, KnowledgeStore store, Path articles, Duration debounce) {
        this.newsgraph = newsgraph;
        this.store = store;
        this.articles = articles;
        this.debounce = debounce;
        // On close, rebuilds not yet started are dropped; one under way finishes (see close()).
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    public static RebuildScheduler create(Newsgraph newsgraph, KnowledgeStore store, Path articles, Duration debounce) {
        return new RebuildScheduler(newsgraph, store, articles, debounce);
    }

    /** Rebuilds every {@code period}, the first time after one period. */
    public RebuildScheduler every(Duration period) {
        executor.scheduleWithFixedDelay(this::rebuild, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Rebuilds shortly after files under the folder change; a burst of changes gives one rebuild. */
    public RebuildScheduler watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        Files.walkFileTree(articles, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
        watchThread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    key.pollEvents();
                    key.reset();
                    soon();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: stop watching
            }
        }, "newsgraph-watch");
        watchThread.setDaemon(true);
        watchThread.start();
        return this;
    }

    /** Schedules a rebuild after the debounce delay, replacing one already waiting. */
    public void soon() {
        ScheduledFuture<?> next;
        try {
            next = executor.schedule(this::rebuild, debounce.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return;
        }
        ScheduledFuture<?> previous = pending.getAndSet(next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** The last build's summary, or null before the first. */
    public BuildSummary last() {
        return last;
    }

    private void rebuild() {
        try {
            BuildSummary s = newsgraph.build(articles, store, BuildListener.NONE);
            last = s;
            LOG.info("Rebuilt: {}", s.line());
            long[] compacted = store.compactIfWorthwhile(s.triples());
            if (compacted != null) {
                LOG.info("Compacted the database: {} quads rewritten since the last compaction, {} live", compacted[0], compacted[1]);
            }
        } catch (RuntimeException e) {
            // The previous graph stays; the next rebuild tries again.
            LOG.error("Rebuild failed, the previous graph is still served: {}", e.toString());
        }
    }

    /**
     * Stops scheduling and waits for a rebuild under way to commit, so the store can be closed after. The rebuild is
     * not interrupted: an interrupt inside TDB2's file I/O closes its channels and leaves the transaction open.
     */
    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("Closing the file watcher", e);
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("A rebuild is still running after five minutes; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
