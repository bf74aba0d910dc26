package org.newsgraph.extract;

import org.newsgraph.ingest.Article;
import org.newsgraph.nlp.AnnotatedText;

/** Reads the events of one article from its annotated sentences. Implementations are thread-safe. */
public interface EventExtractor {

    Extraction extract(Article article, AnnotatedText text);
}
