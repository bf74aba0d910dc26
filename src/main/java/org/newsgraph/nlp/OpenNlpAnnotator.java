package org.newsgraph.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * OpenNLP sentence detection, tokenisation, Penn POS tagging (UD tags derived from it), and lemmatisation.
 * Not thread-safe: one instance per thread over the shared {@link OpenNlpModels}.
 */
public final class OpenNlpAnnotator implements TextAnnotator {

    /** Sentences longer than this many tokens are cut: the taggers' cost grows with length and such "sentences" are lists or furniture. */
    public static final int MAX_SENTENCE_TOKENS = 200;

    private final SentenceDetectorME sentenceDetector;
    private final TokenizerME tokenizer;
    private final POSTaggerME pennTagger;
    private final LemmatizerME lemmatizer;

    /**
     * Lemmas by word and tag, shared by every annotator. The statistical lemmatizer is most of the cost of a
     * sentence, and an English lemma hardly depends on more than the word and its tag, so each pair is lemmatised
     * once, on its own (never in context, so the answer is the same whichever article asks first).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LEMMAS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_LEMMAS = 500_000;

    private OpenNlpAnnotator(OpenNlpModels models) {
        sentenceDetector = new SentenceDetectorME(models.sentences);
        tokenizer = new TokenizerME(models.tokens);
        pennTagger = new POSTaggerME(models.pennPos, POSTagFormat.PENN);
        lemmatizer = new LemmatizerME(models.lemmas);
    }

    public static OpenNlpAnnotator create(OpenNlpModels models) {
        return new OpenNlpAnnotator(models);
    }

    private String[] lemmas(String[] words, String[] upos) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String key = words[i] + '\u0001' + upos[i];
            String lemma = LEMMAS.get(key);
            if (lemma == null) {
                lemma = lemmatizer.lemmatize(new String[] {words[i]}, new String[] {upos[i]})[0];
                if (LEMMAS.size() < MAX_CACHED_LEMMAS) {
                    LEMMAS.put(key, lemma);
                }
            }
            out[i] = lemma;
        }
        return out;
    }

    @Override
    public List<Sentence> annotate(String articleText, Paragraph paragraph, int firstSentenceIndex) {
        List<Sentence> out = new ArrayList<>();
        String text = paragraph.text();
        int index = firstSentenceIndex;
        for (Span s : sentenceDetector.sentPosDetect(text)) {
            int sStart = paragraph.start() + s.getStart();
            int sEnd = paragraph.start() + s.getEnd();
            String sText = articleText.substring(sStart, sEnd);
            Span[] spans = splitClitics(sText, tokenizer.tokenizePos(sText));
            if (spans.length == 0) {
                continue;
            }
            if (spans.length > MAX_SENTENCE_TOKENS) {
                spans = java.util.Arrays.copyOf(spans, MAX_SENTENCE_TOKENS);
                sEnd = sStart + spans[spans.length - 1].getEnd();
                sText = articleText.substring(sStart, sEnd);
            }
            String[] words = new String[spans.length];
            for (int i = 0; i < spans.length; i++) {
                words[i] = normaliseQuotes(spans[i].getCoveredText(sText).toString());
            }
            String[] penn = pennTagger.tag(words);
            String[] upos = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                upos[i] = UniversalTags.fromPenn(words[i], penn[i]);
            }
            String[] lemmas = lemmas(words, upos);
            List<Token> tokens = new ArrayList<>(spans.length);
            for (int i = 0; i < spans.length; i++) {
                String surface = spans[i].getCoveredText(sText).toString();
                tokens.add(new Token(surface, sStart + spans[i].getStart(), sStart + spans[i].getEnd(),
                        penn[i], upos[i], lemmaOf(words[i], lemmas[i])));
            }
            out.add(new Sentence(index++, paragraph.index(), sStart, sEnd, sText, tokens));
        }
        return out;
    }

    private static final String QUOTES = "\"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019'";

    /**
     * Splits what the UD tokenizer leaves attached in news copy: quotes glued to words ("”protested",
     * "Regnum”") and possessives with a curly apostrophe ("Korea’s" becomes "Korea" and "’s").
     */
    static Span[] splitClitics(String text, Span[] spans) {
        List<Span> pieces = new ArrayList<>(spans.length + 8);
        for (Span sp : spans) {
            // "field\u201dfurther": a closing quote glued between two words splits them.
            int from = sp.getStart();
            for (int k = sp.getStart() + 1; k < sp.getEnd() - 1; k++) {
                if ("\u201c\u201d\u00ab\u00bb".indexOf(text.charAt(k)) >= 0) {
                    if (k > from) {
                        pieces.add(new Span(from, k));
                    }
                    pieces.add(new Span(k, k + 1));
                    from = k + 1;
                }
            }
            pieces.add(new Span(from, sp.getEnd()));
        }
        // "U.N." and "U.S." come back as "U.N" and "."; inside a sentence the dot belongs to the abbreviation.
        for (int i = 0; i + 2 < pieces.size(); i++) {
            Span a = pieces.get(i);
            Span dot = pieces.get(i + 1);
            if (dot.getStart() == a.getEnd() && dot.length() == 1 && text.charAt(dot.getStart()) == '.'
                    && text.substring(a.getStart(), a.getEnd()).matches("(\\p{L}\\.)+\\p{L}")) {
                pieces.set(i, new Span(a.getStart(), dot.getEnd()));
                pieces.remove(i + 1);
            }
        }
        List<Span> out = new ArrayList<>(pieces.size() + 8);
        for (Span sp : pieces) {
            int s = sp.getStart();
            int e = sp.getEnd();
            while (e - s > 1 && QUOTES.indexOf(text.charAt(s)) >= 0 && Character.isLetterOrDigit(text.charAt(s + 1))) {
                out.add(new Span(s, s + 1));
                s++;
            }
            List<Span> tail = new ArrayList<>();
            while (e - s > 1 && "\"\u201c\u201d\u00ab\u00bb".indexOf(text.charAt(e - 1)) >= 0) {
                tail.add(0, new Span(e - 1, e));
                e--;
            }
            if (e - s > 2 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
                    && (text.charAt(e - 2) == '\u2019' || text.charAt(e - 2) == '\'') && Character.isLetter(text.charAt(e - 3))) {
                out.add(new Span(s, e - 2));
                out.add(new Span(e - 2, e));
            } else {
                out.add(new Span(s, e));
            }
            out.addAll(tail);
        }
        return out.toArray(Span[]::new);
    }

    private static String lemmaOf(String word, String lemma) {
        if (lemma == null || lemma.isEmpty() || lemma.equals("O") || lemma.equals("_")) {
            return word.toLowerCase(Locale.ROOT);
        }
        return lemma.toLowerCase(Locale.ROOT);
    }

    // The 1.5 Penn models were trained on ASCII quotes; curly quotes otherwise become nouns.
    private static String normaliseQuotes(String w) {
        return switch (w) {
            case "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e" -> "\"";
            case "\u2018", "\u2019" -> "'";
            default -> w.replace('\u2019', '\'');
        };
    }
}
