package org.newsgraph.extract;

import java.util.Set;

import org.newsgraph.nlp.Sentence;

/**
 * A news dateline opening the first sentence ("SEOUL, South Korea —", "Moscow, Jun 12 (Agency)"): the parser
 * reads its place as the subject of the sentence's verb, so rules must not take an actor from it.
 */
final class Datelines {

    private static final Set<String> DASHES = Set.of("—", "–", "--", "-");
    private static final int LONGEST = 10;

    private Datelines() {
    }

    /** The index of the first token after the sentence's dateline, or 0 when it opens with none. */
    static int end(Sentence s) {
        if (s.size() < 4 || !s.token(0).pos().startsWith("NNP") || !s.token(1).text().equals(",")) {
            return 0;
        }
        boolean inBrackets = false;
        for (int i = 2; i < Math.min(s.size() - 1, LONGEST); i++) {
            String text = s.token(i).text();
            String pos = s.token(i).pos();
            if (pos.startsWith("VB") || pos.equals("DT") && !inBrackets) {
                return 0;
            }
            if (DASHES.contains(text) && !inBrackets) {
                return i + 1;
            }
            if (text.equals("(") || text.equals("-LRB-")) {
                inBrackets = true;
            } else if ((text.equals(")") || text.equals("-RRB-")) && inBrackets) {
                return i + 1;
            }
        }
        return 0;
    }
}
