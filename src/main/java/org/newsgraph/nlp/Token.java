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
 * @param chunk chunk tag in BIO form (B-NP, I-VP, O)
 */
public record Token(String text, int start, int end, String pos, String upos, String lemma, String chunk) {

    public boolean isVerb() {
        return pos.startsWith("VB") || pos.equals("MD");
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

    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
