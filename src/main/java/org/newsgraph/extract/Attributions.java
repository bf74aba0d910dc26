package org.newsgraph.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;
import org.newsgraph.rdf.NG;

/**
 * Finds who a sentence attributes its content to, by the patterns of news English:
 * "according to X", "citing X", "X said (that)", "X told Y", "..., said X", "reported X".
 */
public final class Attributions {

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");
    private static final Set<String> STOP = Set.of(",", ".", ";", ":", "\"", "\u201c", "\u201d", "(", ")", "[", "]",
            "\u2013", "\u2014", "-", "that", "who", "which", "on", "in", "at", "after", "before", "when", "while",
            "as", "to", "for");

    private Attributions() {
    }

    /** The sentence's attribution, or null. Prefers one that names a known entity. */
    public static Attribution find(Sentence s, List<Mention> mentions, ActionLexicon lexicon) {
        Attribution best = null;
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            Attribution a = null;
            if (t.lower().equals("according") && i + 1 < s.size() && s.token(i + 1).lower().equals("to")) {
                a = rightNounPhrase(s, mentions, i, i + 2, lexicon);
            } else if (t.lower().equals("citing") || (t.lower().equals("quoting"))) {
                a = rightNounPhrase(s, mentions, i, i + 1, lexicon);
            } else if ((Token.isVerbAt(s.tokens(), i) || afterClosingQuote(s, i)) && isReporting(t, thatFollows(s, i), lexicon)) {
                a = reportingVerb(s, mentions, i, lexicon);
            }
            if (a != null && (best == null || (best.source() != null && best.source().kind() == EntityKind.UNRESOLVED
                    && a.source() != null && a.source().kind() != EntityKind.UNRESOLVED))) {
                best = a;
            }
        }
        return best;
    }

    private static boolean isReporting(Token t, boolean thatFollows, ActionLexicon lexicon) {
        for (String l : t.lemmaCandidates()) {
            if (lexicon.isReportingVerb(l, thatFollows)) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterClosingQuote(Sentence s, int i) {
        int k = i - 1;
        while (k >= 0 && s.token(k).pos().startsWith("RB")) {
            k--;
        }
        return k >= 0 && (s.token(k).text().equals("\u201d") || s.token(k).text().equals("\"") || s.token(k).text().equals("\u00bb"));
    }

    private static boolean thatFollows(Sentence s, int i) {
        return i + 1 < s.size() && s.token(i + 1).lower().equals("that");
    }

    private static Attribution reportingVerb(Sentence s, List<Mention> mentions, int v, ActionLexicon lexicon) {
        Token prev = v > 0 ? s.token(v - 1) : null;
        // Inverted: '..., said X' / '"...," reported X' / '"..." further warns X'
        // Inverted after a quotation: '"...," said X', '"..." further warns X'. "X, an expert, said" is not inverted.
        boolean inverted = prev == null || afterClosingQuote(s, v)
                || prev.text().equals(",") && v > 1 && (s.token(v - 2).text().equals("\u201d") || s.token(v - 2).text().equals("\""));
        if (inverted && v + 1 < s.size() && !s.token(v + 1).lower().equals("that")) {
            Attribution a = rightNounPhrase(s, mentions, v, v + 1, lexicon);
            if (a != null) {
                return a;
            }
        }
        // Subject before the verb, possibly with adverbs or a time between: "Seoul's foreign ministry on Wednesday said"
        int end = v;
        while (end > 0 && (s.token(end - 1).pos().startsWith("RB") || s.token(end - 1).pos().equals("MD")
                || s.token(end - 1).lemma().equals("have") || s.token(end - 1).lemma().equals("be"))) {
            end--;
        }
        if (end >= 2 && s.token(end - 2).lower().equals("on") && s.token(end - 1).isProperNoun()) {
            end -= 2;
        }
        // "the Korean Central News Agency (KCNA) said": step over the parenthesis.
        if (end >= 3 && s.token(end - 1).text().equals(")")) {
            int open = end - 2;
            while (open > 0 && !s.token(open).text().equals("(") && open > end - 6) {
                open--;
            }
            if (s.token(open).text().equals("(")) {
                end = open;
            }
        }
        if (end == 0) {
            return null;
        }
        if (s.token(end - 1).text().equals(",") && s.token(v).pos().equals("VBG")) {
            // "Ukraine's military intelligence put the figure higher, saying ...": the main clause's subject speaks.
            for (Mention m : mentions) {
                if (m.start() < v && !m.entity().isPlace() && m.how() != Mention.How.DEMONYM) {
                    return new Attribution(m.start(), v + 1, m.entity());
                }
            }
            return null;
        }
        if (s.token(end - 1).text().equals(",")) {
            // "the ambassador to North Korea, Alexander Matsegora, told": the name just before the comma speaks;
            // "X, a military expert on the channel Y, suggested": otherwise the subject before the apposition.
            Mention named = mentionEndingAt(mentions, end - 1);
            if (named != null && named.entity().kind() == EntityKind.PERSON) {
                return new Attribution(named.start(), v + 1, named.entity());
            }
            for (int k = end - 2; k >= 0; k--) {
                if (s.token(k).text().equals(",")) {
                    Mention m = mentionEndingAt(mentions, k);
                    if (m != null && !m.entity().isPlace()) {
                        return new Attribution(m.start(), v + 1, m.entity());
                    }
                }
                if (s.token(k).isVerb() && !s.token(k).pos().equals("VBN") && !s.token(k).pos().equals("VBG")) {
                    break;
                }
            }
            return null;
        }
        Token last = s.token(end - 1);
        if (last.lower().equals("it") && end < v) {
            return null; // "it was reported that", "it must be said that": impersonal, no source of its own
        }
        if (PRONOUNS.contains(last.lower())) {
            return new Attribution(end - 1, v + 1, null);
        }
        Mention m = mentionEndingAt(mentions, end);
        // "Seoul said": a capital or seat of power speaks for its government.
        if (m != null && (!m.entity().isPlace() || m.entity().seatOf() != null)) {
            int start = m.start();
            return new Attribution(start, v + 1, m.entity());
        }
        // An unnamed source: the noun phrase before the verb ("a South Korean official", "Belarus's foreign ministry").
        if (end == 0 || !s.token(end - 1).isNoun() || !lexicon.isInClass(s.token(end - 1), "speaker")) {
            return null;
        }
        int start = nounPhraseStart(s, end);
        return start < end ? new Attribution(start, v + 1, unresolved(s.span(start, end))) : null;
    }

    /**
     * Where the noun phrase ending before token {@code end} begins, read from the Penn tags: nouns, adjectives,
     * numbers and possessives ("Belarus 's foreign ministry"), back to a determiner or a possessive pronoun that opens
     * it ("the", "a", "his"); "and" only between modifiers ("U.S. and South Korean officials").
     */
    static int nounPhraseStart(Sentence s, int end) {
        int start = end;
        while (start > 0) {
            String pos = s.token(start - 1).pos();
            if (OPENS_NOUN_PHRASE.contains(pos)) {
                return start - 1;
            }
            boolean inside = INSIDE_NOUN_PHRASE.contains(pos)
                    || pos.equals("CC") && s.token(start - 1).lower().equals("and") && start - 1 > 0 && start < end
                    && MODIFIER.contains(s.token(start - 2).pos()) && MODIFIER.contains(s.token(start).pos());
            if (!inside) {
                break;
            }
            start--;
        }
        return start;
    }

    private static final Set<String> OPENS_NOUN_PHRASE = Set.of("DT", "PRP$", "WP$");
    private static final Set<String> MODIFIER = Set.of("JJ", "JJR", "JJS", "NNP", "NNPS");
    private static final Set<String> INSIDE_NOUN_PHRASE = Set.of("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD",
            "POS", "HYPH", "VBN");

    private static Attribution rightNounPhrase(Sentence s, List<Mention> mentions, int cue, int from, ActionLexicon lexicon) {
        int to = from;
        while (to < s.size() && !STOP.contains(s.token(to).lower()) && !(s.token(to).isVerb() && to > from
                && !s.token(to).pos().equals("VBN") && !s.token(to).pos().equals("VBG"))) {
            to++;
        }
        if (to == from) {
            return null;
        }
        int head = to;
        for (int k = from + 1; k < to; k++) {
            if (s.token(k).pos().equals("IN") && s.token(k - 1).isNoun()) {
                head = k;
                break;
            }
        }
        Entity best = null;
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && m.how() != Mention.How.DEMONYM) {
                // Within the phrase, a person named anywhere speaks; other names only in its head, before "on the channel X".
                boolean inHead = m.start() < head;
                if ((inHead || m.entity().kind() == EntityKind.PERSON) && (best == null || rank(m.entity()) < rank(best))) {
                    best = m.entity();
                }
            }
        }
        // "the spokesman for the presidency, Mikhailo Podolyak, on his account": the name in apposition speaks.
        for (int k = to; k + 1 < s.size() && k < to + 8; k++) {
            if (s.token(k).text().equals(",")) {
                Mention m = mentionStartingAt(mentions, k + 1);
                if (m != null && m.entity().kind() == EntityKind.PERSON) {
                    return new Attribution(cue, m.end(), m.entity());
                }
                break;
            }
            if (s.token(k).isVerb() || s.token(k).text().equals(".")) {
                break;
            }
        }
        if (best == null && head < to) {
            boolean speakerHead = false;
            for (int k = from; k < head; k++) {
                speakerHead |= s.token(k).isNoun() && lexicon.isInClass(s.token(k), "speaker");
            }
            if (speakerHead) {
                return new Attribution(cue, to, unresolved(s.span(from, head)));
            }
            for (Mention m : mentions) {
                if (m.start() >= from && m.end() <= to && m.how() != Mention.How.DEMONYM && (best == null || rank(m.entity()) < rank(best))) {
                    best = m.entity();
                }
            }
        }
        if (best == null) {
            if (PRONOUNS.contains(s.token(from).lower()) && to == from + 1) {
                return new Attribution(cue, to, null);
            }
            // An unnamed source must be someone: "a South Korean official", "sources", not "that year".
            boolean speaker = false;
            for (int k = from; k < to; k++) {
                speaker |= s.token(k).isNoun() && lexicon.isInClass(s.token(k), "speaker");
            }
            if (!speaker) {
                return null;
            }
            best = unresolved(s.span(from, to));
        }
        return new Attribution(cue, to, best);
    }

    // Who speaks, when a phrase names several: the person before the outlet before the state.
    private static int rank(Entity e) {
        return switch (e.kind()) {
            case PERSON -> 0;
            case OUTLET -> 1;
            case THINK_TANK -> 2;
            case AGENCY -> 3;
            case ARMED_FORCE -> 4;
            case BODY -> 5;
            case ORGANIZATION -> 6;
            case STATE_GROUP -> 7;
            case STATE -> 8;
            default -> 9;
        };
    }

    private static Mention mentionStartingAt(List<Mention> mentions, int start) {
        for (Mention m : mentions) {
            if (m.start() == start) {
                return m;
            }
        }
        return null;
    }

    private static Mention mentionEndingAt(List<Mention> mentions, int end) {
        for (Mention m : mentions) {
            if (m.end() == end && m.how() != Mention.How.DEMONYM) {
                return m;
            }
        }
        return null;
    }

    private static boolean isQuoteOrComma(String t) {
        return t.equals(",") || t.equals("\"") || t.equals("\u201d") || t.equals("\u201c") || t.equals("\u00bb")
                || t.equals("'") || t.equals("\u2019");
    }

    /** An entity for a source the gazetteer does not know, its IRI minted from its normalised label. */
    public static Entity unresolved(String label) {
        String clean = label.strip().replaceAll("\\s+", " ");
        String slug = Gazetteer.key(clean).replace(' ', '-');
        if (slug.isEmpty()) {
            slug = "unnamed";
        }
        return Entity.unresolved(NG.ENTITY + "mention/" + slug.toLowerCase(Locale.ROOT), clean);
    }

    /** A title that names the text an official statement ("Joint statement on ...", "Statement by the Ministry ..."). */
    private static final java.util.regex.Pattern STATEMENT_TITLE = java.util.regex.Pattern.compile(
            "(?i)^(joint |press |official )?(statement|communiqu[e\u00e9]|declaration|press release)\\b.*");

    /**
     * The statement itself as the source of what it says where no sentence names a speaker: an official text
     * speaks for its signatories, so its title is who says so. Null for any other article.
     */
    public static Entity statementSource(String title) {
        String t = title == null ? "" : title.strip();
        return !t.isEmpty() && t.length() <= 200 && STATEMENT_TITLE.matcher(t).matches() ? unresolved(t) : null;
    }
}
