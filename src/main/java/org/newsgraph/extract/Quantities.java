package org.newsgraph.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Reads quantities in English: digits with separators ("15,000"), number words ("ten", "three or four"),
 * ranges ("3-4", "3 to 4"), scale words ("11 billion"), currencies ("$115 million", "800 US dollars")
 * and percentages ("90%"). Skips years, days of months, and currency conversions in parentheses.
 */
public final class Quantities {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("hundred", 100), Map.entry("dozen", 12), Map.entry("one", 1), Map.entry("a", 1));
    private static final Map<String, BigDecimal> SCALES = Map.of(
            "thousand", new BigDecimal("1000"), "million", new BigDecimal("1000000"),
            "billion", new BigDecimal("1000000000"), "trillion", new BigDecimal("1000000000000"),
            "mln", new BigDecimal("1000000"), "bn", new BigDecimal("1000000000"));
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("won", "KRW"), Map.entry("ruble", "RUB"), Map.entry("rubles", "RUB"), Map.entry("rouble", "RUB"),
            Map.entry("roubles", "RUB"), Map.entry("yuan", "CNY"), Map.entry("yen", "JPY"), Map.entry("pound", "GBP"),
            Map.entry("pounds", "GBP"), Map.entry("hryvnia", "UAH"), Map.entry("hryvnias", "UAH"));
    private static final Pattern NUMBER = Pattern.compile("(US\\$|\\$|€|£|USD|EUR)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(%)?");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)[-\u2013](\\d+(?:\\.\\d+)?)");
    private static final Pattern MONTH = Pattern.compile(
            "(?i)jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?");

    private Quantities() {
    }

    /** Every quantity in the sentence, in text order. */
    public static List<QuantityMention> find(Sentence s, ActionLexicon lexicon) {
        List<QuantityMention> out = new ArrayList<>();
        int paren = 0;
        for (int i = 0; i < s.size(); i++) {
            String t = s.token(i).text();
            if (t.equals("(") || t.equals("[")) {
                paren++;
            } else if (t.equals(")") || t.equals("]")) {
                paren = Math.max(0, paren - 1);
            }
            QuantityMention q = at(s, i, lexicon);
            if (q == null) {
                continue;
            }
            // "(around 746 euros)": an outlet's conversion of the amount just given, not a quantity of its own.
            boolean conversion = paren > 0 && q.lemma() == null && !out.isEmpty() && out.get(out.size() - 1).lemma() == null;
            if (!conversion) {
                out.add(q);
            }
            i = q.end() - 1;
        }
        return out;
    }

    private static QuantityMention at(Sentence s, int i, ActionLexicon lexicon) {
        Token tok = s.token(i);
        String lower = tok.lower();
        BigDecimal value;
        BigDecimal max = null;
        String currency = null;
        boolean percent = false;
        int j = i + 1;
        Matcher range = RANGE.matcher(tok.text());
        Matcher num = NUMBER.matcher(tok.text());
        if (range.matches()) {
            value = new BigDecimal(range.group(1));
            max = new BigDecimal(range.group(2));
        } else if (num.matches()) {
            if (num.group(1) == null && num.group(3) == null && isYearOrDay(s, i, num.group(2))) {
                return null;
            }
            value = new BigDecimal(num.group(2).replace(",", ""));
            currency = currencyCode(num.group(1));
            percent = num.group(3) != null;
        } else if ((lower.equals("$") || lower.equals("us$") || lower.equals("€") || lower.equals("£"))
                && i + 1 < s.size() && NUMBER.matcher(s.token(i + 1).text()).matches()) {
            // "$ 115 million": the symbol is its own token.
            value = new BigDecimal(s.token(i + 1).text().replace(",", "").replaceAll("[^0-9.]", ""));
            currency = lower.equals("€") ? "EUR" : lower.equals("£") ? "GBP" : "USD";
            j = i + 2;
        } else if (WORDS.containsKey(lower) && !lower.equals("a") && !lower.equals("one")) {
            value = BigDecimal.valueOf(WORDS.get(lower));
        } else {
            return null;
        }
        // "three or four", "3 to 4", "3-4" split by the tokenizer
        if (j + 1 < s.size() && (s.token(j).lower().equals("or") || s.token(j).lower().equals("to")
                || s.token(j).text().equals("-") || s.token(j).text().equals("\u2013"))) {
            BigDecimal top = simpleNumber(s.token(j + 1).lower());
            if (top != null && top.compareTo(value) > 0) {
                max = top;
                j += 2;
            }
        }
        if (j < s.size() && SCALES.containsKey(s.token(j).lower())) {
            BigDecimal scale = SCALES.get(s.token(j).lower());
            value = value.multiply(scale);
            max = max == null ? null : max.multiply(scale);
            j++;
        }
        if (j < s.size() && (s.token(j).text().equals("%") || s.token(j).lower().equals("percent"))) {
            percent = true;
            j++;
        } else if (j + 1 < s.size() && s.token(j).lower().equals("per") && s.token(j + 1).lower().equals("cent")) {
            percent = true;
            j += 2;
        }
        if (percent) {
            return new QuantityMention(new Quantity(strip(value), strip(max), "percent"), i, j, -1, null);
        }
        if (currency == null) {
            // "800 US dollars", "11 billion dollars"
            int k = j;
            if (k < s.size() && (s.token(k).text().equals("US") || s.token(k).text().equals("U.S."))) {
                k++;
            }
            if (k < s.size() && CURRENCY_WORDS.containsKey(s.token(k).lower())) {
                currency = CURRENCY_WORDS.get(s.token(k).lower());
                j = k + 1;
            }
        }
        if (currency != null) {
            return new QuantityMention(new Quantity(strip(value), strip(max), currency), i, j, -1, null);
        }
        // The counted thing: the head of the noun phrase that follows, or "of them" back to the last counted noun.
        int noun = headNoun(s, j);
        if (noun < 0 && j < s.size() && (s.token(j).lemma().equals("have") || s.token(j).lemma().equals("be"))) {
            // "around 15,000 have been sent": the counted noun was named before.
            int back = previousCountedNoun(s, i, lexicon);
            if (back >= 0) {
                return new QuantityMention(new Quantity(strip(value), strip(max), unit(s.token(back), lexicon)), i, j, back,
                        s.token(back).lemma());
            }
        }
        if (noun < 0) {
            if (j + 1 < s.size() && s.token(j).lower().equals("of") && s.token(j + 1).lower().equals("them")) {
                int back = previousCountedNoun(s, i, lexicon);
                if (back >= 0) {
                    return new QuantityMention(new Quantity(strip(value), strip(max), unit(s.token(back), lexicon)),
                            i, j + 2, back, s.token(back).lemma());
                }
            }
            return null;
        }
        if (WORDS.containsKey(lower) && MONTH.matcher(s.token(noun).text()).matches()) {
            return null;
        }
        return new QuantityMention(new Quantity(strip(value), strip(max), unit(s.token(noun), lexicon)), i, noun + 1,
                noun, s.token(noun).lemma());
    }

    /** The last noun of the noun phrase starting at j ("engineering brigades" gives "brigades"), or -1. */
    private static int headNoun(Sentence s, int j) {
        int head = -1;
        for (int k = j; k < s.size() && k < j + 5; k++) {
            Token t = s.token(k);
            if (t.isNoun() && !MONTH.matcher(t.text()).matches()) {
                head = k;
            } else if (t.pos().startsWith("JJ") || t.pos().equals("VBN") || t.pos().equals("VBG") || t.text().equals("-")) {
                if (head >= 0) {
                    break;
                }
            } else {
                break;
            }
        }
        return head;
    }

    private static int previousCountedNoun(Sentence s, int before, ActionLexicon lexicon) {
        for (int k = before - 1; k >= 0; k--) {
            if (s.token(k).isNoun() && !lexicon.noun(s.token(k)).isEmpty()) {
                return k;
            }
        }
        return -1;
    }

    private static String unit(Token noun, ActionLexicon lexicon) {
        List<ActionLexicon.CountedNoun> known = lexicon.noun(noun);
        return known.isEmpty() ? noun.lemma() : known.get(0).unit();
    }

    private static boolean isYearOrDay(Sentence s, int i, String digits) {
        if (digits.contains(",") || digits.contains(".")) {
            return false;
        }
        int n = Integer.parseInt(digits.length() > 9 ? "0" : digits);
        if (digits.length() == 4 && n >= 1800 && n <= 2100) {
            return true;
        }
        boolean afterMonth = i > 0 && MONTH.matcher(s.token(i - 1).text()).matches();
        boolean beforeMonth = i + 1 < s.size() && MONTH.matcher(s.token(i + 1).text()).matches();
        return n <= 31 && (afterMonth || beforeMonth);
    }

    private static BigDecimal simpleNumber(String t) {
        if (WORDS.containsKey(t) && !t.equals("a")) {
            return BigDecimal.valueOf(WORDS.get(t));
        }
        if (t.matches("\\d+(\\.\\d+)?")) {
            return new BigDecimal(t);
        }
        return null;
    }

    private static String currencyCode(String symbol) {
        if (symbol == null) {
            return null;
        }
        return switch (symbol) {
            case "€", "EUR" -> "EUR";
            case "£" -> "GBP";
            default -> "USD";
        };
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
