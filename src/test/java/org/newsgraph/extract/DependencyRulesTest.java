package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.newsgraph.Fixtures;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Ontology;

/** The rules of rules/: each reads its own example, and the rule files and lexicon are well formed. */
class DependencyRulesTest {

    static ActionLexicon lexicon() {
        return Fixtures.newsgraph().lexicon();
    }

    static DependencyRules rules() {
        return DependencyRules.bundled(lexicon());
    }

    /** "RECOGNIZE Armenia -> Palestine": the action, the actor and the target, if any. */
    record Expected(String action, String actor, String target) {
        static Expected parse(DependencyRule r) {
            String[] sides = r.expect().split("->");
            String[] head = sides[0].strip().split("\\s+", 2);
            assertEquals(2, head.length, r.name() + ": expect is ACTION actor [-> target]");
            return new Expected(head[0], head[1].strip(), sides.length > 1 ? sides[1].strip() : null);
        }
    }

    @TestFactory
    List<DynamicTest> everyRuleReadsItsExample() {
        DependencyRules rules = rules();
        Gazetteer gazetteer = Fixtures.newsgraph().gazetteer();
        List<DynamicTest> tests = new ArrayList<>();
        for (DependencyRule r : rules.rules()) {
            tests.add(DynamicTest.dynamicTest(r.name(), () -> {
                Expected want = Expected.parse(r);
                Sentence s = Fixtures.newsgraph().annotate(r.example()).sentences().get(0);
                List<Mention> mentions = gazetteer.mentions(s, new HashSet<>());
                // The rule itself: its trigger is a word of the expected action, its actor node names the actor.
                boolean found = false;
                for (DependencyRules.RuleMatch m : rules.match(s)) {
                    if (m.rule() != r) {
                        continue;
                    }
                    boolean signals = s.token(m.trigger()).lemmaCandidates().stream().flatMap(l -> lexicon().startingWith(l).stream())
                            .anyMatch(t -> t.action().equals(want.action()));
                    boolean actor = DependencyArguments.at(s, mentions, List.of(m), m.trigger(), "actor").stream()
                            .anyMatch(a -> a.mention() != null && a.mention().entity().label().equals(want.actor()));
                    found |= signals && actor;
                }
                assertTrue(found, r.name() + " does not read its example: " + s.dependencies().graph());
                // The whole extractor gives the event.
                List<Event> events = ExtractionRulesTest.read(r.example());
                assertTrue(events.stream().anyMatch(e -> e.action().equals(want.action()) && e.actor().label().equals(want.actor())
                        && (want.target() == null || ExtractionRulesTest.labels(e.targets()).contains(want.target()))),
                        () -> r.name() + ": " + want + " not in " + events);
            }));
        }
        return tests;
    }

    @Test
    void everyRuleExpectsAKnownActionAndNamesItsTrigger() {
        List<DependencyRule> all = rules().rules();
        assertFalse(all.isEmpty());
        assertEquals(all.size(), all.stream().map(DependencyRule::name).distinct().count(), "rule names are unique");
        for (DependencyRule r : all) {
            assertTrue(lexicon().actionCodes().contains(Expected.parse(r).action()), r.name() + ": unknown action code");
            assertTrue(lexicon().actionCodes().containsAll(r.actions()), r.name() + ": unknown action code in " + r.actions());
            assertTrue(r.reads(Expected.parse(r).action()), r.name() + ": its example is of an action it does not read");
            assertTrue(r.pattern().contains("=trigger"), r.name());
            assertTrue(r.confidence() > 0 && r.confidence() <= 1, r.name());
        }
    }

    @Test
    void aRuleWithoutAnExampleOrWithABadPatternIsRefused() {
        IllegalArgumentException noExample = assertThrows(IllegalArgumentException.class, () -> DependencyRules.parse("x.rules",
                "[lonely]\npattern: {lemma:$VERB}=trigger >nsubj {}=actor\nconfidence: 0.5\nexpect: MEET Japan\n"));
        assertTrue(noExample.getMessage().contains("x.rules") && noExample.getMessage().contains("example"), noExample.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DependencyRules.compile(
                DependencyRules.parse("y.rules", "[broken]\npattern: {lemma:$VERB=trigger >>>\nconfidence: 0.5\n"
                        + "example: Japan met Canada.\nexpect: MEET Japan\n"), lexicon()));
        assertTrue(bad.getMessage().contains("y.rules") && bad.getMessage().contains("broken"), bad.getMessage());
    }

    @Test
    void theLexiconHasNoDuplicateEntries() {
        Model m = Ontology.fromClasspath().ontology();
        Map<String, Resource> seen = new HashMap<>();
        m.listSubjectsWithProperty(RDF.type, NG.Trigger).forEachRemaining(t -> {
            String key = t.getPropertyResourceValue(NG.signals) + " " + t.getProperty(NG.lemma).getString() + " "
                    + t.getProperty(NG.partOfSpeech).getString() + " " + t.getProperty(NG.requiresPreposition)
                    + " " + t.getProperty(NG.actorPreposition) + " " + t.getProperty(NG.objectClass);
            Resource before = seen.put(key, t);
            assertTrue(before == null, "duplicate lexicon entry: " + t + " and " + before);
        });
        assertTrue(seen.size() > 100);
    }
}
