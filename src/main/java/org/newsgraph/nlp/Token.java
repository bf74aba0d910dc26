package org.newsgraph.nlp;

/**
 * One token of a sentence with its annotations; offsets are characters in the article text.
 *
 * @param text  the token as written
 * @param start offset of the first character
 * @param end   offset after the last character
 * @param pos   Penn Treebank tag (feeds the chunker and the extraction rules)
 * @param upos  Universal Dependencies tag (feeds the lemmatizer)
 * @param lemma lower-cased lemma
 * @param ner   CoreNLP's named-entity tag (PERSON, LOCATION, ORGANIZATION, DATE, NUMBER, ...), "O" for none or
 *              where the sentence was not parsed
 * @param normalized the normalised value of a DATE, NUMBER, MONEY or PERCENT token (SUTime's "2024-05-28"), or null
 */
public record Token(String text, int start, int end, String pos, String upos, String lemma, String ner, String normalized) {

    public Token(String text, int start, int end, String pos, String upos, String lemma) {
        this(text, start, end, pos, upos, lemma, "O", null);
    }

    public boolean isVerb() {
        return pos.startsWith("VB") || pos.equals("MD");
    }

    /**
     * True for a verb, or for an -s form the tagger took for a plural noun where English wants a verb: after a
     * singular subject and before what it governs ("the government expresses concern").
     */
    public static boolean isVerbAt(java.util.List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.isVerb()) {
            return true;
        }
        if (!t.pos().equals("NNS") || i == 0 || i + 1 >= tokens.size() || !t.lower().endsWith("s")) {
            return false;
        }
        String before = tokens.get(i - 1).pos();
        String after = tokens.get(i + 1).pos();
        boolean subject = before.equals("NN") || before.equals("NNP") || before.equals("PRP");
        boolean object = after.equals("DT") || after.startsWith("JJ") || after.equals("PRP$") || after.equals("CD")
                || after.startsWith("NN") || after.equals("IN") || after.equals("``");
        return subject && object;
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isNumber() {
        return pos.equals("CD");
    }

    public boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /**
     * The lemma and the forms a lemmatizer slip can hide it under: the statistical lemmatizer sometimes returns
     * the word itself ("troops", "freed"), so regular English endings are also stripped.
     */
    public java.util.List<String> lemmaCandidates() {
        String l = lower().replace('\u2019', '\'');
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        out.add(lemma);
        out.add(l);
        if (l.length() > 4) {
            if (l.endsWith("ies")) {
                out.add(l.substring(0, l.length() - 3) + "y");
            } else if (l.endsWith("es")) {
                out.add(l.substring(0, l.length() - 2));
                out.add(l.substring(0, l.length() - 1));
            } else if (l.endsWith("s") && !l.endsWith("ss")) {
                out.add(l.substring(0, l.length() - 1));
            } else if (l.endsWith("ied")) {
                out.add(l.substring(0, l.length() - 3) + "y");
            } else if (l.endsWith("ed")) {
                out.add(l.substring(0, l.length() - 1));
                out.add(l.substring(0, l.length() - 2));
            } else if (l.endsWith("ing")) {
                out.add(l.substring(0, l.length() - 3));
                out.add(l.substring(0, l.length() - 3) + "e");
            }
        }
        return java.util.List.copyOf(out);
    }

    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
