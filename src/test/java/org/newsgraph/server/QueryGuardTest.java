package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** What the guard refuses before a query runs, and what it lets through, on queries written for this test. */
class QueryGuardTest {

    @Test
    void aCommentCannotHideDeepNestingAndAnIriFragmentIsNoComment() {
        String deep = "(".repeat(100) + "?o" + ")".repeat(100);
        assertNotNull(QueryGuard.checkText("# the guard's quote\nSELECT * WHERE { ?s ?p ?o FILTER(" + deep + " = 1) }"));
        assertNull(QueryGuard.checkText("SELECT * WHERE { ?s <http://example.org/ns#p> ?o FILTER(?o = \"it's\") }"));
    }

    @Test
    void aRegexBombIsFoundWhereverTheQueryEvaluatesIt() {
        assertNotNull(QueryGuard.checkQuery(QueryFactory.create(
                "SELECT ?s WHERE { ?s ?p ?o } ORDER BY (REGEX(STR(?o), \"^(.*a){12}$\"))")));
        assertNotNull(QueryGuard.checkQuery(QueryFactory.create(
                "SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), \"(a+)+b\")) }")));
        assertNull(QueryGuard.checkQuery(QueryFactory.create(
                "SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), \"^k.*k$\")) }")));
    }
}
