package org.newsgraph.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsgraph.Fixtures;

/** The CoreNLP stage: sentences, offsets, tags, named entities, SUTime dates and the dependency parse. */
class CoreNlpAnnotatorTest {

    static final String TEXT = "Headline to skip\nGen. Park met U.N. envoys in Aug. 2024 in Seoul. The weather was mild.\n"
            + "Next, Canada's minister Joan Smith will visit Ottawa on Tuesday.";

    static List<Sentence> annotate() {
        TextAnnotator annotator = CoreNlpAnnotator.create(CoreNlpPipeline.get(), Fixtures.newsgraph().lexicon()::mayHoldEvent);
        int first = TEXT.indexOf('\n') + 1;
        int second = TEXT.indexOf('\n', first) + 1;
        return annotator.annotate(TEXT, List.of(new Paragraph(1, first, second - 1, TEXT.substring(first, second - 1)),
                new Paragraph(2, second, TEXT.length(), TEXT.substring(second))), LocalDate.of(2024, 9, 4));
    }

    @Test
    void abbreviationsDoNotEndSentencesAndOffsetsPointIntoTheArticle() {
        List<Sentence> s = annotate();
        assertEquals(3, s.size(), s.toString());
        assertTrue(s.get(0).text().startsWith("Gen. Park met U.N. envoys in Aug. 2024 in Seoul"), s.get(0).text());
        assertEquals(List.of(1, 1, 2), s.stream().map(Sentence::paragraph).toList());
        for (Sentence x : s) {
            assertEquals(x.text(), TEXT.substring(x.start(), x.end()));
            for (Token t : x.tokens()) {
                assertEquals(t.text(), TEXT.substring(t.start(), t.end()));
            }
        }
        assertFalse(s.stream().anyMatch(x -> x.text().contains("Headline")), "text outside the paragraphs is not read");
    }

    @Test
    void sentencesThatCanHoldAnEventAreParsedWithEntitiesAndDates() {
        List<Sentence> s = annotate();
        Sentence meeting = s.get(0);
        assertFalse(meeting.dependencies().isEmpty(), "'met' is a trigger: parsed");
        assertTrue(s.get(1).dependencies().isEmpty(), "no trigger word: not parsed");
        Sentence visit = s.get(2);
        assertEquals("visit", visit.token(8).lemma());
        assertEquals("MD", visit.token(7).pos());
        assertEquals("PERSON", visit.token(5).ner());
        assertEquals("LOCATION", visit.token(9).ner());
        // SUTime reads "on Tuesday" against the article's date (Wednesday 2024-09-04).
        Token tuesday = visit.tokens().stream().filter(t -> t.text().equals("Tuesday")).findFirst().orElseThrow();
        assertEquals("DATE", tuesday.ner());
        assertTrue(tuesday.normalized().startsWith("2024-09"), tuesday.normalized());
        // Node i + 1 of the parse is token i: "Smith" is the subject of "visit".
        var graph = visit.dependencies().graph();
        var verb = graph.getNodeByIndex(9);
        assertEquals("visit", verb.lemma());
        assertTrue(graph.getChildrenWithReln(verb, edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations.NOMINAL_SUBJECT)
                .stream().anyMatch(w -> w.word().equals("minister") || w.word().equals("Smith")), graph.toString());
    }
}
