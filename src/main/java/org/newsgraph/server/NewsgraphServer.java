package org.newsgraph.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.FMod_Admin;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Fuseki over the knowledge graph: dataset /kg, read-only, with the web console at /.
 * <pre>{@code
 * NewsgraphServer s = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0).build().start();
 * }</pre>
 */
public final class NewsgraphServer implements AutoCloseable {

    /** The dataset's name in URLs. */
    public static final String DATASET = "/kg";
    public static final java.time.Duration DEFAULT_QUERY_TIMEOUT = java.time.Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_ROWS = 10_000;
    /** Memory for answers kept until the next commit (see {@link AnswerCache}). */
    public static final long DEFAULT_ANSWER_CACHE_BYTES = 256L << 20;

    private final FusekiServer server;
    private final AnswerWarmer warmer;
    private final BoundedQueryService queries;
    private final String host;

    private NewsgraphServer(FusekiServer server, AnswerWarmer warmer, BoundedQueryService queries, String host) {
        this.server = server;
        this.warmer = warmer;
        this.queries = queries;
        this.host = host;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The largest query sent by POST, and the largest other body (a pushed graph): larger ones get 413. */
    static final long MAX_QUERY_BYTES = 1_000_000;
    static final long MAX_DATA_BYTES = 256_000_000;
    /** A request body sent slower than this is cut off; a connection silent this long is closed. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1_024;
    static final long IDLE_TIMEOUT_MILLIS = 10_000;
    /** Enough threads that slow or idle connections cannot take every one a reader needs. */
    static final int MAX_THREADS = 500;

    /** Builder for {@link NewsgraphServer}. */
    public static final class Builder {
        private DatasetGraph dataset;
        private Path config;
        private int port = 3030;
        private String host = "127.0.0.1";
        private boolean console = true;
        private boolean allowService;
        private boolean admin;
        private boolean behindProxy;
        private java.time.Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private long maxRows = DEFAULT_MAX_ROWS;
        private long answerCacheBytes = DEFAULT_ANSWER_CACHE_BYTES;
        private List<String> warmQueries = List.of();

        /** The dataset to serve as /kg (its context should set the union default graph). */
        public Builder dataset(DatasetGraph dsg) {
            this.dataset = dsg;
            return this;
        }

        /** Serve what a Fuseki configuration file describes instead of {@link #dataset}. */
        public Builder config(Path file) {
            this.config = file;
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /** The address to listen on; 127.0.0.1 by default. */
        public Builder host(String h) {
            this.host = h;
            return this;
        }

        /**
         * Whether queries may use SERVICE to ask other endpoints; off by default, since it lets any client make the
         * server fetch any URL (including ones only the server can reach).
         */
        public Builder allowService(boolean allow) {
            this.allowService = allow;
            return this;
        }

        /** Whether the admin routes (from this machine only) may change state: delete datasets, back up, compact. */
        public Builder admin(boolean allow) {
            this.admin = allow;
            return this;
        }

        /**
         * Whether a reverse proxy on this machine forwards the requests: then a request carrying X-Forwarded-For or
         * Forwarded is treated as remote, so the admin routes stay closed to the proxy's clients.
         */
        public Builder behindProxy(boolean proxied) {
            this.behindProxy = proxied;
            return this;
        }

        /** Whether to serve the web console (and the admin routes it needs); on by default. */
        public Builder console(boolean c) {
            this.console = c;
            return this;
        }

        /** The longest a query may run before it is cancelled; 10 seconds by default. */
        public Builder queryTimeout(java.time.Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the query timeout must be positive: " + timeout);
            }
            this.queryTimeout = timeout;
            return this;
        }

        /** The most rows an answer may have (a LIMIT is imposed); 10,000 by default, 0 for no cap. */
        public Builder maxRows(long rows) {
            this.maxRows = rows;
            return this;
        }

        /** Memory for answers kept until the database next commits; 256 MB by default, 0 to evaluate every query. */
        public Builder answerCache(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the answer cache cannot be negative: " + bytes);
            }
            this.answerCacheBytes = bytes;
            return this;
        }

        /**
         * Queries to answer ahead of any client each time the data change (with the answer cache on and a
         * {@link #dataset}), as JSON results: a rebuild's first reader then finds them ready.
         */
        public Builder warm(List<String> queries) {
            this.warmQueries = List.copyOf(queries);
            return this;
        }

        public NewsgraphServer build() {
            useTemporaryFusekiBase();
            // At scale the canned queries take minutes; the warmer may take ten, clients never more than the limit.
            TimeLimits limits = TimeLimits.of(queryTimeout.toMillis(), java.time.Duration.ofMinutes(10).toMillis());
            // Every query, of a --db or a --config server, sorts in memory of the cap, not of the store.
            org.newsgraph.store.KnowledgeStore.boundQueryMemory(maxRows);
            BoundedQueryService queries = new BoundedQueryService(limits, maxRows, allowService);
            FusekiServer.Builder b = FusekiServer.create().port(port).enablePing(true).enableStats(true)
                    .numServerThreads(8, MAX_THREADS).registerOperation(Operation.Query, queries);
            b.addFilter("/*", new RequestSizeFilter(MAX_QUERY_BYTES, MAX_DATA_BYTES));
            if (answerCacheBytes > 0) {
                b.addFilter("/*", new AnswerCache(answerCacheBytes, limits));
            }
            if (console) {
                b.fusekiModules(FusekiModules.create(FMod_Admin.create(), FMod_UI.create()));
                b.addFilter("/$/*", new LoopbackOnlyFilter(admin, behindProxy));
                b.addServlet("/queries/*", new CannedQueriesServlet(org.newsgraph.store.CannedQueries.bundled(), DATASET));
            } else {
                b.fusekiModules(FusekiModules.empty());
            }
            if (config != null) {
                b.parseConfigFile(config);
            } else {
                Objects.requireNonNull(dataset, "dataset or config");
                DataService service = DataService.newBuilder(dataset)
                        .addEndpoint(Operation.Query)
                        .addEndpoint(Operation.Query, "sparql")
                        .addEndpoint(Operation.Query, "query")
                        .addEndpoint(Operation.GSP_R, "get")
                        .build();
                b.add(DATASET, service);
            }
            FusekiServer server = b.build();
            for (Connector c : server.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost(host);
                    // A connection that sends nothing for this long is closed; a body trickled in slower than the
                    // minimum rate is cut off, so a slow client holds a thread for seconds, not minutes.
                    sc.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                    HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
                    if (http != null) {
                        http.getHttpConfiguration().setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                        http.getHttpConfiguration().setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                    }
                }
            }
            AnswerWarmer warmer = answerCacheBytes > 0 && dataset != null && config == null && !warmQueries.isEmpty()
                    ? new AnswerWarmer(dataset, warmQueries, java.time.Duration.ofSeconds(1), limits.warmToken(),
                    java.time.Duration.ofMillis(limits.warmMillis())) : null;
            return new NewsgraphServer(server, warmer, queries, host);
        }
    }

    /**
     * Fuseki's admin module keeps its work area in $FUSEKI_BASE, by default ./run in the working directory;
     * newsgraph serves a fixed dataset, so a temporary folder is enough and nothing is left behind.
     */
    private static synchronized void useTemporaryFusekiBase() {
        if (System.getProperty("FUSEKI_BASE") != null || System.getenv("FUSEKI_BASE") != null) {
            return;
        }
        try {
            Path base = java.nio.file.Files.createTempDirectory("newsgraph-fuseki-");
            // deleteOnExit removes only empty folders, and Fuseki writes into this one: remove the whole tree.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(base), "newsgraph-fuseki-cleanup"));
            System.setProperty("FUSEKI_BASE", base.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a work folder for Fuseki", e);
        }
    }

    static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // Best effort at exit: a folder that is already gone needs no cleaning.
        }
    }

    public NewsgraphServer start() {
        server.start();
        if (warmer != null) {
            // The server asks itself: over loopback when it listens on every interface.
            String self = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
            warmer.start("http://" + self + ":" + port() + DATASET + "/sparql");
        }
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getHttpPort();
    }

    /** Base URL, e.g. http://127.0.0.1:3030 */
    public String url() {
        return "http://localhost:" + port();
    }

    /** Whether the warmer has asked every query to warm for the data as they are now (true without warming). */
    public boolean answersReady() {
        return warmer == null || warmer.isCurrent();
    }

    public void join() {
        server.join();
    }

    @Override
    public void close() {
        if (warmer != null) {
            // The database must not be closed under a running query: cancel the warmer's and let it see the end.
            warmer.close();
            queries.abortWarming();
            warmer.awaitStop();
        }
        server.stop();
    }
}
