package org.newsgraph.cli;

import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/** Lets tests in other packages substitute parameters the way {@code query --param} does. */
public final class QueryTestAccess {

    private QueryTestAccess() {
    }

    public static Query substitute(String text, Map<String, String> params) {
        return QueryParameters.substitute(QueryFactory.create(text), text, params);
    }
}
