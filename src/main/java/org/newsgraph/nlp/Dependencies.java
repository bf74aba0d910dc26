package org.newsgraph.nlp;

import edu.stanford.nlp.semgraph.SemanticGraph;

/**
 * A sentence's dependency parse (UD, enhanced++), as CoreNLP gives it: node {@code i + 1} is token {@code i}.
 * {@link #NONE} for sentences the first pass did not choose to parse.
 */
public record Dependencies(SemanticGraph graph) {

    public static final Dependencies NONE = new Dependencies(new SemanticGraph());

    public boolean isEmpty() {
        return graph.vertexSet().isEmpty();
    }

    /** The node of token {@code i} (from 0), or null where the sentence was not parsed or the parse left it out. */
    public edu.stanford.nlp.ling.IndexedWord node(int i) {
        return isEmpty() ? null : graph.getNodeByIndexSafe(i + 1);
    }
}
