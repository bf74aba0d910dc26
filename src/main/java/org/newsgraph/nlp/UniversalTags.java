package org.newsgraph.nlp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Universal Dependencies tags derived from Penn Treebank tags, the standard conversion plus the lexical choices UD
 * makes (forms of "be", "have", "do" and the modals are AUX), so one tagger serves both the rules and the
 * lemmatizer. {@code UniversalTags.fromPenn("has", "VBZ")} is "AUX".
 */
public final class UniversalTags {

    private static final Map<String, String> BY_PENN = Map.ofEntries(
            Map.entry("NN", "NOUN"), Map.entry("NNS", "NOUN"), Map.entry("NNP", "PROPN"), Map.entry("NNPS", "PROPN"),
            Map.entry("VB", "VERB"), Map.entry("VBD", "VERB"), Map.entry("VBG", "VERB"), Map.entry("VBN", "VERB"),
            Map.entry("VBP", "VERB"), Map.entry("VBZ", "VERB"), Map.entry("MD", "AUX"),
            Map.entry("JJ", "ADJ"), Map.entry("JJR", "ADJ"), Map.entry("JJS", "ADJ"),
            Map.entry("RB", "ADV"), Map.entry("RBR", "ADV"), Map.entry("RBS", "ADV"), Map.entry("WRB", "ADV"),
            Map.entry("IN", "ADP"), Map.entry("RP", "ADP"), Map.entry("TO", "PART"), Map.entry("POS", "PART"),
            Map.entry("DT", "DET"), Map.entry("PDT", "DET"), Map.entry("WDT", "DET"),
            Map.entry("PRP", "PRON"), Map.entry("PRP$", "PRON"), Map.entry("WP", "PRON"), Map.entry("WP$", "PRON"),
            Map.entry("EX", "PRON"), Map.entry("CD", "NUM"), Map.entry("CC", "CCONJ"), Map.entry("UH", "INTJ"),
            Map.entry("FW", "X"), Map.entry("LS", "X"), Map.entry("SYM", "SYM"), Map.entry("$", "SYM"), Map.entry("#", "SYM"));

    private static final Set<String> AUXILIARIES = Set.of("be", "am", "is", "are", "was", "were", "been", "being",
            "'s", "'re", "'m", "have", "has", "had", "having", "'ve", "'d", "do", "does", "did");

    /** Words that only introduce clauses; "after", "since" and the like are ADP or SCONJ by context, and stay ADP. */
    private static final Set<String> SUBORDINATORS = Set.of("that", "because", "if", "whether", "although", "though",
            "unless", "while");

    private UniversalTags() {
    }

    /** The UD tag for a word the Penn tagger tagged. */
    public static String fromPenn(String word, String penn) {
        String w = word.toLowerCase(Locale.ROOT);
        if (penn.startsWith("VB") && AUXILIARIES.contains(w)) {
            return "AUX";
        }
        if (penn.equals("IN") && SUBORDINATORS.contains(w)) {
            return "SCONJ";
        }
        String ud = BY_PENN.get(penn);
        return ud != null ? ud : "PUNCT";
    }
}
