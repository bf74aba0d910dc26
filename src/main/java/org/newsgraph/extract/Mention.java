package org.newsgraph.extract;

/**
 * An entity named by tokens [start, end) of a sentence.
 *
 * @param how how the text names it: by a name, a demonym ("North Korean"), or a short name ("Shoigu")
 */
public record Mention(Entity entity, int start, int end, How how) {

    public enum How { NAME, DEMONYM, SHORT_NAME }

    public boolean covers(int token) {
        return token >= start && token < end;
    }
}
