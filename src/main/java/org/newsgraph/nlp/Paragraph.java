package org.newsgraph.nlp;

/** A block of article text between line breaks, with its character span in the article. */
public record Paragraph(int index, int start, int end, String text) {
}
