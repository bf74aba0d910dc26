package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Dates in English, resolved to ISO 8601 against what the article tells. */
class DateExpressionsTest {

    static String resolve(String text, LocalDate articleDate, Integer year, String last, boolean future) {
        List<DateExpressions.Expression> found = DateExpressions.find(text, 0);
        return found.isEmpty() ? null : found.get(0).resolve(new DateExpressions.Context(articleDate, year, last), future);
    }

    static String resolve(String text, LocalDate articleDate) {
        return resolve(text, articleDate, null, null, false);
    }

    @Test
    void fullDatesInBothOrders() {
        assertEquals("2017-12-22", resolve("within 24 months from 22 December 2017.", null));
        assertEquals("2024-06-27", resolve("June 27,2024 1717", null));
        assertEquals("2024-06-19", resolve("on Jun. 19, 2024, in Pyongyang", null));
        assertEquals("2024-06-19", resolve("reported 2024-06-19", null));
    }

    @Test
    void monthAndDayTakeTheArticleYearOrStayPartial() {
        assertEquals("2022-07-13", resolve("On July 13, the ministry", LocalDate.of(2022, 8, 4)));
        assertEquals("2024-07-13", resolve("On July 13, the ministry", null, 2024, null, false));
        assertEquals("--07-13", resolve("On July 13, the ministry", null));
    }

    @Test
    void relativeToTheArticleDate() {
        LocalDate wednesday = LocalDate.of(2025, 6, 18);
        assertEquals("2025-07", resolve("from next month", wednesday));
        assertEquals("2025-05", resolve("last month", wednesday));
        assertEquals("2025-06-17", resolve("on Tuesday", wednesday));
        assertEquals("2025-06-24", resolve("on Tuesday", wednesday, null, null, true));
        assertEquals("2025-06-17", resolve("yesterday", wednesday));
        assertNull(resolve("on Tuesday", null), "no article date, no answer");
    }

    @Test
    void laterCountsFromTheLastDateTold() {
        assertEquals("2022-07-20", resolve("Then, a week later, he said", null, null, "2022-07-13", false));
        assertEquals("2023-05-10", resolve("the next day", null, null, "2023-05-09", false));
        assertNull(resolve("two days later", null));
    }

    @Test
    void yearsAndSpans() {
        assertEquals("2012", resolve("In 2012, Russia cancelled", null));
        assertEquals("1950/1953", resolve("during the Korean War [1950-53] sent", null));
        assertEquals("2024-03", resolve("in March 2024", null));
    }

    @Test
    void theArticleDateIsTheLatestFullDateItStates() {
        assertEquals(LocalDate.of(2022, 8, 4),
                DateExpressions.latestFullDate("from 22 December 2017 ... (@someone) August 4, 2022"));
        assertNull(DateExpressions.latestFullDate("On July 13 and then in 2012"));
    }
}
