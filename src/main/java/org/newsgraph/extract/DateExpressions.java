package org.newsgraph.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsgraph.nlp.Sentence;

/**
 * Reads dates in English text and resolves them to ISO 8601, as precise as the text allows:
 * "22 December 2017", "June 19", "in 2012", "next month", "on Tuesday", "a week later", "[1950-53]".
 */
public final class DateExpressions {

    /** What an expression needs from its article to resolve: the article date, a year hint, the last date told. */
    public record Context(LocalDate articleDate, Integer year, String lastDate) {
    }

    /** A date expression over characters [start, end) of the article, resolved on demand. */
    public record Expression(int start, int end, Kind kind, int year, int month, int day, int amount, String unit) {

        public enum Kind { FULL, MONTH_DAY, MONTH, YEAR_MONTH, YEAR, INTERVAL, RELATIVE_UNIT, WEEKDAY, DEICTIC, LATER }

        /** The ISO 8601 value, or null when the article does not give what it needs. */
        public String resolve(Context c, boolean future) {
            LocalDate ref = c.articleDate();
            switch (kind) {
                case FULL:
                    return LocalDate.of(year, month, day).toString();
                case YEAR_MONTH:
                    return YearMonth.of(year, month).toString();
                case YEAR:
                    return String.format(Locale.ROOT, "%04d", year);
                case INTERVAL:
                    return String.format(Locale.ROOT, "%04d/%04d", year, amount);
                case MONTH_DAY: {
                    Integer y = ref != null ? Integer.valueOf(ref.getYear()) : c.year();
                    return y == null ? String.format(Locale.ROOT, "--%02d-%02d", month, day)
                            : LocalDate.of(y, month, day).toString();
                }
                case MONTH: {
                    // "in May": the article's year, or the year before when May is still to come at the article's date.
                    if (ref != null) {
                        int y = month > ref.getMonthValue() && !future ? ref.getYear() - 1 : ref.getYear();
                        return YearMonth.of(y, month).toString();
                    }
                    return c.year() == null ? null : YearMonth.of(c.year(), month).toString();
                }
                case RELATIVE_UNIT: {
                    if (ref == null) {
                        return null;
                    }
                    return switch (unit) {
                        case "month" -> YearMonth.from(ref).plusMonths(amount).toString();
                        case "year" -> String.valueOf(ref.getYear() + amount);
                        default -> ref.plusWeeks(amount).toString();
                    };
                }
                case WEEKDAY: {
                    if (ref == null) {
                        return null;
                    }
                    DayOfWeek d = DayOfWeek.of(day);
                    return (future ? ref.with(TemporalAdjusters.nextOrSame(d))
                            : ref.with(TemporalAdjusters.previousOrSame(d))).toString();
                }
                case DEICTIC:
                    return ref == null ? null : ref.plusDays(amount).toString();
                case LATER: {
                    if (c.lastDate() == null || c.lastDate().length() != 10) {
                        return null;
                    }
                    LocalDate last = LocalDate.parse(c.lastDate());
                    return last.plus(amount, ChronoUnit.valueOf(unit)).toString();
                }
                default:
                    return null;
            }
        }
    }

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MDY = Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,\\s*(\\d{4})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MD = Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*,?\\s*\\d{4})");
    private static final Pattern DM = Pattern.compile("\\b(\\d{1,2})\\s+(" + MONTHS + ")\\b(?!\\.?,?\\s+\\d{4})");
    private static final Pattern MY = Pattern.compile("\\b(" + MONTHS + ")\\s+(?:of\\s+)?(\\d{4})\\b");
    private static final Pattern IN_MONTH = Pattern.compile("\\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?)\\s+(" + MONTHS + ")\\b(?!\\s+\\d)");
    private static final Pattern INTERVAL = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\s*[-\u2013]\\s*(\\d{2}|1[89]\\d\\d|20\\d\\d)\\b");
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:in|since|by|during|until|of|early|late|mid)[\\s-]+(1[89]\\d\\d|20\\d\\d)\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(next|last|this|coming|previous|past)\\s+(week|month|year)\\b");
    private static final Pattern EARLIER_THIS = Pattern.compile("(?i)\\b(earlier|later)\\s+this\\s+(month|year)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Pattern DEICTIC = Pattern.compile("(?i)\\b(yesterday|today|tomorrow)\\b");
    private static final Pattern LATER = Pattern.compile(
            "(?i)\\b(a|an|one|two|three|four|five|six|seven|\\d+)\\s+(day|week|month|year)s?\\s+later\\b|\\bthe\\s+(?:next|following)\\s+(day|week|month)\\b");
    private static final Map<String, Integer> SMALL = Map.of("a", 1, "an", 1, "one", 1, "two", 2, "three", 3,
            "four", 4, "five", 5, "six", 6, "seven", 7);

    private DateExpressions() {
    }

    /** The date expressions of a sentence, in text order, never overlapping. */
    public static List<Expression> find(Sentence s) {
        return find(s.text(), s.start());
    }

    /** The date expressions of a text whose first character is at {@code offset} in the article. */
    public static List<Expression> find(String text, int offset) {
        List<Expression> out = new ArrayList<>();
        // Most sentences have no digit, and most patterns need one: skipping them changes nothing but the time.
        boolean digits = false;
        for (int i = 0; i < text.length() && !digits; i++) {
            digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (digits) {
            scan(out, ISO, text, offset, m -> full(ri(m, 1), ri(m, 2), ri(m, 3)));
            scan(out, MDY, text, offset, m -> full(ri(m, 3), month(m.group(1)), ri(m, 2)));
            scan(out, DMY, text, offset, m -> full(ri(m, 3), month(m.group(2)), ri(m, 1)));
            scan(out, MY, text, offset, m -> new Expression(0, 0, Expression.Kind.YEAR_MONTH, ri(m, 2), month(m.group(1)), 0, 0, null));
            scan(out, MD, text, offset, m -> monthDay(month(m.group(1)), ri(m, 2)));
        }
        scan(out, IN_MONTH, text, offset, m -> new Expression(0, 0, Expression.Kind.MONTH, 0, month(m.group(1)), 0, 0, null));
        if (digits) {
            scan(out, DM, text, offset, m -> monthDay(month(m.group(2)), ri(m, 1)));
            scan(out, INTERVAL, text, offset, m -> {
                int from = ri(m, 1);
                String to = m.group(2);
                int end = to.length() == 2 ? from / 100 * 100 + Integer.parseInt(to) : Integer.parseInt(to);
                return end > from ? new Expression(0, 0, Expression.Kind.INTERVAL, from, 0, 0, end, null) : null;
            });
            scan(out, YEAR, text, offset, m -> new Expression(0, 0, Expression.Kind.YEAR, ri(m, 1), 0, 0, 0, null));
        }
        scan(out, EARLIER_THIS, text, offset, m -> new Expression(0, 0, Expression.Kind.RELATIVE_UNIT, 0, 0, 0, 0,
                m.group(2).toLowerCase(Locale.ROOT)));
        scan(out, RELATIVE, text, offset, m -> {
            String which = m.group(1).toLowerCase(Locale.ROOT);
            int amount = switch (which) {
                case "next", "coming" -> 1;
                case "last", "previous", "past" -> -1;
                default -> 0;
            };
            return new Expression(0, 0, Expression.Kind.RELATIVE_UNIT, 0, 0, 0, amount, m.group(2).toLowerCase(Locale.ROOT));
        });
        scan(out, WEEKDAY, text, offset, m -> new Expression(0, 0, Expression.Kind.WEEKDAY, 0, 0,
                DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT)).getValue(), 0, null));
        scan(out, DEICTIC, text, offset, m -> new Expression(0, 0, Expression.Kind.DEICTIC, 0, 0, 0,
                switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "yesterday" -> -1;
                    case "tomorrow" -> 1;
                    default -> 0;
                }, null));
        scan(out, LATER, text, offset, m -> {
            if (m.group(3) != null) {
                return new Expression(0, 0, Expression.Kind.LATER, 0, 0, 0, 1, unitName(m.group(3)));
            }
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int amount = SMALL.containsKey(n) ? SMALL.get(n) : Integer.parseInt(n);
            return new Expression(0, 0, Expression.Kind.LATER, 0, 0, 0, amount, unitName(m.group(2)));
        });
        out.sort(java.util.Comparator.comparingInt(Expression::start));
        return out;
    }

    /** The latest full date (year, month, day) the text states, or null. */
    public static LocalDate latestFullDate(String text) {
        LocalDate best = null;
        for (Expression e : find(text, 0)) {
            if (e.kind() == Expression.Kind.FULL) {
                LocalDate d = LocalDate.of(e.year(), e.month(), e.day());
                if (best == null || d.isAfter(best)) {
                    best = d;
                }
            }
        }
        return best;
    }

    /** The latest year the text names anywhere, or null: the year that month-day dates take when nothing else tells. */
    public static Integer latestYear(String text) {
        Integer best = null;
        Matcher m = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b").matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (best == null || y > best) {
                best = y;
            }
        }
        return best;
    }

    private interface Maker {
        Expression make(Matcher m);
    }

    private static void scan(List<Expression> out, Pattern p, String text, int offset, Maker maker) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            int s = offset + m.start();
            int e = offset + m.end();
            if (out.stream().anyMatch(x -> x.start() < e && s < x.end())) {
                continue;
            }
            Expression x;
            try {
                x = maker.make(m);
            } catch (java.time.DateTimeException | NumberFormatException ex) {
                continue;
            }
            if (x != null) {
                out.add(new Expression(s, e, x.kind(), x.year(), x.month(), x.day(), x.amount(), x.unit()));
            }
        }
    }

    private static Expression full(int y, int m, int d) {
        LocalDate.of(y, m, d);
        return new Expression(0, 0, Expression.Kind.FULL, y, m, d, 0, null);
    }

    private static Expression monthDay(int m, int d) {
        if (d < 1 || d > 31) {
            return null;
        }
        java.time.MonthDay.of(m, d);
        return new Expression(0, 0, Expression.Kind.MONTH_DAY, 0, m, d, 0, null);
    }

    private static int ri(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (n.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new NumberFormatException(name);
    }

    private static String unitName(String u) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "day" -> "DAYS";
            case "week" -> "WEEKS";
            case "month" -> "MONTHS";
            default -> "YEARS";
        };
    }
}
