package org.newsgraph.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's SPARQL query service with a time limit no client can raise and a cap on the rows of an answer, so that
 * one careless or hostile query cannot hold the server or flood a browser.
 */
final class BoundedQueryService extends SPARQL_QueryDataset {

    private final long timeoutMillis;
    private final long maxRows;

    /** A zero or negative maxRows means no cap. */
    BoundedQueryService(Duration timeout, long maxRows) {
        this.timeoutMillis = timeout.toMillis();
        this.maxRows = maxRows;
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        Query q = decided.getRight();
        if (maxRows > 0 && !q.isAskType() && (!q.hasLimit() || q.getLimit() > maxRows)) {
            q.setLimit(maxRows);
        }
        return decided;
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long timeout = timeoutMillis;
        // A client may ask for less time with Fuseki's "timeout" parameter (seconds), never for more.
        String asked = action.getRequestParameter("timeout");
        if (asked != null) {
            try {
                String overall = asked.contains(",") ? asked.substring(asked.indexOf(',') + 1) : asked;
                long askedMillis = (long) (Double.parseDouble(overall.strip()) * 1000);
                if (askedMillis > 0) {
                    timeout = Math.min(timeout, askedMillis);
                }
            } catch (RuntimeException ignored) {
                // A malformed value keeps the server's limit.
            }
        }
        return QueryExec.newBuilder().dataset(dataset).query(query).context(action.getContext())
                .timeout(timeout, TimeUnit.MILLISECONDS).build();
    }
}
