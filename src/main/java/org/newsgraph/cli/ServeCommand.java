package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.newsgraph.server.NewsgraphServer;
import org.newsgraph.store.KnowledgeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph serve}: an embedded Fuseki with the web console over the database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the database with Apache Jena Fuseki: dataset /kg (read-only), SPARQL at /kg/sparql and "
                + "/kg/query, graphs at /kg/get, the web console at /.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder (not needed with --config).")
    Path db;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "A Fuseki configuration file (see fuseki-config/).")
    Path config;

    @Option(names = "--articles", paramLabel = "DIR", description = "Article folder to rebuild the database from while serving.")
    Path articles;

    @Option(names = "--rebuild-every", paramLabel = "DURATION",
            description = "Rebuild from --articles this often (e.g. 30s, 15m, 2h); incremental, readers never see half a build.")
    String rebuildEvery;

    @Option(names = "--watch", description = "Rebuild from --articles shortly after files there change.")
    boolean watch;

    @Option(names = "--query-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Cancel a query after this long (default ${DEFAULT-VALUE}); clients may ask for less, not more.")
    String queryTimeout;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000",
            description = "Cap answers at N rows (default ${DEFAULT-VALUE}; 0 for no cap). The command-line query has none.")
    long maxRows;

    @Option(names = "--answer-cache-mb", paramLabel = "MB", defaultValue = "256",
            description = "Memory for answers kept until the data next change (default ${DEFAULT-VALUE}; 0 for none). "
                    + "The canned queries are answered ahead of any client after every commit.")
    long answerCacheMb;

    @Option(names = "--allow-service",
            description = "Let queries use SERVICE to ask other SPARQL endpoints. Off by default: it makes the server fetch "
                    + "any URL a client names, including addresses only the server can reach.")
    boolean allowService;

    @Option(names = "--admin",
            description = "Let the admin routes (/$/..., from this machine only) change state: delete or add datasets, "
                    + "back up, compact. Off by default: they are read-only.")
    boolean admin;

    @Option(names = "--behind-proxy",
            description = "A reverse proxy on this machine forwards the requests: a request with X-Forwarded-For or "
                    + "Forwarded is then remote, and the admin routes are closed to it.")
    boolean behindProxy;

    /** "30s", "15m", "2h", "1d", or an ISO 8601 duration ("PT15M"). */
    static java.time.Duration duration(String text, String option) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            java.time.Duration d;
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> java.time.Duration.ofSeconds(n);
                    case 'm' -> java.time.Duration.ofMinutes(n);
                    case 'h' -> java.time.Duration.ofHours(n);
                    default -> java.time.Duration.ofDays(n);
                };
            } else {
                d = java.time.Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
            }
            if (d.isNegative() || d.isZero()) {
                throw new UserException(option + " must be positive: " + text);
            }
            return d;
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new UserException(option + ": not a duration (use 30s, 15m, 2h or PT15M): " + text);
        }
    }

    @Override
    public Integer call() {
        if (db == null && config == null) {
            throw new UserException("serve needs --db DIR or --config FILE");
        }
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be between 0 and 65535, not " + port);
        }
        if ((rebuildEvery != null || watch) && (articles == null || db == null)) {
            throw new UserException("--rebuild-every and --watch need --articles DIR and --db DIR");
        }
        if (articles != null) {
            Options.readableDirectory(articles, "articles folder");
        }
        java.time.Duration period = rebuildEvery == null ? null : duration(rebuildEvery, "--rebuild-every");
        if (maxRows < 0) {
            throw new UserException("--max-rows must be 0 (no cap) or more, not " + maxRows);
        }
        if (answerCacheMb < 0) {
            throw new UserException("--answer-cache-mb must be 0 (none) or more, not " + answerCacheMb);
        }
        NewsgraphServer.Builder b = NewsgraphServer.create().port(port).host(host)
                .queryTimeout(duration(queryTimeout, "--query-timeout")).maxRows(maxRows)
                .allowService(allowService).admin(admin).behindProxy(behindProxy)
                .answerCache(answerCacheMb << 20).warm(org.newsgraph.store.CannedQueries.bundled().unparameterised());
        KnowledgeStore store = null;
        if (config != null) {
            Options.readableFile(config, "config file");
            b.config(config);
        } else {
            Options.readableDirectory(db, "database");
            store = KnowledgeStore.openExisting(db);
            b.dataset(store.dataset().asDatasetGraph());
        }
        NewsgraphServer server;
        try {
            server = b.build().start();
        } catch (RuntimeException e) {
            throw new UserException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        System.out.println("Serving http://" + host + ":" + server.port() + "/  dataset /kg  (SPARQL at /kg/sparql, console at /)");
        System.out.flush();
        org.newsgraph.server.RebuildScheduler scheduler = null;
        if (period != null || watch) {
            scheduler = org.newsgraph.server.RebuildScheduler.create(org.newsgraph.Newsgraph.create().build(), store, articles,
                    java.time.Duration.ofSeconds(2));
            if (period != null) {
                scheduler.every(period);
            }
            if (watch) {
                try {
                    scheduler.watch();
                } catch (java.io.IOException e) {
                    throw new UserException("cannot watch " + articles + ": " + e.getMessage(), e);
                }
            }
        }
        server.join();
        if (scheduler != null) {
            scheduler.close();
        }
        if (store != null) {
            store.close();
        }
        return ExitCodes.OK;
    }
}
