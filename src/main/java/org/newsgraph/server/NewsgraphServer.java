package org.newsgraph.server;

import java.nio.file.Path;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.FMod_Admin;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
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

    private final FusekiServer server;

    private NewsgraphServer(FusekiServer server) {
        this.server = server;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder for {@link NewsgraphServer}. */
    public static final class Builder {
        private DatasetGraph dataset;
        private Path config;
        private int port = 3030;
        private String host = "127.0.0.1";
        private boolean console = true;
        private java.time.Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private long maxRows = DEFAULT_MAX_ROWS;

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

        public NewsgraphServer build() {
            useTemporaryFusekiBase();
            FusekiServer.Builder b = FusekiServer.create().port(port).enablePing(true).enableStats(true)
                    .registerOperation(Operation.Query, new BoundedQueryService(queryTimeout, maxRows));
            if (console) {
                b.fusekiModules(FusekiModules.create(FMod_Admin.create(), FMod_UI.create()));
                b.addFilter("/$/*", new LoopbackOnlyFilter());
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
                }
            }
            return new NewsgraphServer(server);
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
            base.toFile().deleteOnExit();
            System.setProperty("FUSEKI_BASE", base.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a work folder for Fuseki", e);
        }
    }

    public NewsgraphServer start() {
        server.start();
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

    public void join() {
        server.join();
    }

    @Override
    public void close() {
        server.stop();
    }
}
