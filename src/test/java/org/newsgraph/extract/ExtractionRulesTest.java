package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newsgraph.Fixtures;
import org.newsgraph.ingest.Article;
import org.newsgraph.rdf.EventGraphWriter;

/** Rules of English the extractor follows, each shown on a sentence written for this test. */
class ExtractionRulesTest {

    /** The events of a one-paragraph article dated 2025-06-18 (a Wednesday). */
    static List<Event> read(String text) {
        Article a = new Article("rule.txt", "rule.txt", "Rule", "Rule\n\n" + text + "\n", null, "2025-06-18", null, "en");
        return Fixtures.newsgraph().process(a, EventGraphWriter.create().build()).events();
    }

    static Event only(List<Event> events, String action) {
        List<Event> found = events.stream().filter(e -> e.action().equals(action)).toList();
        assertEquals(1, found.size(), () -> action + " in " + events);
        return found.get(0);
    }

    static Set<String> labels(List<Entity> entities) {
        return entities.stream().map(Entity::label).collect(Collectors.toSet());
    }

    @Test
    void passiveWithByNamesTheActor() {
        Event e = only(read("Artillery shells were delivered to Russia by North Korea in May, Ukrainian intelligence said."),
                "SUPPLY_ARMS");
        assertEquals("North Korea", e.actor().label());
        assertEquals(Set.of("Russia"), labels(e.targets()));
        assertEquals("2025-05", e.date(), "a month without a year takes the article's year");
        assertEquals("Ukrainian intelligence", e.source().label());
        assertEquals(Modality.ASSERTED, e.modality());
    }

    @Test
    void pronounSubjectAndFutureInReportedSpeech() {
        Event e = only(read("Japan said it would hold talks with Canada on Friday."), "MEET");
        assertEquals("Japan", e.actor().label());
        assertEquals(Set.of("Canada"), labels(e.targets()));
        assertEquals(Modality.PLANNED, e.modality());
        assertEquals("2025-06-20", e.date(), "a weekday in a plan is the next one");
    }

    @Test
    void namedGroupGivesOneRecordPerMember() {
        List<Event> events = read("The G7 condemned the missile launch on Tuesday.").stream()
                .filter(e -> e.action().equals("CRITICIZE")).toList();
        assertEquals(Set.of("Canada", "France", "Germany", "Italy", "Japan", "United Kingdom", "United States"),
                events.stream().map(e -> e.actor().label()).collect(Collectors.toSet()));
        events.forEach(e -> {
            assertEquals("G7", e.agent().label());
            assertEquals("2025-06-17", e.date());
        });
    }

    @Test
    void denialGivesTheDenialAndTheDeniedEvent() {
        List<Event> events = read("Moscow denies that North Korean troops are fighting in Ukraine.");
        Event deny = only(events, "DENY");
        assertEquals("Russia", deny.actor().label());
        Event fight = only(events, "FIGHT");
        assertEquals("North Korea", fight.actor().label());
        assertEquals(Modality.DENIED, fight.modality());
        assertEquals("Russia", fight.source().label());
        assertEquals("Ukraine", fight.place().label());
    }

    @Test
    void possibilityWithCountAndAccordingTo() {
        Event e = only(read("China could send 500 observers to the border region, according to Reuters."), "DEPLOY");
        assertEquals("China", e.actor().label());
        assertEquals(Modality.POSSIBLE, e.modality());
        assertEquals(List.of(new Quantity(new BigDecimal("5E+2"), null, "observer")), e.quantities());
        assertEquals("Reuters", e.source().label());
    }

    @Test
    void agreementToActIsAPlanAndAgenciesSpeakForTheirState() {
        Event e = only(read("Iran agreed to supply drones to Russia, the State Department said."), "SUPPLY_ARMS");
        assertEquals("Iran", e.actor().label());
        assertEquals(Set.of("Russia"), labels(e.targets()));
        assertEquals(Modality.PLANNED, e.modality());
        assertEquals("United States Department of State", e.source().label());
    }

