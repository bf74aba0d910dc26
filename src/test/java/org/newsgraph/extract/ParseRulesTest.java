package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.extract.ExtractionRulesTest.only;
import static org.newsgraph.extract.ExtractionRulesTest.read;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newsgraph.Fixtures;
import org.newsgraph.ingest.Article;
import org.newsgraph.rdf.EventGraphWriter;

/** What the dependency parse and the named-entity tags add to the word windows, each on a sentence written for this test. */
class ParseRulesTest {

    private static Set<String> actorsOf(List<Event> events, String action) {
        return events.stream().filter(e -> e.action().equals(action)).map(e -> e.actor().label()).collect(Collectors.toSet());
    }

    @Test
    void aSpeakerTheGazetteerLacksIsNamedByTheParse() {
        Event e = only(read("Finnish Foreign Minister Kaisa Lindqvist said that Finland would send 200 deminers to Ukraine."),
                "DEPLOY");
        assertEquals("Finland", e.actor().label());
        assertEquals("Kaisa Lindqvist", e.source().label(), "the subject of 'said', a person by NER");
        assertEquals(EntityKind.UNRESOLVED, e.source().kind());
    }

    @Test
    void aPlaceTheGazetteerLacksIsKeptWithItsName() {
        Event e = only(read("Chile held talks with Peru in Arica on Monday."), "MEET");
        assertEquals("Chile", e.actor().label());
        assertEquals("Arica", e.place().label());
    }

    @Test
    void weIsTheStatesAJointTextListed() {
        List<Event> events = read("Ghana, Kenya, Senegal and Nigeria issued a joint statement on Friday.\n"
                + "We are deeply concerned by the attack on the aid convoy.");
        assertEquals(Set.of("Ghana", "Kenya", "Senegal", "Nigeria"), actorsOf(events, "CRITICIZE"));
        assertTrue(events.stream().filter(e -> e.action().equals("CRITICIZE")).allMatch(e -> e.rule().equals("concerned-subject")));
    }

    @Test
    void aParseOnlyTriggerNeedsItsActorInTheParse() {
        // "expulsion" is read only through its possessor, never by a word window.
        Event e = only(read("Officials in Paris regretted Mali's expulsion of the French ambassador."), "SEVER_RELATIONS");
        assertEquals("Mali", e.actor().label());
        assertTrue(e.rule().startsWith("noun-possessive"), e.rule());
        assertEquals(List.of(), read("The expulsion of the ambassador was a turning point for the region.").stream()
                .filter(x -> x.action().equals("SEVER_RELATIONS")).toList());
    }

    @Test
    void whatTheTriggerGovernsInTheParseIsCounted() {
        Event e = only(read("Sudan imposed sanctions on four Ethiopian generals on Monday."), "SANCTION");
        assertEquals("Sudan", e.actor().label());
        assertEquals(List.of(new java.math.BigDecimal("4")), e.quantities().stream().map(Quantity::value).toList());
    }

    @Test
    void theDateIsThatOfTheEventsOwnClause() {
        // The article is dated Wednesday 2025-06-18: "on Monday", told as done, is the Monday before.
        Event e = only(read("Egypt hosted Sudan's foreign minister on Monday, officials said in a statement released in May."), "MEET");
        assertEquals("2025-06-16", e.date());
    }

