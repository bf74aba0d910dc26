package org.newsgraph.server;

import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.http.Service;

/**
 * Fuseki's SPARQL query service with a time limit no client can raise and a cap on the rows of an answer, so that
 * one careless or hostile query cannot hold the server or flood a browser.
 */
final class BoundedQueryService extends SPARQL_QueryDataset {

    private final TimeLimits limits;
    private final long maxRows;
    private final boolean allowService;
    /** The warmer's queries under way, so that closing the server need not wait minutes for them. */
    private final java.util.Set<QueryExec> warming = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private boolean closing;

    /**
     * A zero or negative maxRows means no cap. Without allowService a query's SERVICE clause is refused: it would make
     * the server fetch any URL a client names (server-side request forgery).
     */
    BoundedQueryService(TimeLimits limits, long maxRows, boolean allowService) {
        this.limits = limits;
        this.maxRows = maxRows;
        this.allowService = allowService;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        String refused = QueryGuard.checkText(queryString);
        if (refused != null) {
            action.log.info("[{}] query refused: {}", action.id, refused);
            ServletOps.errorBadRequest("Query refused: " + refused);
        }
        super.execute(queryString, action);
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        String refused = QueryGuard.checkQuery(query);
        if (refused != null) {
            action.log.info("[{}] query refused: {}", action.id, refused);
            ServletOps.errorBadRequest("Query refused: " + refused);
        }
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
        String warmHeader = action.getRequest().getHeader(TimeLimits.WARM_HEADER);
        long timeout = limits.millisFor(action.getRequestParameter("timeout"), warmHeader);
        org.apache.jena.sparql.util.Context context = org.apache.jena.sparql.util.Context.setupContextForDataset(
                action.getContext(), dataset);
        context.set(Service.httpServiceAllowed, allowService);
        context.set(Service.serviceAllowed, allowService);
        QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(query).context(context)
                .timeout(timeout, TimeUnit.MILLISECONDS).build();
        if (limits.isWarmer(warmHeader)) {
            synchronized (warming) {
                if (closing) {
                    exec.abort();
                } else {
                    warming.add(exec);
                }
            }
        }
        return exec;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        QueryExecResult result = super.executeQuery(action, exec, query, queryStringLog);
        if (result.isRowSet() && maxRows > 0) {
            // The whole (capped) answer is read before its first byte goes out: a query the time limit stops then
            // fails with 503, never a 200 whose body ends where the timeout struck.
            return new QueryExecResult(RowSetMem.create(result.rowSet()));
        }
        return result;
    }

    /**
     * Cancels the warmer's queries under way, and any it asks from now on; each ends its read transaction as a
     * timeout would.
     */
    void abortWarming() {
        synchronized (warming) {
            closing = true;
            warming.forEach(QueryExec::abort);
            warming.clear();
        }
    }
}
