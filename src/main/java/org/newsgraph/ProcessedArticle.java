package org.newsgraph;

import java.util.List;

import org.newsgraph.extract.AgreementMention;
import org.newsgraph.extract.Event;
import org.newsgraph.ingest.Article;
import org.newsgraph.rdf.ArticleGraph;

/**
 * An article after extraction: the article (with its date filled from its text when metadata had none),
 * its events and the graph that records them.
 */
public record ProcessedArticle(Article article, List<Event> events, List<AgreementMention> agreements, ArticleGraph graph) {

    public ProcessedArticle {
        events = List.copyOf(events);
        agreements = List.copyOf(agreements);
    }
}
