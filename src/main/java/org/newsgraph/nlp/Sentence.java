package org.newsgraph.nlp;

import java.util.List;

/**
 * One sentence of an article: its text, character span in the article and tokens.
 *
 * @param index     position of the sentence in the article, from 0
 * @param paragraph position of the sentence's paragraph in the article, from 0
 * @param dependencies its dependency parse, {@link Dependencies#NONE} where it was not parsed
 */
public record Sentence(int index, int paragraph, int start, int end, String text, List<Token> tokens,
                       Dependencies dependencies) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public Sentence(int index, int paragraph, int start, int end, String text, List<Token> tokens) {
        this(index, paragraph, start, end, text, tokens, Dependencies.NONE);
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    /** The tokens [from, to) around token {@code i} that share its named-entity tag: "Abdallah Bou Habib", "San Diego". */
    public int[] entitySpan(int i) {
        String tag = tokens.get(i).ner();
        int from = i;
        int to = i + 1;
        while (from > 0 && tokens.get(from - 1).ner().equals(tag)) {
            from--;
        }
        while (to < tokens.size() && tokens.get(to).ner().equals(tag)) {
            to++;
        }
        return new int[] {from, to};
    }

    /** The article text covered by tokens [from, to). */
    public String span(int from, int to) {
        if (from >= to) {
            return "";
        }
        return text.substring(tokens.get(from).start() - start, tokens.get(to - 1).end() - start);
    }
}