    @Test
    void receivingFromNamesTheGiverAsActor() {
        Event e = only(read("Belarus would obtain fuel and grain from Russia under the deal."), "PROVIDE_AID");
        assertEquals("Russia", e.actor().label());
        assertEquals(Set.of("Belarus"), labels(e.targets()));
        assertEquals(Modality.POSSIBLE, e.modality());
    }

    @Test
    void possessiveOwnsANounTrigger() {
        Event e = only(read("North Korea's shipments of missiles to Russia continued, the report said."), "SUPPLY_ARMS");
        assertEquals("North Korea", e.actor().label());
        assertEquals(Set.of("Russia"), labels(e.targets()));
    }

    @Test
    void wouldHaveReportsAPastClaim() {
        Event e = only(read("Hungary would have approved the plan in March, diplomats said."), "SUPPORT");
        assertEquals(Modality.ASSERTED, e.modality());
        assertEquals("2025-03", e.date());
        assertEquals("diplomats", e.source().label());
    }

    @Test
    void listsOfStatesActTogether() {
        List<Event> events = read("South Korea, the United States and Japan conducted air drills near Jeju Island.");
        assertEquals(Set.of("South Korea", "United States", "Japan"), events.stream()
                .filter(e -> e.action().equals("MILITARY_EXERCISE")).map(e -> e.actor().label()).collect(Collectors.toSet()));
    }

    @Test
    void combatPurposeGivesAFightToo() {
        List<Event> events = read("Analysts say North Korea may deploy more soldiers to fight alongside Russian forces.");
        assertEquals(Modality.POSSIBLE, only(events, "DEPLOY").modality());
        Event fight = only(events, "FIGHT");
        assertEquals("North Korea", fight.actor().label());
        assertEquals(Modality.POSSIBLE, fight.modality());
    }

    @Test
    void pageFurnitureAndQuestionsGiveNothing() {
        assertEquals(List.of(), read("Read also: North Korea sends troops to Russia"));
        assertEquals(List.of(), read("Will North Korea send more troops to Russia?"));
        assertEquals(List.of(), read("Share this article"));
    }

    @Test
    void currencyConversionsAreNotQuantities() {
        Event e = only(read("Russia will pay each worker 900 US dollars (about 830 euros) a month, officials said."), "PAY");
        assertEquals(1, e.quantities().size(), e.quantities().toString());
        assertEquals("USD", e.quantities().get(0).unit());
        assertEquals(0, new BigDecimal("900").compareTo(e.quantities().get(0).value()));
        assertNull(e.place());
    }

    @Test
    void everyEventHasConfidenceBetweenZeroAndOne() {
        for (Event e : read("Iran agreed to supply drones to Russia. Moscow denies that North Korean troops are fighting in Ukraine.")) {
            assertTrue(e.confidence() > 0 && e.confidence() <= 1, e.toString());
        }
    }

    @Test
    void aCapitalNamesTheStateOfItsTime() {
        Event e = only(read("Moscow sent 250,000 troops into Czechoslovakia in 1968."), "DEPLOY");
        assertEquals("Soviet Union", e.actor().label());
        assertEquals(List.of(new Quantity(new BigDecimal("2.5E+5"), null, "soldier")), e.quantities());
        assertEquals("1968", e.date());
    }

    @Test
    void anSFormAfterASingularSubjectIsAVerb() {
        Event e = only(read("The Japanese government expresses deep concern over the launch."), "CRITICIZE");
        assertEquals("Japan", e.actor().label());
    }

    @Test
    void theTwoSidesAreTheTwoLastNamed() {
        List<Event> events = read("Wang Yi held talks with Sergei Lavrov in Beijing, where the two sides agreed on closer coordination.")
                .stream().filter(e -> e.action().equals("COOPERATE")).toList();
        assertEquals(Set.of("China", "Russia"), events.stream().map(e -> e.actor().label()).collect(Collectors.toSet()));
    }

