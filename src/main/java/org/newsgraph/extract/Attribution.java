package org.newsgraph.extract;

/**
 * Who a sentence says its facts come from, read from tokens [start, end).
 *
 * @param source     the source; null when the attribution is a pronoun ("he said") to resolve from context
 */
public record Attribution(int start, int end, Entity source) {

    public boolean isAnaphoric() {
        return source == null;
    }

    public boolean covers(int token) {
        return token >= start && token < end;
    }
}
