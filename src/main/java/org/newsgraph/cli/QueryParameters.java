package org.newsgraph.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/** Gives query variables values as RDF terms: the query's syntax tree changes, its text is never pasted into. */
final class QueryParameters {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private QueryParameters() {
    }

    static Query substitute(Query query, String text, Map<String, String> params) {
        if (params.isEmpty()) {
            return query;
        }
        Map<Var, Node> values = new HashMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey().startsWith("?") ? p.getKey().substring(1) : p.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new UserException("--param: not a variable name: " + p.getKey());
            }
            if (!Pattern.compile("[?$]" + name + "\\b").matcher(text).find()) {
                throw new UserException("--param: the query has no variable ?" + name);
            }
            values.put(Var.alloc(name), term(p.getValue()));
        }
        return QueryTransformOps.syntaxSubstitute(query, values);
    }

    /** An IRI for "<...>" or an http(s) address that parses as one; a plain string otherwise. */
    static Node term(String value) {
        String v = value.strip();
        String iri = v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1)
                : v.matches("https?://\\S+") ? v : null;
        if (iri != null) {
            try {
                IRIs.reference(iri);
                if (!iri.matches(".*[\\s<>\"{}|^`\\\\].*")) {
                    return NodeFactory.createURI(iri);
                }
            } catch (RuntimeException e) {
                // not an IRI: read it as a string
            }
        }
        return NodeFactory.createLiteralString(value);
    }
}