    @Test
    void unSanctionsReferToTheRegimeOfTheStateConcerned() {
        List<Event> events = read("Seoul accused Moscow of violating UN sanctions by hiring North Korean workers.");
        Event violate = only(events, "VIOLATE");
        assertEquals("Russia", violate.actor().label());
        assertEquals(Set.of("UN sanctions on North Korea"), labels(violate.targets()));
        assertEquals(Set.of("Russia"), labels(only(events, "CRITICIZE").targets()));
    }

    @Test
    void conditionsClaimNothing() {
        List<Event> events = read("If Iran supplies missiles to Russia, the European Union will impose new sanctions on Tehran.");
        assertTrue(events.stream().noneMatch(e -> e.action().equals("SUPPLY_ARMS")), events.toString());
        Event sanction = only(events, "SANCTION");
        assertEquals(Modality.PLANNED, sanction.modality());
        assertEquals(Set.of("Iran"), labels(sanction.targets()));
    }

    @Test
    void speechActsAreNotMergedAsRepeatedClaims() {
        List<Event> events = read("Kyiv condemned the launch. Ukraine's foreign ministry also criticised Minsk for hosting the drills.");
        assertEquals(2, events.stream().filter(e -> e.action().equals("CRITICIZE")).count(), events.toString());
    }

    @Test
    void callingSomethingUnacceptableIsCriticism() {
        Event e = only(read("Japan's foreign ministry said the launch was \"absolutely unacceptable\"."), "CRITICIZE");
        assertEquals("Japan", e.actor().label());
        assertEquals("Ministry of Foreign Affairs of Japan", e.source().label());
    }

    @Test
    void summoningAnAmbassadorIsCriticismOfItsState() {
        Event e = only(read("Germany summoned the Russian ambassador on Monday."), "CRITICIZE");
        assertEquals("Germany", e.actor().label());
        assertEquals(Set.of("Russia"), labels(e.targets()));
        assertEquals("2025-06-16", e.date());
    }

    @Test
    void theLaunchNamesTheEventThatViolates() {
        List<Event> events = read("North Korea fired a ballistic missile on Sunday. Seoul said the launch violated UN resolutions.");
        Event violate = only(events, "VIOLATE");
        assertEquals("North Korea", violate.actor().label());
        assertEquals("South Korea", violate.source().label(), "a capital speaking is its government");
        assertEquals("South Korea", only(events, "CRITICIZE").actor().label());
    }

    @Test
    void combatIsMutualWhereTheEnemyForcesAreNamed() {
        List<Event> events = read("Ukrainian forces engaged North Korean troops near Sudzha.");
        assertEquals(Set.of("Ukraine", "North Korea"), events.stream().filter(e -> e.action().equals("FIGHT"))
                .map(e -> e.actor().label()).collect(Collectors.toSet()));
    }

    @Test
    void alliesAreNotEnemies() {
        Event fight = only(read("North Korean soldiers fought alongside Russian forces in Kursk."), "FIGHT");
        assertEquals("North Korea", fight.actor().label());
        assertEquals(List.of(), fight.targets());
        assertEquals("Kursk", fight.place().label());
    }

    @Test
    void aKnownTreatyNamesItsSignatories() {
        List<Event> events = read("The two countries signed the comprehensive strategic partnership treaty.");
        assertEquals(Set.of("Russia", "North Korea"), events.stream().filter(e -> e.action().equals("SIGN_AGREEMENT"))
                .map(e -> e.actor().label()).collect(Collectors.toSet()));
    }

    @Test
    void whereTroopsAreSentIsThePlaceAndTheRegionWithinTheStateSaysMore() {
        Event toState = only(read("Belarus has sent 2,000 engineers to Russia, officials said."), "DEPLOY");
        assertEquals("Russia", toState.place().label());
        assertEquals(Set.of("Russia"), labels(toState.targets()), "the state is still whom the deployment serves");
        Event toRegion = only(read("Belarus has sent 2,000 engineers to Russia's Kursk region, officials said."), "DEPLOY");
        assertEquals("Kursk", toRegion.place().label());
    }
}
