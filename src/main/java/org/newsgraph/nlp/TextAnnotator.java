package org.newsgraph.nlp;

/**
 * Splits text into sentences and tokens and tags them. Implementations are not thread-safe:
 * use one per thread (see {@link OpenNlpAnnotator#create(OpenNlpModels)}).
 */
public interface TextAnnotator {

    /** Annotates one paragraph; sentence and token offsets are relative to {@code articleText}. */
    java.util.List<Sentence> annotate(String articleText, Paragraph paragraph, int firstSentenceIndex);
}
