package org.newsgraph.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;

/**
 * Annotates an article with Stanford CoreNLP. Every sentence is tokenised, tagged and lemmatised; only the sentences
 * the given filter accepts (those that can hold an event) get named entities, SUTime dates and a dependency parse,
 * which are most of CoreNLP's cost. Thread-safe.
 */
public final class CoreNlpAnnotator implements TextAnnotator {

    /** Sentences longer than this many tokens are cut: the taggers' cost grows with length and such "sentences" are lists or furniture. */
    public static final int MAX_SENTENCE_TOKENS = 200;

    private final CoreNlpPipeline pipeline;
    private final Predicate<List<Token>> worthParsing;

    private CoreNlpAnnotator(CoreNlpPipeline pipeline, Predicate<List<Token>> worthParsing) {
        this.pipeline = pipeline;
        this.worthParsing = worthParsing;
    }

    /** An annotator that parses the sentences {@code worthParsing} accepts (by their tagged tokens). */
    public static CoreNlpAnnotator create(CoreNlpPipeline pipeline, Predicate<List<Token>> worthParsing) {
        return new CoreNlpAnnotator(pipeline, worthParsing);
    }

    @Override
    public List<Sentence> annotate(String articleText, List<Paragraph> paragraphs, LocalDate docDate) {
        if (paragraphs.isEmpty()) {
            return List.of();
        }
        // The paragraphs to read, at their offsets in the article; whatever lies between them is blanked.
        char[] kept = new char[articleText.length()];
        java.util.Arrays.fill(kept, ' ');
        for (Paragraph p : paragraphs) {
            articleText.getChars(p.start(), p.end(), kept, p.start());
            if (p.end() < kept.length) {
                kept[p.end()] = '\n';
            }
        }
        Annotation doc = new Annotation(new String(kept));
        pipeline.split.annotate(doc);
        List<CoreMap> maps = doc.get(CoreAnnotations.SentencesAnnotation.class);
        for (CoreMap s : maps) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.size() > MAX_SENTENCE_TOKENS) {
                s.set(CoreAnnotations.TokensAnnotation.class, new ArrayList<>(tokens.subList(0, MAX_SENTENCE_TOKENS)));
            }
        }
        pipeline.tag.annotate(doc);
        List<Sentence> tagged = new ArrayList<>(maps.size());
        List<CoreMap> toParse = new ArrayList<>();
        List<Integer> parsedAt = new ArrayList<>();
        for (CoreMap s : maps) {
            Sentence sentence = sentence(articleText, paragraphs, s, tagged.size(), null);
            if (worthParsing.test(sentence.tokens())) {
                toParse.add(s);
                parsedAt.add(tagged.size());
            }
            tagged.add(sentence);
        }
        if (!toParse.isEmpty()) {
            Annotation deep = new Annotation(doc.get(CoreAnnotations.TextAnnotation.class));
            deep.set(CoreAnnotations.SentencesAnnotation.class, toParse);
            List<CoreLabel> all = new ArrayList<>();
            toParse.forEach(s -> all.addAll(s.get(CoreAnnotations.TokensAnnotation.class)));
            deep.set(CoreAnnotations.TokensAnnotation.class, all);
            if (docDate != null) {
                deep.set(CoreAnnotations.DocDateAnnotation.class, docDate.toString());
            }
            pipeline.deep.annotate(deep);
            for (int i = 0; i < toParse.size(); i++) {
                int at = parsedAt.get(i);
                CoreMap s = toParse.get(i);
                tagged.set(at, sentence(articleText, paragraphs, s, at,
                        s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class)));
            }
        }
        return tagged;
    }

    private static Sentence sentence(String articleText, List<Paragraph> paragraphs, CoreMap s, int index, SemanticGraph graph) {
        List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
        List<Token> tokens = new ArrayList<>(labels.size());
        for (CoreLabel l : labels) {
            String surface = articleText.substring(l.beginPosition(), l.endPosition());
            String tag = l.tag() == null ? "NN" : l.tag();
            String ner = l.ner() == null ? "O" : l.ner();
            String normalized = l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            tokens.add(new Token(surface, l.beginPosition(), l.endPosition(), tag, UniversalTags.fromPenn(surface, tag),
                    lemmaOf(surface, l.lemma()), ner, normalized));
        }
        int start = tokens.isEmpty() ? 0 : tokens.get(0).start();
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        return new Sentence(index, paragraphOf(paragraphs, start), start, end, articleText.substring(start, end), tokens,
                graph == null ? Dependencies.NONE : new Dependencies(graph));
    }

    private static int paragraphOf(List<Paragraph> paragraphs, int offset) {
        for (Paragraph p : paragraphs) {
            if (offset >= p.start() && offset < p.end()) {
                return p.index();
            }
        }
        return paragraphs.get(paragraphs.size() - 1).index();
    }

    private static String lemmaOf(String word, String lemma) {
        return (lemma == null || lemma.isEmpty() ? word : lemma).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