    @Test
    void everyEventNamesTheRuleThatReadIt() {
        List<Event> events = read("Spain recognised Palestine on Tuesday. Norway's recognition followed a day later.");
        assertTrue(events.stream().allMatch(e -> e.rule() != null && !e.rule().isBlank()), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.rule().startsWith("window/")));
    }

    @Test
    void theParsesActorWinsOverTheWindowsAndNeverComesFromADateline() {
        // The windows take the nearest name before "concerned"; the parse knows "we" is concerned, not the cooperation.
        List<Event> events = read("Ghana, Kenya and Senegal issued a joint statement on Friday.\n"
                + "We are gravely concerned by the growing cooperation of Chad with the mercenaries.");
        assertEquals(Set.of("Ghana", "Kenya", "Senegal"), actorsOf(events, "CRITICIZE"));
        Event sent = only(read("ACCRA, Ghana — Nigeria has agreed to send 300 engineers to Niger."), "DEPLOY");
        assertEquals("Nigeria", sent.actor().label(), "the dateline's place is not the subject");
    }

    @Test
    void cooperationBetweenTwoStatesIsARelationshipNotAnAct() {
        assertEquals(List.of(), read("Ghana voiced concern over the cooperation between Mali and Burkina Faso.").stream()
                .filter(e -> e.action().equals("COOPERATE")).toList());
    }

    @Test
    void anOfficialStatementIsTheSourceOfWhatItSaysUnattributed() {
        String title = "Joint statement on the shelling of the Zaporizhzhia power plant";
        Article a = new Article("st.txt", "st.txt", title, title + "\n\nGhana, Kenya and Senegal condemn the shelling of the plant.\n"
                + "Kenya's foreign minister said Kenya would send 20 engineers to Ukraine.\n", null, "2025-06-18", null, "en");
        List<Event> events = Fixtures.newsgraph().process(a, EventGraphWriter.create().build()).events();
        assertEquals(Set.of(title), events.stream().filter(e -> e.action().equals("CRITICIZE")).map(e -> e.source().label())
                .collect(Collectors.toSet()));
        assertEquals("Kenya's foreign minister", only(events, "DEPLOY").source().label(), "a named speaker still wins");
        assertEquals(null, Attributions.statementSource("Ghana condemns the shelling"), "a news headline is no statement");
    }

    @Test
    void whatAnAttackStrikesIsWhereTheFightingIs() {
        Event e = read("Ethiopia has launched drones and missile attacks on Eritrea after a raid on its embassy in Sudan.").stream()
                .filter(x -> x.action().equals("FIGHT") && x.actor().label().equals("Ethiopia")).findFirst().orElseThrow();
        assertEquals("Eritrea", e.place().label(), "the struck state, not the place of a later clause");
        assertTrue(e.targets().stream().anyMatch(t -> t.label().equals("Eritrea")), "and still the target");
    }

    @Test
    void bothSidesAreTheTwoPartiesLastNamed() {
        List<Event> events = read("Ghana and Togo held talks in Accra on Thursday.\nBoth sides signed a border agreement on Friday.");
        assertEquals(Set.of("Ghana", "Togo"), actorsOf(events, "SIGN_AGREEMENT"));
    }

    @Test
    void theTargetIsWhatTheTriggerAimsAtInTheParse() {
        Event expelled = only(read("Ghana expelled four Nigerian diplomats on Monday."), "SEVER_RELATIONS");
        assertEquals(List.of("Nigeria"), expelled.targets().stream().map(Entity::label).toList(), "whose diplomats they are");
        Event sanctioned = only(read("Sudan imposed sanctions on four Ethiopian generals on Monday."), "SANCTION");
        assertEquals(List.of("Ethiopia"), sanctioned.targets().stream().map(Entity::label).toList());
    }

    @Test
    void titledOfficialsCoordinatedWithAListSpeakForTheirStates() {
        List<Event> events = read("The Ministers of Foreign Affairs of Ghana, Kenya and Senegal, and the Secretary of State of the "
                + "United States signed a joint statement on Friday.\nWe are deeply concerned by the attack on the aid convoy.");
        assertEquals(Set.of("Ghana", "Kenya", "Senegal", "United States"), actorsOf(events, "CRITICIZE"));
    }

    @Test
    void aLaunchThatStrikesATerritoryIsAnAttackNotATest() {
        List<Event> strike = read("Ethiopia launched two missiles on Monday, hitting a field in Eritrea.");
        assertTrue(strike.stream().noneMatch(e -> e.action().equals("MILITARY_EXERCISE")), strike.toString());
        assertEquals("Eritrea", only(strike, "FIGHT").place().label());
        assertEquals(List.of(), read("Ethiopia fired two missiles into the sea on Monday.").stream()
                .filter(e -> e.action().equals("FIGHT")).toList(), "a launch into the sea stays a test");
    }
}
