package org.newsgraph.extract;

import java.util.List;

import org.newsgraph.ingest.Article;
import org.newsgraph.nlp.AnnotatedText;

/** Reads the events of one article from its annotated sentences. Implementations are thread-safe. */
public interface EventExtractor {

    List<Event> extract(Article article, AnnotatedText text);
}
