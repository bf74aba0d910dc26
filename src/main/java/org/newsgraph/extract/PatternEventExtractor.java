package org.newsgraph.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsgraph.ingest.Article;
import org.newsgraph.nlp.AnnotatedText;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;
import org.newsgraph.rdf.NG;

/**
 * Reads events with rules of English over OpenNLP annotations: a trigger word from the lexicon, its actor
 * (subject, passive "by", possessive, pronoun), targets, place, quantities, date, source and modality.
 * <pre>{@code
 * EventExtractor x = PatternEventExtractor.create().gazetteer(g).lexicon(l).build();
 * }</pre>
 */
public final class PatternEventExtractor implements EventExtractor {

    /** At most this many events per article: a longer list means a runaway page, not news. */
    public static final int MAX_EVENTS_PER_ARTICLE = 500;

    private static final Set<String> SYMMETRIC = Set.of("SIGN_AGREEMENT", "MEET", "COOPERATE");
    private static final Set<String> LOCATIVE = Set.of("in", "into", "to", "at", "near", "inside", "across", "around",
            "off", "toward", "towards", "from", "on");
    private static final Set<String> CLAUSE_BREAK = Set.of(";", "which", "who", "whom", "while", "but", "whereas",
            "although", "though", "because", "since", "\u2013", "\u2014");
    private static final Set<String> PLANNED_CUES = Set.of("will", "'ll", "shall", "wo", "should", "plan", "intend",
            "prepare", "agree", "commit", "pledge", "promise", "decide", "expect", "set", "ready", "schedule", "aim",
            "going", "vow", "plans", "planned");
    private static final Set<String> POSSIBLE_CUES = Set.of("could", "may", "might", "can", "possible", "possibly",
            "potential", "potentially", "likely", "suggest", "propose", "consider", "if", "reportedly");
    private static final Set<String> NEGATION = Set.of("not", "n't", "never", "no");
    private static final Set<String> ANAPHORS = Set.of("it", "its", "he", "his", "she", "her", "they", "their");
    private static final Pattern RESOLUTION = Pattern.compile("(?i)^(resolution|resolutions|unscr)$");

    private final Gazetteer gazetteer;
    private final ActionLexicon lexicon;

    private PatternEventExtractor(Builder b) {
        this.gazetteer = Objects.requireNonNull(b.gazetteer, "gazetteer");
        this.lexicon = Objects.requireNonNull(b.lexicon, "lexicon");
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder for {@link PatternEventExtractor}. */
    public static final class Builder {
        private Gazetteer gazetteer;
        private ActionLexicon lexicon;

        public Builder gazetteer(Gazetteer g) {
            this.gazetteer = g;
            return this;
        }

        public Builder lexicon(ActionLexicon l) {
            this.lexicon = l;
            return this;
        }

        public PatternEventExtractor build() {
            return new PatternEventExtractor(this);
        }
    }

    /** An acting entity: the actor an event records and the agent it acted through. */
    private record Acting(Entity actor, Entity agent, double confidence) {
    }

    /** Everything the rules know about one sentence. */
    private record Reading(Sentence sentence, List<Mention> mentions, Attribution attribution,
                           List<QuantityMention> quantities, List<DateExpressions.Expression> dates) {
    }

    private record Match(Trigger trigger, int start, int end) {
    }

    @Override
    public List<Event> extract(Article article, AnnotatedText text) {
        LocalDate articleDate = article.publishedDate().orElse(null);
        Integer yearHint = articleDate != null ? Integer.valueOf(articleDate.getYear()) : DateExpressions.latestYear(text.text());
        Set<String> namedPeople = new HashSet<>();
        List<Reading> readings = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<Mention> mentions = new ArrayList<>(gazetteer.mentions(s, namedPeople));
            addResolutions(s, mentions);
            for (Mention m : mentions) {
                if (m.entity().kind() == EntityKind.PERSON && m.how() == Mention.How.NAME) {
                    namedPeople.add(m.entity().iri());
                }
            }
            readings.add(new Reading(s, mentions, Attributions.find(s, mentions, lexicon),
                    Quantities.find(s, lexicon), DateExpressions.find(s)));
        }
        Discourse discourse = new Discourse();
        String lastDate = null;
        List<Event> events = new ArrayList<>();
        for (int r = 0; r < readings.size(); r++) {
            Reading reading = readings.get(r);
            Entity source = sourceOf(readings, r, discourse);
            DateExpressions.Context dates = new DateExpressions.Context(articleDate, yearHint, lastDate);
            List<Event> found = sentenceEvents(reading, source, dates, discourse);
            for (Event e : found) {
                if (e.date() != null && e.date().length() == 10) {
                    lastDate = e.date();
                }
            }
            events.addAll(found);
            discourse.after(reading, found, this);
            if (events.size() > MAX_EVENTS_PER_ARTICLE) {
                break;
            }
        }
        return merge(events);
    }

