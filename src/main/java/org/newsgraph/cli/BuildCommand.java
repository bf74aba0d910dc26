package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.dboe.DBOpEnvException;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Newsgraph;
import org.newsgraph.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph build}: reads the articles and writes the knowledge graph into the database. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Reads every article under a folder, extracts events and writes one named graph per article "
                + "into a TDB2 database (created if absent). Incremental: only articles whose text, metadata or extractor "
                + "changed are read again; articles gone from the folder lose their graph; a file that now fails keeps "
                + "its previous graph. One transaction: readers see all of a build or none of it.")
public final class BuildCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BuildCommand.class);

    @Option(names = "--articles", required = true, paramLabel = "DIR", description = "Folder of articles (.txt, .html, .jsonl).")
    Path articles;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder (or --endpoint).")
    Path db;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A Fuseki dataset to push to instead of --db (e.g. http://localhost:3030/kg), with --user and "
                    + "--password-file; writes through its authenticated Graph Store endpoint URL/data.")
    String endpoint;

    @Option(names = "--user", paramLabel = "USER", description = "User for --endpoint.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password for --endpoint.")
    Path passwordFile;

    @Option(names = "--ontology", paramLabel = "DIR", description = "Ontology folder to use instead of the bundled copy.")
    Path ontology;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: all cores).")
    Integer threads;

    @Option(names = "--full", description = "Re-extract every article, not only those whose text, metadata or extractor changed.")
    boolean full;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0",
            description = "Drop events whose confidence is below X (0..1, default ${DEFAULT-VALUE}).")
    double minConfidence;

    @Override
    public Integer call() {
        Options.readableDirectory(articles, "articles folder");
        if (minConfidence < 0 || minConfidence > 1) {
            throw new UserException("--min-confidence must be between 0 and 1, not " + minConfidence);
        }
        if ((db == null) == (endpoint == null)) {
            throw new UserException("build needs either --db DIR or --endpoint URL");
        }
        if (endpoint != null) {
            return push();
        }
        if (java.nio.file.Files.exists(db) && !java.nio.file.Files.isDirectory(db)) {
            throw new UserException("database path is a file, not a folder: " + db);
        }
        Newsgraph.Builder b = Newsgraph.create().ontology(Options.ontology(ontology)).minConfidence(minConfidence);
        if (threads != null) {
            b.threads(threads);
        }
        Newsgraph ng = b.build();
        KnowledgeStore store;
        try {
            store = KnowledgeStore.open(db);
        } catch (DBOpEnvException e) {
            throw new UserException("cannot open the database " + db + " (is a server using it?): " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new UserException("cannot create the database folder " + db + ": " + e.getCause().getMessage(), e);
        }
        try (store; Progress progress = new Progress()) {
            BuildSummary s = ng.build(articles, store, progress, full ? Newsgraph.Mode.FULL : Newsgraph.Mode.INCREMENTAL);
            progress.close();
            System.out.println(s.line());
            long[] compacted = store.compactIfWorthwhile(s.triples());
            if (compacted != null) {
                LOG.info("Compacted the database: {} quads rewritten since the last compaction, {} live", compacted[0], compacted[1]);
            }
            return ExitCodes.OK;
        }
    }

    private Integer push() {
        if (user == null || passwordFile == null) {
            throw new UserException("--endpoint needs --user USER and --password-file FILE");
        }
        Options.readableFile(passwordFile, "password file");
        char[] password;
        try {
            String first = java.nio.file.Files.readAllLines(passwordFile).stream().findFirst().orElse("");
            password = first.strip().toCharArray();
        } catch (java.io.IOException e) {
            throw new UserException("cannot read the password file " + passwordFile);
        }
        if (!endpoint.matches("https?://\\S+")) {
            throw new UserException("--endpoint must be an http(s) URL: " + endpoint);
        }
        Newsgraph.Builder b = Newsgraph.create().ontology(Options.ontology(ontology)).minConfidence(minConfidence);
        if (threads != null) {
            b.threads(threads);
        }
        org.newsgraph.store.RemoteGraphStore remote = org.newsgraph.store.RemoteGraphStore.create(endpoint, user, password);
        java.util.Arrays.fill(password, '\0');
        try (Progress progress = new Progress()) {
            BuildSummary s = b.build().push(articles, remote, progress, full ? Newsgraph.Mode.FULL : Newsgraph.Mode.INCREMENTAL);
            progress.close();
            System.out.println(s.line());
            return ExitCodes.OK;
        } catch (org.newsgraph.store.RemoteGraphStore.RemoteException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** A progress bar on a terminal (files, articles per second, ETA); a log line every few seconds otherwise. */
    private static final class Progress implements BuildListener, AutoCloseable {
        private ProgressBar bar;
        private int total;
        private int done;
        private long articles;
        private final long start = System.nanoTime();
        private long lastLog = start;

        @Override
        public void started(int files) {
            total = files;
            if (System.console() != null) {
                bar = new ProgressBarBuilder().setTaskName("build").setInitialMax(files).setUnit(" files", 1)
                        .setStyle(ProgressBarStyle.ASCII).showSpeed()
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build();
            } else {
                LOG.info("Reading {} files", files);
            }
        }

        @Override
        public synchronized void fileDone(String file, int articlesInFile) {
            done++;
            articles += articlesInFile;
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - start) / 1e9);
            String rate = String.format(java.util.Locale.ROOT, "%d articles, %.1f articles/s", articles, articles / seconds);
            if (bar != null) {
                bar.setExtraMessage(" " + rate);
                bar.step();
            } else if (now - lastLog > 5_000_000_000L || done == total) {
                long eta = Math.round(seconds / done * (total - done));
                LOG.info("{} of {} files, {}, about {} s to go", done, total, rate, eta);
                lastLog = now;
            }
        }

        @Override
        public void error(String message) {
            if (bar != null) {
                bar.pause();
            }
            LOG.error(message);
            if (bar != null) {
                bar.resume();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
