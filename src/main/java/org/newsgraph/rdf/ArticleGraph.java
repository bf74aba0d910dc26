package org.newsgraph.rdf;

import java.util.List;

import org.apache.jena.graph.Graph;

/**
 * The named graph of one article: its IRI and triples.
 *
 * @param name   the graph's IRI
 * @param graph  the triples: the article, its events, their evidence and the sources they name
 * @param events how many events the graph holds
 */
public record ArticleGraph(String name, Graph graph, int events) {
}
