package org.newsgraph.extract;

/**
 * A quantity read from tokens [start, end) of a sentence.
 *
 * @param noun   index of the counted noun's token, or -1 for money and percentages
 * @param lemma  the counted noun's lemma ("brigade"), or null for money and percentages
 */
public record QuantityMention(Quantity quantity, int start, int end, int noun, String lemma) {
}
