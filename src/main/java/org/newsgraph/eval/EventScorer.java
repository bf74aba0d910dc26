package org.newsgraph.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Scores extracted events against gold events exactly as ../shared/tools/score_events.py does (events.md,
 * "How an extraction is scored"): same normalisation, same greedy pairing, same slot tallies.
 */
public final class EventScorer {

    private static final Set<String> GENERIC = Set.of("the", "region", "oblast", "province", "city", "government", "a",
            "an", "of", "s", "republic's");
    private static final Pattern POSSESSIVE = Pattern.compile("'s\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NON_WORD = Pattern.compile("[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ARTICLE = Pattern.compile("^(the|a|an) ");

    /** The six scored slots, in the order the report prints them. */
    public static final List<String> SLOTS = List.of("date", "modality", "place", "quantities", "source", "targets");

    /** The outcome: event, slot and exact-match tallies, per slot and per article, and what was missed or spurious. */
    public record Score(Tally events, Tally slots, Tally exact, Map<String, Tally> perSlot, Map<String, DocScore> perDoc,
                        List<GoldEvent> misses, List<ExtractedEvent> spurious, List<ExtractedEvent> matched) {
    }

    /** One article's counts. */
    public record DocScore(int gold, int extracted, int matched) {
        public double precision() {
            return extracted == 0 ? 0 : (double) matched / extracted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) matched / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private EventScorer() {
    }

    /** Scores the articles the gold file names (or {@code docs} when given). */
    public static Score score(List<GoldEvent> gold, List<ExtractedEvent> extracted, List<String> docs) {
        List<String> scored = docs != null ? docs : new ArrayList<>(new TreeSet<>(gold.stream().map(GoldEvent::doc).toList()));
        Tally events = new Tally();
        Tally exact = new Tally();
        Map<String, Tally> slots = new TreeMap<>();
        Map<String, DocScore> perDoc = new LinkedHashMap<>();
        List<GoldEvent> misses = new ArrayList<>();
        List<ExtractedEvent> spurious = new ArrayList<>();
        List<ExtractedEvent> matchedEvents = new ArrayList<>();
        for (String doc : scored) {
            List<GoldEvent> gs = gold.stream().filter(g -> doc.equals(g.doc())).toList();
            List<ExtractedEvent> es = extracted.stream().filter(e -> doc.equals(e.doc())).toList();
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < es.size(); i++) {
                for (int j = 0; j < gs.size(); j++) {
                    ExtractedEvent e = es.get(i);
                    GoldEvent g = gs.get(j);
                    if (e.action().equals(g.action()) && actorOk(e, g)) {
                        Set<String> overlap = tokens(e.evidence());
                        overlap.retainAll(tokens(g.evidence()));
                        pairs.add(new int[] {overlap.size(), i, j});
                    }
                }
            }
            // Python sorts the tuples (overlap, i, j) in reverse: ties go to the larger indices.
            pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]).thenComparingInt(p -> p[2]).reversed());
            Set<Integer> usedE = new HashSet<>();
            Set<Integer> usedG = new HashSet<>();
            int nExact = 0;
            int matched = 0;
            for (int[] p : pairs) {
                if (!usedE.contains(p[1]) && !usedG.contains(p[2])) {
                    usedE.add(p[1]);
                    usedG.add(p[2]);
                    matched++;
                    if (scoreSlots(es.get(p[1]), gs.get(p[2]), slots)) {
                        nExact++;
                    }
                }
            }
            events.add(matched, es.size() - matched, gs.size() - matched);
            exact.add(nExact, es.size() - nExact, gs.size() - nExact);
            perDoc.put(doc, new DocScore(gs.size(), es.size(), matched));
            for (int j = 0; j < gs.size(); j++) {
                if (!usedG.contains(j)) {
                    misses.add(gs.get(j));
                }
            }
            for (int i = 0; i < es.size(); i++) {
                (usedE.contains(i) ? matchedEvents : spurious).add(es.get(i));
            }
        }
        Tally all = new Tally();
        for (Tally t : slots.values()) {
            all.add(t.tp, t.fp, t.fn);
        }
        return new Score(events, all, exact, slots, perDoc, misses, spurious, matchedEvents);
    }

    private static boolean scoreSlots(ExtractedEvent e, GoldEvent g, Map<String, Tally> slots) {
        boolean exact = true;
        int tp = 0;
        Set<Integer> used = new HashSet<>();
        for (String lab : e.targets()) {
            for (int i = 0; i < g.targets().size(); i++) {
                if (!used.contains(i) && entityMatch(lab, g.targets().get(i))) {
                    used.add(i);
                    tp++;
                    break;
                }
            }
        }
        slots.computeIfAbsent("targets", k -> new Tally()).add(tp, e.targets().size() - tp, g.targets().size() - tp);
        exact &= tp == g.targets().size() && tp == e.targets().size();
        tp = 0;
        used.clear();
        for (double[] q : e.quantities()) {
            for (int i = 0; i < g.quantities().size(); i++) {
                if (!used.contains(i) && quantityMatch(q, g.quantities().get(i))) {
                    used.add(i);
                    tp++;
                    break;
                }
            }
        }
        slots.computeIfAbsent("quantities", k -> new Tally()).add(tp, e.quantities().size() - tp, g.quantities().size() - tp);
        exact &= tp == g.quantities().size() && tp == e.quantities().size();
        exact &= single(slots, "place", entityMatch(e.place(), g.place()), present(e.place()), !g.place().isEmpty());
        exact &= single(slots, "date", dateMatch(e.date(), g.date()), present(e.date()), present(g.date()));
        exact &= single(slots, "source", entityMatch(e.source(), g.source()), present(e.source()), !g.source().isEmpty());
        exact &= single(slots, "modality", lower(e.modality()).equals(lower(g.modality())), present(e.modality()),
                present(g.modality()));
        return exact;
    }

    private static boolean single(Map<String, Tally> slots, String name, boolean ok, boolean hasE, boolean hasG) {
        Tally t = slots.computeIfAbsent(name, k -> new Tally());
        if (hasE && hasG && ok) {
            t.add(1, 0, 0);
            return true;
        }
        t.add(0, hasE ? 1 : 0, hasG ? 1 : 0);
        return !hasE && !hasG;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static boolean actorOk(ExtractedEvent e, GoldEvent g) {
        for (String lab : new String[] {e.actor(), e.agent()}) {
            if (present(lab) && (entityMatch(lab, g.actor()) || entityMatch(lab, g.agent()))) {
                return true;
            }
        }
        return false;
    }

    /** score_events.py's norm(): lower case, possessives and punctuation dropped, a leading article removed. */
    static String norm(String text) {
        if (text == null) {
            return "";
        }
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        t = POSSESSIVE.matcher(t).replaceAll("");
        t = NON_WORD.matcher(t).replaceAll(" ");
        t = SPACES.matcher(t).replaceAll(" ").strip();
        return ARTICLE.matcher(t).replaceFirst("");
    }

    private static Set<String> core(String text) {
        Set<String> out = new HashSet<>();
        for (String w : norm(text).split(" ")) {
            if (!w.isEmpty() && !GENERIC.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** True when an extracted label names the gold entity (its label or an alias, or the same core words). */
    static boolean entityMatch(String label, List<String> entity) {
        if (!present(label) || entity.isEmpty()) {
            return false;
        }
        Set<String> gold = new HashSet<>();
        for (String n : entity) {
            gold.add(norm(n));
        }
        gold.remove("");
        if (gold.contains(norm(label))) {
            return true;
        }
        Set<String> c = core(label);
        if (c.isEmpty()) {
            return false;
        }
        for (String g : gold) {
            if (c.equals(core(g))) {
                return true;
            }
        }
        return false;
    }

    static boolean quantityMatch(double[] ext, GoldEvent.GoldQuantity gold) {
        double lo = ext[0];
        Double hi = ext.length > 1 && !Double.isNaN(ext[1]) ? ext[1] : null;
        if (gold.value() != null) {
            double g = gold.value();
            return Math.abs(lo - g) <= 0.005 * Math.max(1.0, Math.abs(g));
        }
        if (gold.min() == null) {
            return false;
        }
        return Math.abs(lo - gold.min()) <= 1e-9 && (hi == null || gold.max() == null || Math.abs(hi - gold.max()) <= 1e-9);
    }

    static boolean dateMatch(String ext, String gold) {
        if (!present(ext) || !present(gold)) {
            return false;
        }
        String e = ext.strip();
        String g = gold.strip();
        if (e.equals(g)) {
            return true;
        }
        String e10 = e.length() > 10 ? e.substring(0, 10) : e;
        if (g.contains("/")) {
            return List.of(g.split("/", -1)).contains(e10);
        }
        if (g.startsWith("--")) {
            return e.endsWith(g.substring(1));
        }
        return e10.equals(g.length() > 10 ? g.substring(0, 10) : g);
    }

    static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        for (String w : norm(text).split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Unicode-normalised text for display. */
    static String clean(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
