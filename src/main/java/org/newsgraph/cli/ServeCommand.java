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

    @Override
    public Integer call() {
        if (db == null && config == null) {
            throw new UserException("serve needs --db DIR or --config FILE");
        }
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be between 0 and 65535, not " + port);
        }
        NewsgraphServer.Builder b = NewsgraphServer.create().port(port).host(host);
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
        server.join();
        if (store != null) {
            store.close();
        }
        return ExitCodes.OK;
    }
}
