package org.newsgraph.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the server's own endpoint a set of queries whenever the database commits new data, so that the first
 * researcher to ask after a rebuild finds the answer ready in the {@link AnswerCache}.
 */
final class AnswerWarmer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerWarmer.class);

    private final DatasetGraph dataset;
    private final List<String> queries;
    private final Duration every;
    /** Proves the warmer's requests to {@link TimeLimits}. */
    private final String token;
    private HttpClient http = newClient();
    private final Thread thread;
    private volatile boolean closed;
    private volatile String endpoint;
    private volatile DataVersion warmed;

    /** The longest the warmer waits for one answer: the server's limit for it, and a margin to write it. */
    private final Duration patience;

    /**
     * Looks at the data version every so often; asks the queries with the token when it has moved, waiting at most
     * {@code limit} (the server's time limit for the warmer's queries) and a minute for each answer.
     */
    AnswerWarmer(DatasetGraph dataset, List<String> queries, Duration every, String token, Duration limit) {
        this.dataset = dataset;
        this.queries = List.copyOf(queries);
        this.every = every;
        this.token = token;
        this.patience = limit.plusMinutes(1);
        this.thread = new Thread(this::run, "newsgraph-warm");
        this.thread.setDaemon(true);
    }

    /** Starts warming answers from the SPARQL endpoint's URL. */
    void start(String sparqlEndpoint) {
        this.endpoint = sparqlEndpoint;
        thread.start();
    }

    /** Whether every query has been asked for the data as they are now. */
    boolean isCurrent() {
        Optional<DataVersion> now = DataVersion.of(dataset);
        return now.isEmpty() || now.get().equals(warmed);
    }

    private void run() {
        while (!closed) {
            try {
                warmIfChanged();
            } catch (RuntimeException e) {
                // A store closing under it, an address it cannot reach: the next pass tries again.
                LOG.warn("Warming the canned answers failed: {}", e.toString());
            }
            synchronized (this) {
                try {
                    if (!closed) {
                        wait(every.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void warmIfChanged() {
        Optional<DataVersion> now = DataVersion.of(dataset);
        if (now.isEmpty() || now.get().equals(warmed)) {
            return;
        }
        long t0 = System.nanoTime();
        int ok = 0;
        for (String q : queries) {
            if (closed) {
                return;
            }
            ok += ask(q) ? 1 : 0;
        }
        // Asked, whether answered or not: a query that runs out of time would only run out of time again.
        warmed = now.get();
        LOG.info("Answers ready for {} of {} canned queries ({} ms)", ok, queries.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private boolean ask(String query) {
        // Never wait without end: at 100,000 articles a query ran the heap out, the error also ended the HTTP client's
        // own thread, and the warmer waited for an answer it could no longer read.
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(patience)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .header(TimeLimits.WARM_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.net.http.HttpTimeoutException e) {
            // A client whose own thread died never answers again: the next query gets a new one.
            LOG.warn("Warming a canned query failed: no answer in {}", patience);
            http = newClient();
            return false;
        } catch (java.io.IOException e) {
            LOG.warn("Warming a canned query failed: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Stops warming: no new query is asked; see {@link #awaitStop} for the one under way. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }

    /** Waits for the query under way, if any, to be answered (or cancelled). */
    void awaitStop() {
        try {
            thread.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