    // ------------------------------------------------------------------ sentence level

    private List<Event> sentenceEvents(Reading rd, Entity source, DateExpressions.Context dateContext, Discourse discourse) {
        Sentence s = rd.sentence();
        List<Event> out = new ArrayList<>();
        List<Match> matches = triggers(rd);
        int denialAt = -1;
        Event denial = null;
        for (Match m : matches) {
            Trigger t = m.trigger();
            List<Acting> actors = actors(rd, m, discourse);
            if (actors.isEmpty()) {
                continue;
            }
            Modality modality = modality(s, m);
            if (denial != null && m.start() > denialAt) {
                modality = Modality.DENIED;
            }
            Entity place = place(rd, m);
            List<Entity> targets = targets(rd, m, actors, place);
            String date = date(rd, modality == Modality.PLANNED, dateContext);
            Entity eventSource = source;
            if (denial != null && m.start() > denialAt) {
                eventSource = denial.agent() != null ? denial.agent() : denial.actor();
            }
            List<List<Quantity>> groups = quantities(rd, m);
            for (Acting a : actors) {
                List<Entity> ts = new ArrayList<>(targets);
                if (SYMMETRIC.contains(t.action()) || actors.size() > 1 && t.action().equals("SIGN_AGREEMENT")) {
                    for (Acting other : actors) {
                        if (!other.actor().equals(a.actor()) && !ts.contains(other.actor())) {
                            ts.add(other.actor());
                        }
                    }
                }
                ts.removeIf(x -> x.equals(a.actor()));
                if ((t.action().equals("DEPLOY") || t.action().equals("MEET")) && ts.isEmpty() && place != null
                        && place.country() != null && !place.country().equals(a.actor().iri())) {
                    Entity c = gazetteer.get(place.country());
                    if (c != null) {
                        ts.add(c);
                    }
                }
                for (List<Quantity> qs : groups) {
                    double confidence = a.confidence() * (t.objectClass() == null ? 0.9 : 1.0);
                    Event e = new Event(t.action(), a.actor(), a.agent(), ts, qs, place, date, eventSource, modality,
                            new Event.Evidence(s.index(), s.start(), s.end(), s.text()),
                            Math.round(confidence * 100) / 100.0);
                    out.add(e);
                    if (t.action().equals("DENY") && denial == null) {
                        denial = e;
                        denialAt = m.end() - 1;
                    }
                }
            }
        }
        return mergeSentence(out);
    }

