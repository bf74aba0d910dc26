package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TDB2's storage generations, beside {@link KnowledgeStore}: a database folder holds Data-0001, Data-0002, ... and
 * TDB2 opens the highest; compaction writes the next one and deletes the older. What an interrupted deletion leaves
 * is never read again, so it is removed when the database is opened.
 */
final class Tdb2Generations {

    private static final Logger LOG = LoggerFactory.getLogger(Tdb2Generations.class);

    private Tdb2Generations() {
    }

    /** The Data-NNNN folders, oldest first. */
    static List<Path> folders(Path db) {
        if (!Files.isDirectory(db)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(db)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("Data-\\d+"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the database folder " + db, e);
        }
    }

    /** Deletes every generation but the one TDB2 opens (the highest); returns how many were removed. */
    static int removeStale(Path db) {
        List<Path> all = folders(db);
        int removed = 0;
        for (Path stale : all.subList(0, Math.max(0, all.size() - 1))) {
            LOG.info("Removing {}: an older storage generation an interrupted compaction left", stale);
            try (Stream<Path> s = Files.walk(stale)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.warn("Cannot remove {} ({})", stale, e.getMessage());
                continue;
            }
            removed++;
        }
        return removed;
    }

    /**
     * The bytes the current generation takes on disk. TDB2's index files are sparse and their lengths grow in 8 MB
     * steps, so the blocks in use are asked of du where the system has it; the files' lengths are the fallback (they
     * overstate a small database, not a large one).
     */
    static long currentBytes(Path db) {
        List<Path> all = folders(db);
        if (all.isEmpty()) {
            return 0;
        }
        Path current = all.get(all.size() - 1);
        Long used = diskUsage(current);
        if (used != null) {
            return used;
        }
        try (Stream<Path> s = Files.walk(current)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Long diskUsage(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return Long.parseLong(out.strip().split("\\s+")[0]) * 1024;
        } catch (IOException | NumberFormatException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
