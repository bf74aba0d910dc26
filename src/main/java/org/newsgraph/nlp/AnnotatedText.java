package org.newsgraph.nlp;

import java.util.List;

/** An article's text split into sentences of annotated tokens. */
public record AnnotatedText(String text, List<Sentence> sentences) {

    public AnnotatedText {
        sentences = List.copyOf(sentences);
    }
}