    /** Trigger words in the sentence that have what they need (an object of the right class). */
    private List<Match> triggers(Reading rd) {
        Sentence s = rd.sentence();
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token tok = s.token(i);
            if (rd.attribution() != null && rd.attribution().covers(i) && !tok.isNoun()) {
                continue;
            }
            if (insideMention(rd.mentions(), i)) {
                continue;
            }
            for (Trigger t : lexicon.startingWith(tok.lemma())) {
                int end = matchLemmas(s, i, t);
                if (end < 0) {
                    continue;
                }
                boolean posOk = t.noun() ? tok.isNoun() : tok.isVerb() || (tok.pos().equals("JJ") && tok.text().endsWith("ed"));
                if (!posOk) {
                    continue;
                }
                if (t.objectClass() != null && objectOfClass(s, i, end, t) < 0) {
                    continue;
                }
                out.add(new Match(t, i, end));
            }
        }
        return out;
    }

    private static int matchLemmas(Sentence s, int i, Trigger t) {
        int j = i + 1;
        for (int k = 1; k < t.lemmas().size(); k++) {
            // Allow one word between the parts of a phrasal trigger ("break diplomatic ties off" is rare; "cut off" is not).
            if (j < s.size() && s.token(j).lemma().equals(t.lemmas().get(k))) {
                j++;
            } else {
                return -1;
            }
        }
        return j;
    }

    /** The token of a noun of the trigger's object class near it, or -1. */
    private int objectOfClass(Sentence s, int start, int end, Trigger t) {
        for (int k = end; k < s.size() && k < end + 12; k++) {
            Token tok = s.token(k);
            if (CLAUSE_BREAK.contains(tok.lower()) || tok.text().equals(".")) {
                break;
            }
            if (tok.isVerb() && k > end + 1 && !tok.pos().equals("VBG") && !tok.pos().equals("VBN") && !t.noun()) {
                break;
            }
            if ((tok.isNoun() || tok.pos().equals("CD")) && lexicon.isInClass(tok.lemma(), t.objectClass())) {
                return k;
            }
        }
        // Nouns and passive participles take their object before them: "weapon deliveries", "containers ... sent".
        boolean passive = !t.noun() && s.token(start).pos().equals("VBN") && !hasPerfectAux(s, start);
        if (t.noun() || passive) {
            for (int k = start - 1; k >= 0 && k >= start - 8; k--) {
                Token tok = s.token(k);
                if (CLAUSE_BREAK.contains(tok.lower()) || tok.text().equals(",") && !passive) {
                    break;
                }
                if (tok.isNoun() && lexicon.isInClass(tok.lemma(), t.objectClass())) {
                    return k;
                }
            }
        }
        return -1;
    }

    private static boolean hasPerfectAux(Sentence s, int verb) {
        for (int k = verb - 1; k >= 0 && k >= verb - 3; k--) {
            String l = s.token(k).lemma();
            if (l.equals("have")) {
                return true;
            }
            if (!s.token(k).pos().startsWith("RB") && !s.token(k).lemma().equals("be")) {
                break;
            }
        }
        return false;
    }

    private static boolean insideMention(List<Mention> mentions, int i) {
        for (Mention m : mentions) {
            if (m.covers(i) && m.end() - m.start() > 1) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ actors

    private List<Acting> actors(Reading rd, Match m, Discourse discourse) {
        Sentence s = rd.sentence();
        Trigger t = m.trigger();
        int at = m.start();
        Mention found = null;
        double confidence = 0.85;
        boolean passive = !t.noun() && s.token(at).pos().equals("VBN") && !hasPerfectAux(s, at);
        if (passive) {
            found = afterWord(rd, m.end(), "by", 4, t);
            if (found == null) {
                found = fromPhraseBefore(rd, at, t);
            }
            confidence = 0.8;
        }
        if (found == null && t.noun()) {
            found = modifierOf(rd, at, t);
            if (found == null) {
                found = afterWord(rd, m.end(), "of", 7, t);
                if (found == null) {
                    found = afterWord(rd, m.end(), "by", 4, t);
                }
            }
            confidence = 0.75;
        }
        if (found == null && !passive) {
            found = subjectBefore(rd, at, t);
            confidence = 0.85;
        }
        if (found == null) {
            // A pronoun or "the two sides" in subject position points back to the last actors.
            List<Entity> back = discourse.resolve(anaphorBefore(s, at), t, this);
            List<Acting> out = new ArrayList<>();
            for (Entity e : back) {
                out.addAll(acting(e, 0.6, t));
            }
            return dedupe(out);
        }
        List<Acting> out = new ArrayList<>();
        for (Mention c : coordinated(rd, found, t)) {
            out.addAll(acting(c.entity(), confidence, t));
        }
        return dedupe(out);
    }

    private List<Acting> dedupe(List<Acting> in) {
        Map<String, Acting> byActor = new LinkedHashMap<>();
        for (Acting a : in) {
            Acting prev = byActor.get(a.actor().iri());
            if (prev == null || prev.agent() == null && a.agent() != null) {
                byActor.put(a.actor().iri(), a);
            }
        }
        return new ArrayList<>(byActor.values());
    }

    /** The acting records an entity gives: itself, the state it acts for (as agent), or each member of a group. */
    List<Acting> acting(Entity e, double confidence, Trigger t) {
        List<Acting> out = new ArrayList<>();
        switch (e.kind()) {
            case STATE, ORGANIZATION, BODY -> out.add(new Acting(e, null, confidence));
            case STATE_GROUP -> {
                for (String member : e.members()) {
                    Entity st = gazetteer.get(member);
                    if (st != null) {
                        out.add(new Acting(st, e, confidence));
                    }
                }
            }
            case PERSON, AGENCY, ARMED_FORCE -> {
                Entity principal = principal(e);
                if (principal != null) {
                    out.add(new Acting(principal, e, confidence));
                }
            }
            case PLACE -> {
                if (e.seatOf() != null && gazetteer.get(e.seatOf()) != null) {
                    out.add(new Acting(gazetteer.get(e.seatOf()), null, confidence));
                }
            }
            default -> {
            }
        }
        out.removeIf(a -> !kindAllowed(a, t));
        return out;
    }

    private static boolean kindAllowed(Acting a, Trigger t) {
        if (t.actorKind() == null) {
            return true;
        }
        EntityKind k = a.actor().kind();
        return switch (t.actorKind()) {
            case "body" -> k == EntityKind.BODY || k == EntityKind.ORGANIZATION;
            case "state" -> k == EntityKind.STATE;
            default -> true;
        };
    }

    /** The state or organisation a person, agency or force ultimately acts for. */
    private Entity principal(Entity e) {
        Entity cur = e;
        for (int depth = 0; depth < 4 && cur != null; depth++) {
            if (cur.kind() == EntityKind.STATE || cur.kind() == EntityKind.ORGANIZATION || cur.kind() == EntityKind.BODY) {
                return cur;
            }
            cur = cur.actsFor() == null ? null : gazetteer.get(cur.actsFor());
        }
        return null;
    }

    private boolean canAct(Mention m, Reading rd, Trigger t) {
        if (rd.attribution() != null && rd.attribution().covers(m.start()) && rd.attribution().source() != null
                && !rd.attribution().source().equals(m.entity())) {
            return false;
        }
        if (m.how() == Mention.How.DEMONYM) {
            // "North Korean troops", "North Korean engineering support": a demonym acts through what it modifies.
            Sentence s = rd.sentence();
            for (int k = m.end(); k < s.size() && k < m.end() + 3; k++) {
                Token tok = s.token(k);
                if (!tok.isNoun() && !tok.pos().startsWith("JJ")) {
                    break;
                }
                if (lexicon.isInClass(tok.lemma(), "personnel") || tok.lemma().equals("government")
                        || tok.lemma().equals("leader") || tok.lemma().equals("official") || tok.lemma().equals("authority")
                        || !lexicon.startingWith(tok.lemma()).isEmpty()) {
                    return !acting(m.entity(), 1, t).isEmpty();
                }
            }
            return false;
        }
        return !acting(m.entity(), 1, t).isEmpty();
    }

    /** Nearest mention before the trigger that can act, skipping objects of prepositions: the subject. */
    private Mention subjectBefore(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        for (int k = at - 1; k >= 0; k--) {
            Token tok = s.token(k);
            if (CLAUSE_BREAK.contains(tok.lower()) && k < at - 1) {
                return null;
            }
            if (ANAPHORS.contains(tok.lower()) && tok.pos().startsWith("PRP") && !tok.lower().equals("its")) {
                return null;
            }
            Mention m = mentionEndingAt(rd.mentions(), k + 1);
            if (m == null) {
                continue;
            }
            k = m.start();
            if (isPrepositionObject(s, m) || !canAct(m, rd, t)) {
                continue;
            }
            return m;
        }
        return null;
    }

    private static boolean isPrepositionObject(Sentence s, Mention m) {
        int k = m.start() - 1;
        while (k >= 0 && (s.token(k).pos().equals("DT") || s.token(k).pos().startsWith("JJ") || s.token(k).text().equals("\"")
                || s.token(k).text().equals("\u201c"))) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        Token p = s.token(k);
        // "leaders of North Korea and Russia" and "by Pyongyang" name actors; "to Russia" and "with Moscow" do not.
        return (p.pos().equals("IN") || p.pos().equals("TO")) && !p.lower().equals("of") && !p.lower().equals("by")
                && !p.lower().equals("that") && !p.lower().equals("if") && !p.lower().equals("as") && !p.lower().equals("after")
                && !p.lower().equals("because") && !p.lower().equals("while") && !p.lower().equals("since");
    }

    private Mention afterWord(Reading rd, int from, String word, int window, Trigger t) {
        Sentence s = rd.sentence();
        for (int k = from; k < s.size() && k < from + 3; k++) {
            if (s.token(k).lower().equals(word)) {
                for (Mention m : rd.mentions()) {
                    if (m.start() > k && m.start() <= k + window && canAct(m, rd, t)) {
                        return m;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private Mention fromPhraseBefore(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        for (Mention m : rd.mentions()) {
            if (m.end() <= at && m.start() >= at - 10 && m.start() > 0 && s.token(m.start() - 1).lower().equals("from")
                    && canAct(m, rd, t)) {
                return m;
            }
        }
        // "North Korean soldiers deployed to Russia": the demonym of the participle's subject.
        for (int k = at - 1; k >= 0 && k >= at - 5; k--) {
            Mention m = mentionEndingAt(rd.mentions(), k + 1);
            if (m != null && m.how() == Mention.How.DEMONYM && canAct(m, rd, t)) {
                return m;
            }
        }
        return null;
    }

    /** "North Korea's deliveries", "North Korean troop movements", "Russian veto": who owns a noun trigger. */
    private Mention modifierOf(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        for (int k = at - 1; k >= 0 && k >= at - 5; k--) {
            Token tok = s.token(k);
            Mention m = mentionEndingAt(rd.mentions(), k + 1);
            if (m != null) {
                return canAct(m, rd, t) || m.how() == Mention.How.DEMONYM && !acting(m.entity(), 1, t).isEmpty() ? m : null;
            }
            if (!(tok.isNoun() || tok.pos().startsWith("JJ") || tok.pos().equals("POS") || tok.text().equals("'s")
                    || tok.text().equals("\u2019s") || tok.pos().equals("VBN") || tok.pos().equals("VBG"))) {
                return null;
            }
        }
        return null;
    }

    /** The mention and those joined to it by "and" or commas: "South Korea, the U.S., and Japan". */
    private List<Mention> coordinated(Reading rd, Mention head, Trigger t) {
        List<Mention> ms = rd.mentions();
        Sentence s = rd.sentence();
        int idx = ms.indexOf(head);
        List<Mention> out = new ArrayList<>();
        out.add(head);
        for (int i = idx - 1; i >= 0; i--) {
            if (!joins(s, ms.get(i).end(), ms.get(i + 1).start()) || !canAct(ms.get(i), rd, t)) {
                break;
            }
            out.add(0, ms.get(i));
        }
        for (int i = idx + 1; i < ms.size(); i++) {
            if (!joins(s, ms.get(i - 1).end(), ms.get(i).start()) || !canAct(ms.get(i), rd, t)) {
                break;
            }
            out.add(ms.get(i));
        }
        return out;
    }

    private static boolean joins(Sentence s, int from, int to) {
        if (to <= from) {
            return false;
        }
        boolean and = false;
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if (w.equals("and") || w.equals("&")) {
                and = true;
            } else if (!w.equals(",") && !w.equals("the") && !w.equals("as") && !w.equals("well")) {
                return false;
            }
        }
        return and || to - from == 1 && s.token(from).text().equals(",");
    }

    private static String anaphorBefore(Sentence s, int at) {
        for (int k = at - 1; k >= 0 && k >= at - 8; k--) {
            Token tok = s.token(k);
            if (CLAUSE_BREAK.contains(tok.lower())) {
                break;
            }
            String w = tok.lower();
            if (w.equals("sides") || w.equals("countries") || w.equals("nations")) {
                if (k > 0 && (s.token(k - 1).lower().equals("two") || s.token(k - 1).lower().equals("both"))) {
                    return "both";
                }
            }
            if (w.equals("country") && k > 0 && s.token(k - 1).lower().equals("the")) {
                return "it";
            }
            if (ANAPHORS.contains(w) && !w.equals("their") && !w.equals("his") && !w.equals("her")) {
                return w.equals("they") ? "both" : "it";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ other slots

    private List<Entity> targets(Reading rd, Match m, List<Acting> actors, Entity place) {
        Sentence s = rd.sentence();
        List<Entity> out = new ArrayList<>();
        Set<String> actorIris = new HashSet<>();
        for (Acting a : actors) {
            actorIris.add(a.actor().iri());
        }
        for (Mention men : rd.mentions()) {
            if (men.start() < m.end() || men.start() > m.end() + 15) {
                continue;
            }
            if (brokenBetween(s, m.end(), men.start())) {
                break;
            }
            if (rd.attribution() != null && rd.attribution().covers(men.start())) {
                continue;
            }
            if (men.how() == Mention.How.DEMONYM) {
                continue;
            }
            Entity e = men.entity();
            Entity target = switch (e.kind()) {
                case STATE, ORGANIZATION, BODY, RESOLUTION, UNRESOLVED -> e;
                case PERSON, AGENCY, ARMED_FORCE -> principal(e);
                case PLACE -> e.seatOf() != null && !locative(s, men) ? gazetteer.get(e.seatOf()) : null;
                default -> null;
            };
            if (target == null || actorIris.contains(target.iri()) || out.contains(target) || target.equals(place)) {
                continue;
            }
            if (target.kind() == EntityKind.STATE && locative(s, men) && isPlaceFor(m.trigger())
                    && !prepositionBefore(s, men).equals("to")) {
                continue;
            }
            out.add(target);
        }
        return out;
    }

    private static boolean isPlaceFor(Trigger t) {
        return Set.of("DEPLOY", "FIGHT", "MEET", "MILITARY_EXERCISE", "SUPPLY_ARMS").contains(t.action());
    }

    private static boolean brokenBetween(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if (w.equals(";") || w.equals("which") || w.equals("who") || w.equals("while") || w.equals("but")
                    || w.equals("whereas") || w.equals("\u2013") || w.equals("\u2014")) {
                return true;
            }
        }
        return false;
    }

    private Entity place(Reading rd, Match m) {
        Sentence s = rd.sentence();
        Entity best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Mention men : rd.mentions()) {
            Entity e = men.entity();
            boolean isPlace = e.kind() == EntityKind.PLACE
                    || e.kind() == EntityKind.STATE && isPlaceFor(m.trigger()) && Set.of("in", "inside", "into", "across")
                    .contains(prepositionBefore(s, men));
            if (!isPlace || men.how() == Mention.How.DEMONYM || !locative(s, men)) {
                continue;
            }
            if (rd.attribution() != null && rd.attribution().covers(men.start())) {
                continue;
            }
            // Places after the trigger belong to it; before it, only within its clause.
            int distance = men.start() >= m.end() ? men.start() - m.end() : (m.start() - men.end()) * 2 + 4;
            if (men.start() >= m.end() ? brokenBetween(s, m.end(), men.start()) : brokenBetween(s, men.end(), m.start())) {
                continue;
            }
            if (distance < bestDistance && distance < 25) {
                best = e;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static boolean locative(Sentence s, Mention m) {
        return LOCATIVE.contains(prepositionBefore(s, m));
    }

    private static String prepositionBefore(Sentence s, Mention m) {
        int k = m.start() - 1;
        while (k >= 0 && (s.token(k).pos().equals("DT") || s.token(k).pos().startsWith("JJ") || s.token(k).pos().equals("VBN"))) {
            k--;
        }
        return k >= 0 ? s.token(k).lower() : "";
    }

    /** Quantities of the trigger's object, one group per coordinated object ("1,000 sappers along with 5,000 workers"). */
    private List<List<Quantity>> quantities(Reading rd, Match m) {
        Sentence s = rd.sentence();
        Trigger t = m.trigger();
        List<QuantityMention> picked = new ArrayList<>();
        boolean leftToo = t.noun() || s.token(m.start()).pos().equals("VBN") && !hasPerfectAux(s, m.start());
        for (QuantityMention q : rd.quantities()) {
            boolean right = q.start() >= m.end() && q.start() <= m.end() + 14 && !brokenBetween(s, m.end(), q.start());
            boolean left = leftToo && q.end() <= m.start() && q.end() >= m.start() - 8 && !brokenBetween(s, q.end(), m.start());
            if (!right && !left) {
                continue;
            }
            if (fits(q, t, m)) {
                picked.add(q);
            }
        }
        List<List<Quantity>> groups = new ArrayList<>();
        List<Quantity> cur = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            if (i > 0 && t.objectClass() != null && startsNewObject(s, picked.get(i - 1).end(), picked.get(i).start())) {
                groups.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(picked.get(i).quantity());
        }
        groups.add(cur);
        return groups;
    }

    private boolean fits(QuantityMention q, Trigger t, Match m) {
        String unit = q.quantity().unit();
        boolean money = unit.equals(unit.toUpperCase(java.util.Locale.ROOT)) || unit.equals("percent");
        return switch (t.action()) {
            case "PAY", "PROVIDE_AID" -> money || q.lemma() != null && lexicon.isInClass(q.lemma(), "goods");
            case "CASUALTIES" -> q.noun() == m.start() || q.lemma() != null && (q.lemma().equals("casualty")
                    || lexicon.isInClass(q.lemma(), "personnel"));
            default -> t.objectClass() != null && q.lemma() != null
                    && (lexicon.isInClass(q.lemma(), t.objectClass()) || lexicon.isInClass(q.lemma(), "personnel")
                    && t.objectClass().equals("personnel"));
        };
    }

    private static boolean startsNewObject(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if (w.equals("and") || w.equals("along") || w.equals("plus")) {
                return true;
            }
        }
        return false;
    }

    private static String date(Reading rd, boolean future, DateExpressions.Context c) {
        Sentence s = rd.sentence();
        for (DateExpressions.Expression x : rd.dates()) {
            int tokenAt = tokenAt(s, x.start());
            if (rd.attribution() != null && rd.attribution().covers(tokenAt)) {
                continue;
            }
            String iso = x.resolve(c, future);
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    private static int tokenAt(Sentence s, int offset) {
        for (int i = 0; i < s.size(); i++) {
            if (s.token(i).end() > offset) {
                return i;
            }
        }
        return s.size() - 1;
    }

    /** Modality from the nearest cue in the verb group before the trigger. */
    private static Modality modality(Sentence s, Match m) {
        int at = m.start();
        boolean reported = false;
        for (int k = 0; k < at; k++) {
            if (s.token(k).pos().equals("VBD") && (s.token(k).lemma().equals("say") || s.token(k).lemma().equals("confirm")
                    || s.token(k).lemma().equals("report") || s.token(k).lemma().equals("announce"))) {
                reported = true;
            }
        }
        for (int k = at - 1; k >= 0 && k >= at - 7; k--) {
            Token tok = s.token(k);
            String w = tok.lower();
            String l = tok.lemma();
            if (CLAUSE_BREAK.contains(w) || w.equals(",") && k < at - 2) {
                break;
            }
            if (NEGATION.contains(w) && k >= at - 3) {
                return Modality.DENIED;
            }
            if (w.equals("would")) {
                if (k + 1 < s.size() && s.token(k + 1).lower().equals("have")) {
                    return Modality.ASSERTED;
                }
                return reported ? Modality.PLANNED : Modality.POSSIBLE;
            }
            if (POSSIBLE_CUES.contains(w) || POSSIBLE_CUES.contains(l)) {
                return Modality.POSSIBLE;
            }
            if (PLANNED_CUES.contains(w) || PLANNED_CUES.contains(l) && k + 1 < s.size()
                    && (s.token(k + 1).lower().equals("to") || k + 2 < s.size() && s.token(k + 2).lower().equals("to"))) {
                return Modality.PLANNED;
            }
            if (tok.pos().equals("VBD") && !tok.lemma().equals("be") && !tok.lemma().equals("have") && k < at - 1) {
                break;
            }
        }
        // A date in the future of a plan ("from next month") reads as planned only with a future cue, handled above.
        return Modality.ASSERTED;
    }

    // ------------------------------------------------------------------ sources

    private static Entity sourceOf(List<Reading> readings, int r, Discourse discourse) {
        Reading rd = readings.get(r);
        Attribution own = rd.attribution();
        if (own != null) {
            return own.isAnaphoric() ? discourse.lastSource : own.source();
        }
        int paragraph = rd.sentence().paragraph();
        // The paragraph's nearest attribution, before the sentence first, then after it.
        for (int k = r - 1; k >= 0 && readings.get(k).sentence().paragraph() == paragraph; k--) {
            Attribution a = readings.get(k).attribution();
            if (a != null) {
                return a.isAnaphoric() ? discourse.lastSource : a.source();
            }
        }
        for (int k = r + 1; k < readings.size() && readings.get(k).sentence().paragraph() == paragraph; k++) {
            Attribution a = readings.get(k).attribution();
            if (a != null && !a.isAnaphoric()) {
                return a.source();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ mentions of resolutions

    /** "resolution 2397", "UNSCR 2397": a numbered UN Security Council resolution. */
    private void addResolutions(Sentence s, List<Mention> mentions) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if (RESOLUTION.matcher(s.token(i).text()).matches()) {
                Matcher n = Pattern.compile("\\d{2,4}").matcher(s.token(i + 1).text());
                if (n.matches()) {
                    final int start = i;
                    Entity e = new Entity(NG.ENTITY + "unsc-resolution-" + n.group(), "UN Security Council Resolution " + n.group(),
                            EntityKind.RESOLUTION, null, null, null, List.of());
                    mentions.removeIf(m -> m.start() <= start + 1 && m.end() > start);
                    mentions.add(new Mention(e, i, i + 2, Mention.How.NAME));
                }
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(Mention::start));
    }

    private static Mention mentionEndingAt(List<Mention> mentions, int end) {
        for (Mention m : mentions) {
            if (m.end() == end) {
                return m;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ merging repeated claims

    private static List<Event> mergeSentence(List<Event> events) {
        Map<String, Event> byKey = new LinkedHashMap<>();
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (!e.quantities().isEmpty()) {
                out.add(e);
                continue;
            }
            String key = e.action() + "|" + e.actor().iri();
            Event prev = byKey.get(key);
            if (prev == null || e.filledSlots() > prev.filledSlots()) {
                byKey.put(key, e);
            }
        }
        for (Event e : byKey.values()) {
            boolean covered = out.stream().anyMatch(q -> q.action().equals(e.action()) && q.actor().equals(e.actor()));
            if (!covered) {
                out.add(e);
            }
        }
        return out;
    }

    /** A claim repeated in the article is one record, kept from its most informative sentence. */
    private static List<Event> merge(List<Event> events) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            int same = -1;
            for (int i = 0; i < out.size(); i++) {
                Event o = out.get(i);
                if (o.action().equals(e.action()) && o.actor().equals(e.actor()) && o.modality() == e.modality()
                        && Objects.equals(o.source(), e.source())
                        && (o.quantities().isEmpty() || e.quantities().isEmpty() || o.quantities().equals(e.quantities()))
                        && (o.date() == null || e.date() == null || o.date().equals(e.date()))) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                out.add(e);
            } else if (e.filledSlots() > out.get(same).filledSlots()) {
                out.set(same, e);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ discourse

    /** What earlier sentences said: the last actors (for pronouns) and the last source (for "he added"). */
    private static final class Discourse {
        private final List<Entity> recentActors = new ArrayList<>();
        private Entity lastSource;

        void after(Reading rd, List<Event> events, PatternEventExtractor x) {
            List<Entity> now = new ArrayList<>();
            for (Mention m : rd.mentions()) {
                if (m.how() == Mention.How.DEMONYM) {
                    continue;
                }
                for (Acting a : x.acting(m.entity(), 1, new Trigger("", List.of(""), false, null, null))) {
                    if (!now.contains(a.actor())) {
                        now.add(a.actor());
                    }
                }
            }
            if (!now.isEmpty()) {
                recentActors.clear();
                recentActors.addAll(now);
            }
            if (rd.attribution() != null && rd.attribution().source() != null) {
                lastSource = rd.attribution().source();
            }
        }

        /** "it" gives the most recent actor that can do the action; "both" the last two. */
        List<Entity> resolve(String anaphor, Trigger t, PatternEventExtractor x) {
            if (anaphor == null || recentActors.isEmpty()) {
                return List.of();
            }
            if (anaphor.equals("both")) {
                return recentActors.size() >= 2 ? List.copyOf(recentActors.subList(0, 2)) : List.of();
            }
            for (Entity e : recentActors) {
                if (!x.acting(e, 1, t).isEmpty()) {
                    return List.of(e);
                }
            }
            return List.of();
        }
    }
}
