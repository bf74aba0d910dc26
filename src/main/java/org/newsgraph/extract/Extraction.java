package org.newsgraph.extract;

import java.util.List;

/** What an extractor read from one article: its events and the agreements it names. */
public record Extraction(List<Event> events, List<AgreementMention> agreements) {

    public Extraction {
        events = List.copyOf(events);
        agreements = List.copyOf(agreements);
    }
}
