package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsgraph.Fixtures;
import org.newsgraph.nlp.Sentence;

/** Numbers in English: separators, number words, ranges, scale words, currencies and percentages. */
class QuantitiesTest {

    static List<Quantity> read(String sentence) {
        Sentence s = Fixtures.newsgraph().annotate(sentence).sentences().get(0);
        return Quantities.find(s, Fixtures.newsgraph().lexicon()).stream().map(QuantityMention::quantity).toList();
    }

    static Quantity q(String value, String max, String unit) {
        return new Quantity(new BigDecimal(value).stripTrailingZeros(), max == null ? null : new BigDecimal(max).stripTrailingZeros(), unit);
    }

    @Test
    void separatorsAndCountedNouns() {
        assertEquals(List.of(q("15000", null, "soldier")), read("The ministry said 15,000 soldiers had arrived."));
        assertEquals(List.of(q("10", null, "brigade")), read("The army has ten engineering brigades."));
    }

    @Test
    void ranges() {
        assertEquals(List.of(q("3", "4", "brigade")), read("Officials expect three or four brigades to follow."));
        assertEquals(List.of(q("3", "4", "battalion")), read("Moscow wants 3-4 battalions by winter."));
    }

    @Test
    void moneyAndPercentages() {
        assertEquals(List.of(q("115000000", null, "USD")), read("The contract is worth $115 million a year."));
        assertEquals(List.of(q("11000000000", null, "USD")), read("Seoul pledged 11 billion dollars in loans."));
        assertEquals(List.of(q("90", null, "percent")), read("They wrote off 90% of the debt."));
        assertEquals(List.of(q("800", null, "USD")), read("Each worker earns 800 US dollars (around 746 euros) a month."));
    }

    @Test
    void yearsDaysAndVagueAmountsAreNotQuantities() {
        assertEquals(List.of(), read("In 2012 the talks resumed on June 19."));
        assertEquals(List.of(), read("Thousands of workers left the city."));
    }
}
