package org.newsgraph.nlp;

import java.time.LocalDate;
import java.util.List;

/** Splits an article's paragraphs into sentences of annotated tokens. Implementations are thread-safe. */
public interface TextAnnotator {

    /**
     * Annotates the given paragraphs of an article (the rest of its text is not read); offsets are relative to
     * {@code articleText}. {@code docDate} anchors relative dates, or is null.
     */
    List<Sentence> annotate(String articleText, List<Paragraph> paragraphs, LocalDate docDate);
}
