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
    private static final Set<String> CLAUSE_BREAK = Set.of(";", "which", "who", "whom", "while", "but", "whereas", "where",
            "although", "though", "because", "since", "\u2013", "\u2014");
    private static final Set<String> PLANNED_CUES = Set.of("will", "'ll", "shall", "wo", "should", "plan", "intend",
            "prepare", "agree", "commit", "pledge", "promise", "decide", "expect", "set", "ready", "schedule", "aim",
            "going", "vow", "plans", "planned");
    private static final Set<String> POSSIBLE_CUES = Set.of("could", "may", "might", "can", "possible", "possibly",
            "potential", "potentially", "likely", "propose", "consider", "if", "reportedly");
    private static final Set<String> NEGATION = Set.of("not", "n't", "never", "no");
    private static final Set<String> ANAPHORS = Set.of("it", "its", "he", "his", "she", "her", "they", "their");
    private static final Trigger ANY = new Trigger("", List.of(""), false, null, null, null, false, false, null, false);
    private static final Pattern RESOLUTION = Pattern.compile("(?i)^(resolution|resolutions|unscr)$");

    private final Gazetteer gazetteer;
    private final ActionLexicon lexicon;
    private final DependencyRules rules;

    private PatternEventExtractor(Builder b) {
        this.gazetteer = Objects.requireNonNull(b.gazetteer, "gazetteer");
        this.lexicon = Objects.requireNonNull(b.lexicon, "lexicon");
        this.rules = b.rules != null ? b.rules : DependencyRules.bundled(lexicon);
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder for {@link PatternEventExtractor}. */
    public static final class Builder {
        private Gazetteer gazetteer;
        private ActionLexicon lexicon;
        private DependencyRules rules;

        public Builder gazetteer(Gazetteer g) {
            this.gazetteer = g;
            return this;
        }

        public Builder lexicon(ActionLexicon l) {
            this.lexicon = l;
            return this;
        }

        /** The dependency rules; those bundled in the jar when not set. */
        public Builder rules(DependencyRules r) {
            this.rules = r;
            return this;
        }

        public PatternEventExtractor build() {
            return new PatternEventExtractor(this);
        }
    }

    /** An acting entity: the actor an event records and the agent it acted through. */
    private record Acting(Entity actor, Entity agent, double confidence, boolean sharesDate, Entity named) {

        Acting(Entity actor, Entity agent, double confidence, boolean sharesDate) {
            this(actor, agent, confidence, sharesDate, null);
        }
    }

    /** Everything the rules know about one sentence. */
    private record Reading(Sentence sentence, List<Mention> mentions, Attribution attribution,
                           List<QuantityMention> quantities, List<DateExpressions.Expression> dates) {
    }

    private record Match(Trigger trigger, int start, int end) {
    }

    @Override
    public Extraction extract(Article article, AnnotatedText text) {
        LocalDate articleDate = article.publishedDate().orElse(null);
        Integer yearHint = articleDate != null ? Integer.valueOf(articleDate.getYear()) : DateExpressions.latestYear(text.text());
        Set<String> namedPeople = new HashSet<>();
        Map<String, Integer> stateCounts = new java.util.HashMap<>();
        List<Reading> readings = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<Mention> mentions = new ArrayList<>(gazetteer.mentions(s, namedPeople));
            addResolutions(s, mentions);
            addSanctionRegimes(s, mentions, stateCounts);
            for (Mention m : mentions) {
                if (m.entity().kind() == EntityKind.STATE) {
                    stateCounts.merge(m.entity().iri(), 1, Integer::sum);
                }
            }
            for (Mention m : mentions) {
                if (m.entity().kind() == EntityKind.PERSON && m.how() == Mention.How.NAME) {
                    namedPeople.add(m.entity().iri());
                }
            }
            List<QuantityMention> quantities = Quantities.find(s, lexicon);
            mentions.removeIf(m -> quantities.stream().anyMatch(q -> q.lemma() == null && q.start() < m.end() && m.start() < q.end()));
            Attribution attribution = Attributions.find(s, mentions, lexicon);
            if (attribution == null) {
                attribution = DependencySources.find(s, mentions, lexicon);
            }
            readings.add(new Reading(s, mentions, attribution, quantities, DateExpressions.find(s)));
        }
        Discourse discourse = new Discourse();
        Entity statement = Attributions.statementSource(article.title());
        String lastDate = null;
        List<Event> events = new ArrayList<>();
        List<AgreementMention> agreements = new ArrayList<>();
        for (int r = 0; r < readings.size(); r++) {
            Reading reading = readings.get(r);
            Entity source = sourceOf(readings, r, discourse);
            if (source == null) {
                source = statement;
            }
            DateExpressions.Context dates = new DateExpressions.Context(articleDate, yearHint, lastDate);
            List<Event> found = sentenceEvents(reading, source, dates, discourse, events);
            for (Event e : found) {
                if (e.date() != null && e.date().length() == 10) {
                    lastDate = e.date();
                }
            }
            events.addAll(found);
            agreements.addAll(agreementMentions(reading, found));
            discourse.after(reading, found, this);
            if (events.size() > MAX_EVENTS_PER_ARTICLE) {
                break;
            }
        }
        List<Event> merged = merge(events);
        return new Extraction(merged.size() > MAX_EVENTS_PER_ARTICLE ? merged.subList(0, MAX_EVENTS_PER_ARTICLE) : merged,
                agreements);
    }

    /**
     * The agreements a sentence names, with the parties, date and place it gives them: its signatories when it tells of
     * the signing, else the states named in the phrase ("the Russia-North Korea agreement", "a treaty between X and Y").
     */
    private List<AgreementMention> agreementMentions(Reading rd, List<Event> events) {
        Sentence s = rd.sentence();
        List<AgreementMention> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token tok = s.token(i);
            if (!tok.isNoun() || !lexicon.isInClass(tok, "agreement") || i + 1 < s.size() && s.token(i + 1).isNoun()
                    && !s.token(i + 1).isProperNoun()) {
                continue;
            }
            int start = i;
            while (start > 0 && (s.token(start - 1).pos().startsWith("JJ") || s.token(start - 1).isNoun()
                    || s.token(start - 1).pos().equals("POS") || s.token(start - 1).text().equals("-")
                    || s.token(start - 1).pos().equals("VBN") && !s.token(start - 1).lemma().equals("sign")
                    || isQuote(s.token(start - 1).text()))) {
                start--;
            }
            int end = i + 1;
            // "agreement on joint assistance in the event of military aggression": its name goes on in quotes or an "on" phrase.
            if (end < s.size() && (s.token(end).lower().equals("on") || s.token(end).lower().equals("of"))) {
                int k = end + 1;
                while (k < s.size() && k < end + 12 && !s.token(k).text().equals(",") && !s.token(k).text().equals(".")
                        && !s.token(k).isVerb() && !s.token(k).text().equals("\u201d") && !s.token(k).text().equals("\"")) {
                    k++;
                }
                end = k;
            }
            String text = s.span(start, end).replaceAll("[\"\u201c\u201d\u00ab\u00bb]", "").replaceAll("\\s+", " ").strip();
            List<Entity> parties = new ArrayList<>();
            Event signing = null;
            for (Event e : events) {
                if (e.action().equals("SIGN_AGREEMENT")) {
                    signing = e;
                    addParty(parties, e.actor());
                    e.targets().forEach(t -> addParty(parties, t));
                }
            }
            if (signing == null) {
                for (Mention m : rd.mentions()) {
                    boolean inPhrase = m.start() >= start && m.end() <= end;
                    boolean between = m.start() > i && m.start() <= i + 6 && s.span(i + 1, m.start()).toLowerCase(java.util.Locale.ROOT)
                            .matches(".*\\bbetween\\b.*");
                    if (inPhrase || between) {
                        List<Acting> acting = acting(m.entity(), 1, ANY, true);
                        acting.forEach(a -> addParty(parties, a.actor()));
                    }
                }
            }
            out.add(new AgreementMention(text, parties, signing == null ? null : signing.date(),
                    signing == null ? null : signing.place(),
                    new Event.Evidence(s.index(), s.start(), s.end(), s.text(), tok.start()), signing != null));
        }
        return out;
    }

    private static void addParty(List<Entity> parties, Entity e) {
        if (e.kind() == EntityKind.STATE && !parties.contains(e)) {
            parties.add(e);
        }
    }

    private static boolean isQuote(String t) {
        return t.equals("\"") || t.equals("\u201c") || t.equals("\u201d");
    }

    // ------------------------------------------------------------------ sentence level

    private List<Event> sentenceEvents(Reading rd, Entity source, DateExpressions.Context dateContext, Discourse discourse,
                                       List<Event> previous) {
        Sentence s = rd.sentence();
        List<Event> out = new ArrayList<>();
        List<Match> matches = triggers(rd);
        int denialAt = -1;
        Event denial = null;
        List<Match> actorless = new ArrayList<>();
        List<DependencyRules.RuleMatch> ruleMatches = rules.match(s);
        List<Match> fromRules = ruleTriggers(rd, matches, ruleMatches);
        matches = new ArrayList<>(matches);
        matches.addAll(fromRules);
        for (Match m : matches) {
            Trigger t = m.trigger();
            RuleActing byRule = ruleActors(rd, m, ruleMatches, discourse);
            List<Acting> actors = byRule.actors();
            String ruleName = byRule.rule();
            List<Acting> byWindow = actors(rd, m, discourse);
            // The parse's actor wins, unless the windows name it too with its partners, or it is a pronoun the
            // discourse resolved (the windows' antecedent search knows more than a pronoun's first reading).
            if (actors.isEmpty() || !byWindow.isEmpty() && byRule.fromPronoun()
                    || byWindow.stream().map(Acting::actor).toList().containsAll(actors.stream().map(Acting::actor).toList())) {
                actors = byWindow;
                // A trigger only a rule found names that rule, whoever found its actor ("+window" where the windows did).
                ruleName = !fromRules.contains(m) ? "window/" + (t.noun() ? "noun" : "verb")
                        : ruleMatches.stream().filter(r -> r.trigger() == m.start()).findFirst().orElseThrow().rule().name() + "+window";
            }
            if (actors.isEmpty()) {
                actorless.add(m);
                continue;
            }
            boolean denied = denial != null && m.start() > denialAt;
            Modality modality = denied ? Modality.DENIED : modality(s, m);
            Entity place = place(rd, m);
            String action = t.action();
            Entity launchedAt = action.equals("MILITARY_EXERCISE") ? DependencyPlaces.launchedAt(s, rd.mentions(), m.start()) : null;
            if (launchedAt != null && actors.stream().noneMatch(a -> a.actor().equals(launchedAt))) {
                // "launched missiles at Kharkiv", "..., hitting a field in Zaporizhzhia": an attack, not a test.
                action = "FIGHT";
                place = launchedAt;
                ruleName = ruleName + "+launched-at";
            }
            List<Entity> targets = targets(rd, m, actors, place);
            String date = date(rd, m, modality == Modality.PLANNED, dateContext);
            if (date == null && respondsToPrevious(s)) {
                date = dateContext.lastDate();
            }
            Entity eventSource = denied ? (denial.agent() != null ? denial.agent() : denial.actor()) : source;
            Attribution own = rd.attribution();
            if (!denied && own != null && m.start() < own.start() && !endsSentence(s, own)
                    && !s.token(own.start()).lower().equals("according")) {
                // "Following a visit, Shoigu said that ...": what comes before "X said" is narrated, not reported.
                eventSource = null;
            }
            List<Integer> groupStarts = new ArrayList<>();
            List<List<Quantity>> groups = quantities(rd, m, groupStarts);
            Entity spokesperson = rd.attribution() != null ? rd.attribution().source() : null;
            for (Acting a0 : actors) {
                Acting a = a0;
                // "the Kremlin denies ... – the Kremlin spokesperson, Dmitri Peskov, said": one who speaks for the actor acts through it.
                if (a.agent() == null && spokesperson != null && spokesperson.kind() == EntityKind.PERSON
                        && a.actor().equals(principal(spokesperson))) {
                    a = new Acting(a.actor(), spokesperson, a.confidence(), a.sharesDate());
                }
                a = ofItsTime(a, a.sharesDate() ? date : null, s);
                Entity evSource = eventSource == null && a.agent() != null && a.agent().equals(spokesperson) ? spokesperson : eventSource;
                List<Entity> ts = new ArrayList<>(targets);
                if (SYMMETRIC.contains(action)) {
                    for (Acting other : actors) {
                        if (!other.actor().equals(a.actor()) && !ts.contains(other.actor()) && other.sharesDate()) {
                            ts.add(other.actor());
                        }
                    }
                }
                ts.remove(a.actor());
                if (!SYMMETRIC.contains(action)) {
                    for (Acting other : actors) {
                        ts.remove(other.actor());
                    }
                }
                if (Set.of("DEPLOY", "MEET", "FIGHT").contains(action) && ts.isEmpty() && place != null) {
                    // The state that holds the place receives those sent there: the occupier of an occupied region.
                    String holder = action.equals("DEPLOY") && place.controlledBy() != null ? place.controlledBy() : place.country();
                    Entity c = holder == null ? null : gazetteer.get(holder);
                    if (c != null && !c.equals(a.actor()) && !(action.equals("FIGHT") && fightsAlongside(rd, c))) {
                        ts.add(c);
                    }
                }
                for (int g = 0; g < groups.size(); g++) {
                    List<Quantity> qs = groups.get(g);
                    double confidence = a.confidence() * (t.objectClass() == null ? 0.9 : 1.0);
                    int anchor = g == 0 ? s.token(m.start()).start() : groupStarts.get(g);
                    Event e = new Event(action, a.actor(), a.agent(), ts, qs, place, a.sharesDate() ? date : null,
                            evSource, modality, new Event.Evidence(s.index(), s.start(), s.end(), s.text(), anchor),
                            Math.round(confidence * 100) / 100.0, ruleName);
                    out.add(e);
                    if (action.equals("DENY") && denial == null) {
                        denial = e;
                        denialAt = m.end() - 1;
                    }
                }
            }
        }
        // "The transfers would breach resolutions", "described the launch as a violation": the event those words name acted.
        for (Match m : List.copyOf(actorless)) {
            if (!m.trigger().action().equals("VIOLATE")) {
                continue;
            }
            Event named = namedEvent(rd, m, previous, out);
            if (named != null) {
                Entity place = place(rd, m);
                out.add(new Event("VIOLATE", named.actor(), null, targets(rd, m, List.of(new Acting(named.actor(), null, 0.55, true)), place),
                        List.of(), place, null, source, modality(s, m),
                        new Event.Evidence(s.index(), s.start(), s.end(), s.text(), s.token(m.start()).start()), 0.55, "window/violation-named-event"));
                actorless.remove(m);
            }
        }
        // "X criticised Russia for ..., highlighting a violation of sanctions": the one accused is the violator.
        for (Match m : actorless) {
            if (!m.trigger().action().equals("VIOLATE")) {
                continue;
            }
            for (Event c : List.copyOf(out)) {
                if (c.action().equals("CRITICIZE") && !c.targets().isEmpty() && c.targets().get(0).kind() == EntityKind.STATE) {
                    Entity place = place(rd, m);
                    out.add(new Event("VIOLATE", c.targets().get(0), null,
                            targets(rd, m, List.of(new Acting(c.targets().get(0), null, 0.5, true)), place), List.of(),
                            place, null, c.agent() != null ? c.agent() : c.actor(), modality(s, m),
                            new Event.Evidence(s.index(), s.start(), s.end(), s.text(), s.token(m.start()).start()), 0.5, "window/violation-by-accused"));
                    break;
                }
            }
        }
        criticismBySpeech(rd, dateContext, out);
        fightsBack(rd, out);
        for (Match m : actorless) {
            if (m.trigger().action().equals("SIGN_AGREEMENT") && out.stream().noneMatch(e -> e.action().equals("SIGN_AGREEMENT"))) {
                // "The two countries signed ..." with no antecedent: a stand-in that knownSignatories gives the treaty's parties.
                out.add(new Event("SIGN_AGREEMENT", ANYONE, null, List.of(), List.of(), place(rd, m),
                        date(rd, m, false, dateContext), source, modality(s, m),
                        new Event.Evidence(s.index(), s.start(), s.end(), s.text(), s.token(m.start()).start()), 0.6, "window/signing-parties"));
            }
        }
        knownSignatories(rd, out);
        out.removeIf(e -> e.actor() == ANYONE);
        return mergeSentence(out);
    }

    /** Stands for an actor the sentence does not name, until a rule names it; never leaves the sentence. */
    private static final Entity ANYONE = Entity.unresolved(NG.ENTITY + "mention/anyone", "anyone");

    private static final Trigger SPEECH_CRITICISM = new Trigger("CRITICIZE", List.of("say"), false, null, "state-like", null,
            false, false, null, false);

    /**
     * "X said the launch was 'absolutely unacceptable'", "described the deployment as a dangerous escalation": a state,
     * body or official who characterises something in words of disapproval criticises it.
     */
    private void criticismBySpeech(Reading rd, DateExpressions.Context dateContext, List<Event> out) {
        Attribution a = rd.attribution();
        Sentence s = rd.sentence();
        if (a == null || a.source() == null || s.token(a.start()).lower().equals("according")) {
            return;
        }
        boolean atEnd = endsSentence(s, a);
        int from = atEnd ? 0 : a.end();
        int to = atEnd ? a.start() : s.size();
        // What the speaker says ends at a dash or a semicolon: "... – in the United States, the threat is taken seriously".
        for (int k = from; k < to; k++) {
            String w = s.token(k).text();
            if (w.equals(";") || w.equals("\u2013") || w.equals("\u2014")) {
                if (atEnd) {
                    from = k + 1;
                } else {
                    to = k;
                    break;
                }
            }
        }
        boolean disapproves = false;
        for (int k = from; k < to; k++) {
            Token tok = s.token(k);
            if ((tok.isNoun() || tok.pos().startsWith("JJ") || tok.pos().startsWith("VB")) && lexicon.isInClass(tok, "disapproval")) {
                disapproves = true;
                break;
            }
        }
        if (!disapproves) {
            return;
        }
        for (Acting act : acting(a.source(), 0.6, SPEECH_CRITICISM, true)) {
            if (out.stream().anyMatch(e -> e.action().equals("CRITICIZE") && e.actor().equals(act.actor()))) {
                continue;
            }
            Entity target = null;
            for (Mention m : rd.mentions()) {
                Entity e = m.how() == Mention.How.DEMONYM ? m.entity() : targetOf(m.entity());
                if (m.start() >= from && m.start() < to && e != null && e.kind() == EntityKind.STATE && !e.equals(act.actor())) {
                    target = e;
                    break;
                }
            }
            Entity agent = act.agent() != null ? act.agent() : a.source().kind() == EntityKind.STATE ? null : a.source();
            out.add(new Event("CRITICIZE", act.actor(), agent, target == null ? List.of() : List.of(target), List.of(), null,
                    dateOfSaying(rd, dateContext), a.source(), Modality.ASSERTED,
                    new Event.Evidence(s.index(), s.start(), s.end(), s.text(), s.token(Math.min(a.end(), s.size()) - 1).start()), 0.6, "window/criticism-by-speech"));
        }
    }

    private static String dateOfSaying(Reading rd, DateExpressions.Context c) {
        for (DateExpressions.Expression x : rd.dates()) {
            String iso = x.resolve(c, false);
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    /**
     * Combat is mutual: "Ukrainian forces engaged North Korean troops" tells that both fought. Only where the sentence
     * names the other side's forces; "the war against Ukraine" does not.
     */
    private void fightsBack(Reading rd, List<Event> out) {
        for (Event e : List.copyOf(out)) {
            if (!e.action().equals("FIGHT")) {
                continue;
            }
            for (Entity t : e.targets()) {
                boolean forcesNamed = rd.mentions().stream().anyMatch(m -> m.how() == Mention.How.DEMONYM && m.entity().equals(t)
                        && m.end() < rd.sentence().size() && lexicon.isInClass(rd.sentence().token(m.end()), "personnel")
                        || m.entity().kind() == EntityKind.ARMED_FORCE && t.equals(principal(m.entity())));
                if (forcesNamed && t.kind() == EntityKind.STATE
                        && out.stream().noneMatch(o -> o.action().equals("FIGHT") && o.actor().equals(t))) {
                    out.add(new Event("FIGHT", t, null, List.of(e.actor()), List.of(), e.place(), e.date(), e.source(), e.modality(),
                            e.evidence(), Math.round(e.confidence() * 80) / 100.0, "window/fights-back"));
                }
            }
        }
    }

    /** "The two countries signed the partnership treaty": a known agreement's parties are its signatories. */
    private void knownSignatories(Reading rd, List<Event> out) {
        for (Mention m : rd.mentions()) {
            if (m.entity().kind() != EntityKind.AGREEMENT || m.entity().members().size() < 2) {
                continue;
            }
            List<Event> signing = out.stream().filter(e -> e.action().equals("SIGN_AGREEMENT")).toList();
            boolean strangers = signing.stream().anyMatch(e -> !m.entity().members().contains(e.actor().iri()));
            if (signing.isEmpty() || !strangers) {
                continue;
            }
            Event first = signing.get(0);
            out.removeAll(signing);
            for (String party : m.entity().members()) {
                Entity actor = gazetteer.get(party);
                if (actor == null || actor.kind() != EntityKind.STATE) {
                    continue;
                }
                List<Entity> others = m.entity().members().stream().filter(p -> !p.equals(party)).map(gazetteer::get)
                        .filter(e -> e != null && e.kind() == EntityKind.STATE).toList();
                out.add(new Event("SIGN_AGREEMENT", actor, null, others, List.of(), first.place(), first.date(), first.source(),
                        first.modality(), first.evidence(), 0.7, "window/known-signatories"));
            }
        }
    }

    /** "fought alongside Russian forces in Kursk": Russia holds Kursk but is the ally here, not the enemy. */
    private boolean fightsAlongside(Reading rd, Entity state) {
        for (Mention m : rd.mentions()) {
            Entity e = m.how() == Mention.How.DEMONYM ? m.entity() : targetOf(m.entity());
            if (state.equals(e) && Set.of("alongside", "with", "beside").contains(prepositionBefore(rd.sentence(), m))) {
                return true;
            }
        }
        return false;
    }

    /** The earlier event that a noun like "the transfers", "the launch" or "such deployments" names in this sentence. */
    private Event namedEvent(Reading rd, Match m, List<Event> previous, List<Event> current) {
        Sentence s = rd.sentence();
        for (int k = m.start() - 1; k >= 0; k--) {
            Token tok = s.token(k);
            if (!tok.isNoun()) {
                continue;
            }
            for (String l : tok.lemmaCandidates()) {
                for (Trigger t : lexicon.startingWith(l)) {
                    if (!t.noun() || t.action().equals("VIOLATE")) {
                        continue;
                    }
                    for (int i = current.size() - 1; i >= 0; i--) {
                        if (current.get(i).action().equals(t.action())) {
                            return current.get(i);
                        }
                    }
                    for (int i = previous.size() - 1; i >= 0; i--) {
                        if (previous.get(i).action().equals(t.action())) {
                            return previous.get(i);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Trigger words in the sentence that have what they need (an object of the right class). */
    private List<Match> triggers(Reading rd) {
        Sentence s = rd.sentence();
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token tok = s.token(i);
            if (insideMention(rd.mentions(), i)) {
                continue;
            }
            List<Trigger> candidates = new ArrayList<>();
            for (String l : tok.lemmaCandidates()) {
                for (Trigger t : lexicon.startingWith(l)) {
                    if (!candidates.contains(t)) {
                        candidates.add(t);
                    }
                }
            }
            for (Trigger t : candidates) {
                if (t.parseOnly()) {
                    continue;
                }
                int end = matchLemmas(s, i, t);
                if (end < 0) {
                    continue;
                }
                boolean posOk = t.noun() ? tok.isNoun() && !Token.isVerbAt(s.tokens(), i)
                        : Token.isVerbAt(s.tokens(), i) || tok.pos().equals("JJ") && tok.text().endsWith("ed") && i + 1 < s.size()
                        && Set.of("DT", "NNP", "PRP", "PRP$", "CD").contains(s.token(i + 1).pos());
                // "the panel monitoring sanctions": a plural noun the tagger took for a verb after another verb.
                if (!t.noun() && tok.pos().equals("VBZ") && i > 0 && (s.token(i - 1).pos().startsWith("VB")
                        || s.token(i - 1).pos().startsWith("JJ") || s.token(i - 1).pos().equals("DT"))) {
                    posOk = false;
                }
                if (!posOk) {
                    continue;
                }
                // "combat power", "combat troops": a noun that modifies another noun names no action.
                if (t.noun() && end < s.size() && s.token(end).isNoun() && !s.token(end).pos().equals("NNP")) {
                    continue;
                }
                if (t.objectClass() != null && objectOfClass(s, i, end, t) < 0 && !countedObject(rd, i, end, t)) {
                    continue;
                }
                out.add(new Match(t, i, end));
            }
        }
        // "raised concern among the U.S.": when a trigger's own actor preposition is there, it wins over the plain reading.
        List<Match> kept = new ArrayList<>();
        for (Match m : out) {
            boolean shadowed = m.trigger().neededPreposition() == null && out.stream().anyMatch(o -> o != m
                    && o.start() == m.start() && (o.trigger().action().equals(m.trigger().action())
                    || o.trigger().requiredPreposition() != null)
                    && o.trigger().neededPreposition() != null && hasWordAfter(s, o.end(), o.trigger().neededPreposition(), 12));
            boolean prepositionMissing = m.trigger().neededPreposition() != null
                    && !hasWordAfter(s, m.end(), m.trigger().neededPreposition(), 12);
            if (!shadowed && !prepositionMissing && !inBackgroundPhrase(s, m) && !inCondition(s, m)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** Pronouns that stand for the speaker or the states a joint text names: "we", "our". */
    private static final Set<String> SPEAKER_PRONOUNS = Set.of("we", "our", "us");
    /** Words a rule's actor may be that stand for a group the discourse knows better than the windows do. */
    private static final Set<String> GROUP_PRONOUNS = Set.of("we", "our", "us", "both");

    /** The actors the first dependency rule that names one at the trigger gives, with the rule's name. */
    private record RuleActing(List<Acting> actors, String rule, boolean fromPronoun) {
    }

    private RuleActing ruleActors(Reading rd, Match m, List<DependencyRules.RuleMatch> ruleMatches, Discourse discourse) {
        Trigger t = m.trigger();
        List<Acting> actors = new ArrayList<>();
        String rule = null;
        boolean fromPronoun = false;
        if (t.actorPreposition() != null || t.subjectIsTarget()) {
            // "obtained grain from Russia": the subject receives; the windows read who gives.
            return new RuleActing(List.of(), null, false);
        }
        int dateline = Datelines.end(rd.sentence());
        for (DependencyArguments.Argument arg : DependencyArguments.at(rd.sentence(), rd.mentions(), ruleMatches, m.start(), "actor")) {
            if (rule != null && !rule.equals(arg.rule().name()) || !arg.rule().reads(t.action()) || arg.node() < dateline) {
                continue;
            }
            double c = arg.rule().confidence();
            List<Acting> found = arg.mention() != null ? acting(arg.mention().entity(), c, t, true)
                    : resolveAnaphor(rd, arg.pronoun(), arg.node(), t, discourse).stream()
                    .flatMap(e -> acting(e, c * 0.8, t, true).stream()).toList();
            if (!found.isEmpty()) {
                rule = arg.rule().name();
                actors.addAll(found);
                fromPronoun |= arg.mention() == null && !GROUP_PRONOUNS.contains(arg.pronoun());
            }
        }
        return new RuleActing(dedupe(actors), rule, fromPronoun);
    }

    /**
     * Triggers the window reading let pass but a dependency rule found with its actor: the lexicon's readings of
     * the rule's trigger word, where the object the reading needs is there.
     */
    private List<Match> ruleTriggers(Reading rd, List<Match> windowMatches, List<DependencyRules.RuleMatch> ruleMatches) {
        Sentence s = rd.sentence();
        List<Match> out = new ArrayList<>();
        for (DependencyRules.RuleMatch rm : ruleMatches) {
            int i = rm.trigger();
            if (rm.role("actor") == null || insideMention(rd.mentions(), i)
                    || windowMatches.stream().anyMatch(w -> w.start() <= i && i < w.end())
                    || out.stream().anyMatch(w -> w.start() == i)) {
                continue;
            }
            Token tok = s.token(i);
            for (String l : tok.lemmaCandidates()) {
                for (Trigger t : lexicon.startingWith(l)) {
                    int end = matchLemmas(s, i, t);
                    if (end < 0 || !rm.rule().reads(t.action()) || t.noun() != tok.isNoun() || t.actorPreposition() != null || t.subjectIsTarget()
                            || t.requiredPreposition() != null && !hasWordAfter(s, end, t.requiredPreposition(), 12)
                            || t.objectClass() != null && objectOfClass(s, i, end, t) < 0 && !countedObject(rd, i, end, t)
                            && !themeOfClass(s, rm.role("actor"), t)) {
                        continue;
                    }
                    Match m = new Match(t, i, end);
                    if (!out.contains(m) && !inCondition(s, m)) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    /** "North Korean engineers were deployed", "North Koreans were deployed": the subject is what was sent. */
    private boolean themeOfClass(Sentence s, int node, Trigger t) {
        Token tok = s.token(node);
        return lexicon.isInClass(tok, t.objectClass()) || tok.pos().equals("NNPS") && t.objectClass().equals("personnel");
    }

    private static boolean hasWordAfter(Sentence s, int from, String word, int reach) {
        for (int k = from; k < s.size() && k < from + reach; k++) {
            if (s.token(k).lower().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** "in light of North Korea's threats", "amid rising tensions": a noun in such a phrase is background, not news. */
    private static boolean inBackgroundPhrase(Sentence s, Match m) {
        if (!m.trigger().noun()) {
            return false;
        }
        for (int k = m.start() - 1; k >= 0 && k >= m.start() - 7; k--) {
            String w = s.token(k).lower();
            if (w.equals("amid") || w.equals("despite")) {
                return true;
            }
            if (w.equals("of") && k >= 2 && s.token(k - 1).lower().equals("light") && s.token(k - 2).lower().equals("in")) {
                return true;
            }
            if (w.equals("to") && k >= 2 && s.token(k - 1).lower().equals("response") && s.token(k - 2).lower().equals("in")) {
                return true;
            }
            if (s.token(k).isVerb() && !s.token(k).pos().equals("VBG") && !s.token(k).pos().equals("VBN") || w.equals(",")) {
                return false;
            }
        }
        return false;
    }

    /** "If North Korea wants to join the war, ...", "if I were ...": a condition or a counterfactual claims nothing. */
    private static boolean inCondition(Sentence s, Match m) {
        for (int k = 0; k < s.size(); k++) {
            if (s.token(k).lower().equals("if") && k + 2 < s.size()) {
                for (int j = k + 1; j < s.size() && j < k + 5; j++) {
                    if (s.token(j).lower().equals("were")) {
                        return true; // counterfactual: the whole sentence is hypothetical
                    }
                }
                int end = k + 1;
                while (end < s.size() && !s.token(end).text().equals(",")) {
                    end++;
                }
                if (m.start() > k && m.start() < end) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int matchLemmas(Sentence s, int i, Trigger t) {
        int j = i + 1;
        for (int k = 1; k < t.lemmas().size(); k++) {
            if (j < s.size() && (s.token(j).lemma().equals(t.lemmas().get(k)) || s.token(j).lower().equals(t.lemmas().get(k)))) {
                j++;
            } else {
                return -1;
            }
        }
        return j;
    }

    /** The token of a noun of the trigger's object class near it, or -1. */
    private int objectOfClass(Sentence s, int start, int end, Trigger t) {
        boolean seenNoun = false;
        for (int k = end; k < s.size() && k < end + 12; k++) {
            Token tok = s.token(k);
            if (CLAUSE_BREAK.contains(tok.lower()) || tok.text().equals(".") || tok.lower().equals("that")) {
                break;
            }
            // The object ends where another verb starts: "extended the mandate of the panel monitoring sanctions".
            if (tok.isVerb() && (seenNoun || !t.noun() && k > end + 1 && !tok.pos().equals("VBG") && !tok.pos().equals("VBN"))) {
                break;
            }
            seenNoun |= tok.isNoun() && !lexicon.isInClass(tok, "personnel") && !tok.lower().equals("number")
                    && !tok.lower().equals("amount") && !tok.lower().equals("amounts");
            if ((tok.isNoun() || tok.pos().equals("CD")) && lexicon.isInClass(tok, t.objectClass())) {
                return k;
            }
        }
        // Nouns, passives and relative clauses have their object before them: "weapon deliveries",
        // "containers ... sent", "resolution 2397, which it passed", "volunteers that Pyongyang would send".
        boolean passive = !t.noun() && isPassive(s, start);
        boolean relative = !t.noun() && relativeObjectBefore(s, start);
        boolean pronounObject = false;
        for (int k = end; k < s.size() && k < end + 6; k++) {
            String w = s.token(k).lower();
            if (w.equals("them") || w.equals("it") && k == end) {
                pronounObject = true;
                break;
            }
            if (s.token(k).isNoun() || s.token(k).isVerb()) {
                break;
            }
        }
        if (relative || pronounObject) {
            for (int k = start - 1; k >= 0 && k >= start - 16; k--) {
                Token tok = s.token(k);
                if ((tok.isNoun() || tok.pos().equals("CD")) && lexicon.isInClass(tok, t.objectClass())) {
                    return k;
                }
            }
        }
        if (t.noun() || passive) {
            for (int k = start - 1; k >= 0 && k >= start - 8; k--) {
                Token tok = s.token(k);
                if (CLAUSE_BREAK.contains(tok.lower()) || tok.text().equals(",") && !passive) {
                    break;
                }
                if (tok.isNoun() && lexicon.isInClass(tok, t.objectClass())) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** "around 15,000 have been sent": a number whose counted noun (named earlier) is of the trigger's class. */
    private boolean countedObject(Reading rd, int start, int end, Trigger t) {
        Sentence s = rd.sentence();
        boolean before = t.noun() || isPassive(s, start);
        for (QuantityMention q : rd.quantities()) {
            boolean near = q.start() >= end && q.start() <= end + 6 || before && q.end() <= start && q.end() >= start - 6;
            if (near && q.noun() >= 0 && lexicon.isInClass(s.token(q.noun()), t.objectClass())) {
                return true;
            }
        }
        return false;
    }

    /** "which it passed", "that Pyongyang would plan to send": the verb's object is the relative pronoun's antecedent. */
    private static boolean relativeObjectBefore(Sentence s, int verb) {
        for (int k = verb - 1; k >= 0 && k >= verb - 8; k--) {
            String w = s.token(k).lower();
            if (w.equals("which") || w.equals("that") && s.token(k).pos().equals("WDT")) {
                return k + 1 < verb && (s.token(k + 1).pos().startsWith("PRP") || s.token(k + 1).isProperNoun());
            }
            if (w.equals("that") && k > 0 && s.token(k - 1).isNoun() && k + 1 < verb && s.token(k + 1).isProperNoun()) {
                return true;
            }
            if (s.token(k).text().equals(",") || s.token(k).text().equals(".")) {
                if (k > 0 && (s.token(k - 1).text().equals("which") || k + 1 < s.size() && s.token(k + 1).lower().equals("which"))) {
                    continue;
                }
            }
        }
        return false;
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
        String anaphor = null;
        if (t.actorPreposition() != null) {
            found = afterWord(rd, m.end(), t.actorPreposition(), 12, 8, t);
            confidence = 0.8;
        } else if (t.noun()) {
            found = modifierOf(rd, at, t);
            if (found == null && t.ofAgent()) {
                found = afterWord(rd, m.end(), "of", 3, 7, t);
            }
            if (found == null) {
                found = afterWord(rd, m.end(), "by", 3, 4, t);
            }
            confidence = 0.8;
            if (found == null) {
                anaphor = possessivePronounBefore(s, at);
                if (anaphor != null && anaphor.equals("it")) {
                    anaphor = "its";
                }
            }
            if (found == null && anaphor == null) {
                int verb = supportVerbBefore(s, at);
                if (verb >= 0) {
                    found = subjectBefore(rd, verb, t);
                    if (found == null) {
                        anaphor = anaphorBefore(s, verb);
                    }
                    confidence = 0.75;
                } else {
                    found = frontedAdverbialSubject(rd, at, t);
                    confidence = 0.7;
                }
            }
            if (found == null && anaphor == null) {
                // "the use of North Korean soldiers", "casualties among North Korean soldiers": whose people they are.
                found = ownerOfCountedNoun(rd, m, t, -1);
                confidence = 0.65;
            }
        } else if (isPassive(s, at)) {
            found = afterWord(rd, m.end(), "by", 3, 4, t);
            if (found == null) {
                found = fromPhraseBefore(rd, at, t);
            }
            if (found == null) {
                // "North Korean soldiers ... around 15,000 have been sent": whose soldiers were sent.
                found = ownerOfCountedNoun(rd, new Match(t, 0, 0), t, at);
            }
            confidence = 0.8;
        } else {
            if (invertedAfterQuote(s, at)) {
                found = firstActingAfter(rd, m.end(), 10, t);
            }
            if (found == null && isParticipialAdjunct(s, at)) {
                found = mainSubject(rd, t, at);
            }
            if (found == null) {
                found = relativeAntecedent(rd, at, t);
            }
            if (found == null) {
                found = subjectBefore(rd, at, t);
            }
            if (found == null) {
                anaphor = anaphorBefore(s, at);
            }
        }
        List<Acting> out = new ArrayList<>();
        if (found == null) {
            for (Entity e : resolveAnaphor(rd, anaphor, at, t, discourse)) {
                out.addAll(acting(e, 0.6, t, true));
            }
            return dedupe(out);
        }
        for (Mention c : coordinated(rd, found, t)) {
            out.addAll(acting(c.entity(), confidence, t, true));
        }
        // "After Russia and Syria, North Korea recognised ...": those named after "after" did the same, earlier.
        for (Mention c : precedingLikeActors(rd, found, t)) {
            out.addAll(acting(c.entity(), confidence * 0.9, t, false));
        }
        return dedupe(out);
    }

    private List<Entity> resolveAnaphor(Reading rd, String anaphor, int at, Trigger t, Discourse discourse) {
        if (anaphor == null) {
            return List.of();
        }
        // Antecedents earlier in the same sentence first, nearest first: "North Korea ... it is sending".
        List<Entity> inSentence = new ArrayList<>();
        Sentence s = rd.sentence();
        for (int i = rd.mentions().size() - 1; i >= 0; i--) {
            Mention men = rd.mentions().get(i);
            if (men.end() > at || men.how() == Mention.How.DEMONYM) {
                continue;
            }
            for (Acting a : acting(men.entity(), 1, t, true)) {
                if (!inSentence.contains(a.actor()) && !(isPrepositionObject(s, men) && anaphor.equals("it"))) {
                    // "sanctions on North Korea after its launch": a possessive takes the nearest name.
                    inSentence.add(a.actor());
                }
            }
        }
        if (SPEAKER_PRONOUNS.contains(anaphor)) {
            // "we" is the sentence's speaker, or else the states that last acted together (a joint statement's authors).
            Attribution a = rd.attribution();
            if (a != null && a.source() != null && !a.covers(at)) {
                return acting(a.source(), 1, ANY, true).stream().map(Acting::actor).distinct().toList();
            }
            return discourse.lastGroup();
        }
        if (anaphor.equals("both")) {
            if (inSentence.size() >= 2) {
                return List.of(inSentence.get(1), inSentence.get(0));
            }
            return discourse.resolve("both", t, this);
        }
        if (anaphor.equals("they")) {
            // "NATO foreign ministers ... when they meet": a plural pronoun takes the one group its sentence names.
            return inSentence.size() == 1 ? List.of(inSentence.get(0)) : discourse.resolve("both", t, this);
        }
        if (!inSentence.isEmpty()) {
            return List.of(inSentence.get(0));
        }
        return discourse.resolve(anaphor.equals("its") ? "it" : anaphor, t, this);
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

    /** "Moscow ... during the Korean War [1950-53] sent": a capital names the state of its time. */
    private Acting ofItsTime(Acting a, String date, Sentence s) {
        Entity seat = a.named();
        if (seat == null || seat.earlierSeatOf() == null) {
            return a;
        }
        Entity earlier = gazetteer.get(seat.earlierSeatOf());
        if (earlier == null || earlier.dissolvedIn() == null) {
            return a;
        }
        Integer year = date != null && date.matches("\\d{4}.*") ? Integer.valueOf(date.substring(0, 4)) : null;
        if (year == null) {
            java.util.regex.Matcher y = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b").matcher(s.text());
            year = y.find() ? Integer.valueOf(y.group(1)) : null;
        }
        return year != null && year < earlier.dissolvedIn() ? new Acting(earlier, a.agent(), a.confidence(), a.sharesDate(), seat) : a;
    }

    /** The acting records an entity gives: itself, the state it acts for (as agent), or each member of a group. */
    List<Acting> acting(Entity e, double confidence, Trigger t, boolean sharesDate) {
        List<Acting> out = new ArrayList<>();
        switch (e.kind()) {
            case STATE, ORGANIZATION, BODY -> out.add(new Acting(e, null, confidence, sharesDate));
            case STATE_GROUP -> {
                for (String member : e.members()) {
                    Entity st = gazetteer.get(member);
                    if (st != null) {
                        out.add(new Acting(st, e, confidence, sharesDate));
                    }
                }
            }
            case PERSON, AGENCY, ARMED_FORCE -> {
                Entity principal = principal(e);
                if (principal != null) {
                    out.add(new Acting(principal, e, confidence, sharesDate));
                }
            }
            case PLACE -> {
                if (e.seatOf() != null && gazetteer.get(e.seatOf()) != null) {
                    out.add(new Acting(gazetteer.get(e.seatOf()), null, confidence, sharesDate, e));
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
        if (m.how() == Mention.How.DEMONYM) {
            // "North Korean troops", "the South Korean government": a demonym acts through what it modifies.
            Sentence s = rd.sentence();
            for (int k = m.end(); k < s.size() && k < m.end() + 4; k++) {
                Token tok = s.token(k);
                if (!tok.isNoun() && !tok.pos().startsWith("JJ")) {
                    break;
                }
                if (lexicon.isInClass(tok, "personnel") || ACTING_NOUNS.contains(tok.lemma())
                        || tok.lemmaCandidates().stream().anyMatch(l -> !lexicon.startingWith(l).isEmpty())) {
                    return !acting(m.entity(), 1, t, true).isEmpty();
                }
            }
            return false;
        }
        return !acting(m.entity(), 1, t, true).isEmpty();
    }

    private static final Set<String> ACTING_NOUNS = Set.of("government", "leader", "official", "authority", "authorities",
            "president", "minister", "ministry", "regime", "military", "spokesman", "spokesperson", "diplomat",
            "ambassador", "administration", "side", "delegation", "leadership", "navy", "envoy", "intelligence");

    /** Passive: a form of "be" or "get" before the participle, or "by" after it, and no object after it. */
    private static boolean isPassive(Sentence s, int at) {
        if (!s.token(at).pos().equals("VBN")) {
            return false;
        }
        if (at + 1 < s.size()) {
            Token next = s.token(at + 1);
            // A participle with a direct object is a past tense the tagger got wrong: "Kim signed an agreement".
            if (next.pos().equals("DT") || next.pos().equals("CD") || next.pos().startsWith("PRP") || next.pos().equals("NNP")) {
                return false;
            }
        }
        for (int k = at - 1; k >= 0 && k >= at - 4; k--) {
            Token tok = s.token(k);
            if (tok.lemma().equals("be") || tok.lemma().equals("get")) {
                return true;
            }
            if (tok.lemma().equals("have")) {
                return false;
            }
            if (!tok.pos().startsWith("RB") && !tok.pos().equals("MD")) {
                break;
            }
        }
        for (int k = at + 1; k < s.size() && k <= at + 3; k++) {
            if (s.token(k).lower().equals("by")) {
                return true;
            }
        }
        // Reduced relative: "containers of weapons already sent to Russia".
        int k = at - 1;
        while (k >= 0 && s.token(k).pos().startsWith("RB")) {
            k--;
        }
        return k >= 0 && s.token(k).isNoun() && !s.token(k).isProperNoun() && Character.isLowerCase(s.token(k).text().charAt(0))
                && !(k > 0 && s.token(k - 1).text().equals("-"));
    }

    /** '"...," said X' and '"..." protested X': the subject follows the verb. */
    private static boolean invertedAfterQuote(Sentence s, int at) {
        int k = at - 1;
        while (k >= 0 && s.token(k).pos().startsWith("RB")) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        String p = s.token(k).text();
        return p.equals("\"") || p.equals("\u201d") || p.equals("\u00bb")
                || p.equals(",") && k > 0 && (s.token(k - 1).text().equals("\u201d") || s.token(k - 1).text().equals("\""));
    }

    /** "..., sending thousands of troops", "by sending troops": such a participle has the main clause's subject. */
    private static boolean isParticipialAdjunct(Sentence s, int at) {
        if (!s.token(at).pos().equals("VBG")) {
            return false;
        }
        int k = at - 1;
        while (k >= 0 && s.token(k).pos().startsWith("RB")) {
            k--;
        }
        return k > 0 && (s.token(k).text().equals(",") || Set.of("by", "after", "before", "while", "when", "through")
                .contains(s.token(k).lower()));
    }

    /** The subject of the sentence's main clause: the first name that can act, before the first verb. */
    private Mention mainSubject(Reading rd, Trigger t, int at) {
        Sentence s = rd.sentence();
        Attribution a = rd.attribution();
        // In "X said that Russia has paid ..., sending oil", the main clause is the reported one.
        int from = a != null && a.end() <= at && !s.token(a.start()).lower().equals("according") ? a.end() : 0;
        int firstVerb = s.size();
        for (int k = from; k < s.size(); k++) {
            if (s.token(k).isVerb() && !s.token(k).pos().equals("VBG") && !s.token(k).pos().equals("VBN")) {
                firstVerb = k;
                break;
            }
        }
        for (Mention m : rd.mentions()) {
            if (m.start() >= firstVerb) {
                break;
            }
            if (m.start() >= from && !isPrepositionObject(s, m) && !isPossessor(s, m) && canAct(m, rd, t)) {
                return m;
            }
        }
        return null;
    }

    private static final Set<String> DEEDS = Set.of("action", "move", "decision", "policy", "conduct", "activity",
            "transfer", "behaviour", "behavior", "step", "plan", "house", "parliament", "legislature", "lawmaker", "duma",
            "senate", "assembly", "cabinet", "navy", "air");

    /** True when the noun after a possessor ("'s") is an organ that acts or a deed it does. */
    private boolean possessedActs(Sentence s, int from) {
        for (int k = from; k < s.size() && k < from + 4; k++) {
            Token tok = s.token(k);
            if (tok.isNoun() && (k + 1 >= s.size() || !s.token(k + 1).isNoun())) {
                return ACTING_NOUNS.contains(tok.lemma()) || tok.lemmaCandidates().stream().anyMatch(l -> DEEDS.contains(l)
                        || lexicon.startingWith(l).stream().anyMatch(Trigger::noun));
            }
            if (!tok.isNoun() && !tok.pos().startsWith("JJ")) {
                return false;
            }
        }
        return false;
    }

    private static boolean isPossessor(Sentence s, Mention m) {
        return m.end() < s.size() && s.token(m.end()).pos().equals("POS");
    }

    private static int commaBefore(Sentence s, int at) {
        int k = at - 1;
        while (k >= 0 && s.token(k).pos().startsWith("RB")) {
            k--;
        }
        return k >= 0 && s.token(k).text().equals(",") ? k : -1;
    }

    /** "Moscow, which ... sent": the subject of a relative clause is its antecedent. */
    private Mention relativeAntecedent(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        for (int k = at - 1; k >= 0 && k >= at - 12; k--) {
            String w = s.token(k).lower();
            if (w.equals("which") || w.equals("who")) {
                // Only when no subject stands between the pronoun and the verb ("which it passed" has one).
                for (int j = k + 1; j < at; j++) {
                    if (s.token(j).pos().startsWith("PRP") || mentionStartingAt(rd.mentions(), j) != null) {
                        return null;
                    }
                }
                int a = k - 1;
                while (a >= 0 && s.token(a).text().equals(",")) {
                    a--;
                }
                Mention m = mentionEndingAt(rd.mentions(), a + 1);
                return m != null && canAct(m, rd, t) ? m : null;
            }
            if (s.token(k).isVerb() && k < at - 1 && !s.token(k).pos().equals("MD")) {
                return null;
            }
        }
        return null;
    }

    /** Nearest mention before the trigger that can act, skipping objects of prepositions: the subject. */
    private Mention subjectBefore(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        Attribution a = rd.attribution();
        int floor = a != null && a.end() <= at && !s.token(a.start()).lower().equals("according") ? a.end() : 0;
        for (int k = at - 1; k >= floor; k--) {
            Token tok = s.token(k);
            if (CLAUSE_BREAK.contains(tok.lower()) && k < at - 1) {
                return null;
            }
            if (ANAPHORS.contains(tok.lower()) && tok.pos().startsWith("PRP") && !tok.pos().equals("PRP$")) {
                return null;
            }
            // "Serbia, which does not recognise Kosovo, protested": the subject stands before the relative clause.
            if (tok.text().equals(",") && k == at - 1) {
                int open = k - 1;
                while (open > 0 && !s.token(open).text().equals(",") && !CLAUSE_BREAK.contains(s.token(open).lower())) {
                    open--;
                }
                if (open > 0 && Set.of("which", "who").contains(s.token(open).lower()) && s.token(open - 1).text().equals(",")) {
                    k = open - 1;
                    continue;
                }
            }
            // "the two sides agreed", "the country's government will": an anaphor is the subject.
            if (k > 0 && Set.of("sides", "countries", "nations").contains(tok.lower())
                    && Set.of("two", "both").contains(s.token(k - 1).lower())
                    || tok.lower().equals("country") && k > 0 && s.token(k - 1).lower().equals("the")) {
                return null;
            }
            Mention m = mentionEndingAt(rd.mentions(), k + 1);
            if (m == null) {
                continue;
            }
            k = m.start();
            // "Russia's lower house voted", "North Korea's transfers violate": a possessor acts through its organs and its deeds.
            boolean actingPossessor = isPossessor(s, m) && possessedActs(s, m.end() + 1);
            if (isPrepositionObject(s, m) || isOfObject(s, m) || isPossessor(s, m) && !actingPossessor || !canAct(m, rd, t)
                    || inOtherAttribution(rd, m)) {
                continue;
            }
            return m;
        }
        return null;
    }

    /** A mention inside the attribution ("according to the UN") is the source, not a subject. */
    private static boolean inOtherAttribution(Reading rd, Mention m) {
        Attribution a = rd.attribution();
        return a != null && a.covers(m.start()) && a.source() != null && !a.source().equals(m.entity())
                && rd.sentence().token(a.start()).lower().equals("according");
    }

    /** "90% of North Korea's debt": an object of "of", unless it names who leads ("the leaders of North Korea"). */
    private static boolean isOfObject(Sentence s, Mention m) {
        int k = m.start() - 1;
        while (k >= 0 && (s.token(k).pos().equals("DT") || s.token(k).pos().startsWith("JJ"))) {
            k--;
        }
        if (k < 1 || !s.token(k).lower().equals("of")) {
            return false;
        }
        Token head = s.token(k - 1);
        return !(ACTING_NOUNS.contains(head.lemma()) || Set.of("leader", "head", "chief", "leaders", "heads").contains(head.lower()));
    }

    private static boolean isPrepositionObject(Sentence s, Mention m) {
        int k = m.start() - 1;
        while (k >= 0 && (s.token(k).pos().equals("DT") || s.token(k).pos().startsWith("JJ") || s.token(k).text().equals("\"")
                || s.token(k).text().equals("\u201c") || s.token(k).pos().equals("POS"))) {
            if (s.token(k).pos().equals("POS")) {
                // "with North Korea's Kim Jong Un": step over the possessor.
                k--;
                while (k >= 0 && s.token(k).isProperNoun()) {
                    k--;
                }
                continue;
            }
            k--;
        }
        if (k < 0) {
            return false;
        }
        Token p = s.token(k);
        // "leaders of North Korea and Russia" and "by Pyongyang" name actors; "to Russia" and "with Moscow" do not.
        return (p.pos().equals("IN") || p.pos().equals("TO")) && !Set.of("of", "by", "that", "if", "as", "after",
                "because", "while", "since", "although", "though", "whether").contains(p.lower());
    }

    private Mention afterWord(Reading rd, int from, String word, int reach, int window, Trigger t) {
        Sentence s = rd.sentence();
        for (int k = from; k < s.size() && k < from + reach; k++) {
            if (s.token(k).lower().equals(word)) {
                for (Mention m : rd.mentions()) {
                    if (m.start() > k && m.start() <= k + window && canActOrDemonym(m, rd, t)) {
                        return m;
                    }
                }
                return null;
            }
            if (CLAUSE_BREAK.contains(s.token(k).lower()) || s.token(k).text().equals(".")) {
                return null;
            }
        }
        return null;
    }

    private boolean canActOrDemonym(Mention m, Reading rd, Trigger t) {
        return canAct(m, rd, t) || m.how() == Mention.How.DEMONYM && !acting(m.entity(), 1, t, true).isEmpty();
    }

    private Mention firstActingAfter(Reading rd, int from, int window, Trigger t) {
        for (Mention m : rd.mentions()) {
            if (m.start() >= from && m.start() < from + window && canAct(m, rd, t)) {
                return m;
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

    /**
     * Who owns a noun trigger: "North Korea's deliveries", "North Korean troop movements", "Russian veto".
     * A name used as a plain modifier is what the action is about, not who acts: "a Ukraine offensive".
     */
    private Mention modifierOf(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        for (int k = at - 1; k >= 0 && k >= at - 6; k--) {
            Token tok = s.token(k);
            Mention m = mentionEndingAt(rd.mentions(), k + 1);
            if (m != null) {
                boolean possessive = m.end() < s.size() && s.token(m.end()).pos().equals("POS");
                if (m.how() == Mention.How.DEMONYM || possessive) {
                    return canActOrDemonym(m, rd, t) ? m : null;
                }
                return null;
            }
            if (!(tok.isNoun() || tok.pos().startsWith("JJ") || tok.pos().equals("POS") || tok.pos().equals("VBN")
                    || tok.pos().equals("VBG") || tok.pos().equals("CD") || tok.text().equals(","))) {
                return null;
            }
        }
        return null;
    }

    /** The demonym owning a counted noun of the trigger's class: after a noun trigger, or before {@code before}. */
    private Mention ownerOfCountedNoun(Reading rd, Match m, Trigger t, int before) {
        Sentence s = rd.sentence();
        String cls = t.objectClass() != null ? t.objectClass() : t.action().equals("CASUALTIES") ? "personnel" : null;
        if (cls == null) {
            return null;
        }
        boolean backwards = before >= 0 || t.action().equals("CASUALTIES");
        int from = backwards ? 0 : m.end();
        int to = before >= 0 ? before : t.action().equals("CASUALTIES") ? m.start() : Math.min(s.size(), m.end() + 8);
        for (Mention men : rd.mentions()) {
            if (men.start() < from || men.start() >= to || men.how() != Mention.How.DEMONYM) {
                continue;
            }
            for (int k = men.end(); k < s.size() && k < men.end() + 6; k++) {
                if (s.token(k).isNoun() && lexicon.isInClass(s.token(k), cls)) {
                    return canActOrDemonym(men, rd, t) ? men : null;
                }
                if (s.token(k).isVerb() || s.token(k).pos().equals("IN") || s.token(k).text().equals(",")) {
                    break;
                }
            }
        }
        return null;
    }

    /** "its deliveries", "their exercises": a possessive pronoun owning a noun trigger. */
    private static String possessivePronounBefore(Sentence s, int at) {
        for (int k = at - 1; k >= 0 && k >= at - 4; k--) {
            Token tok = s.token(k);
            if (tok.pos().equals("PRP$")) {
                return tok.lower().equals("their") ? "both" : tok.lower().equals("its") || tok.lower().equals("his")
                        || tok.lower().equals("her") ? "it" : null;
            }
            if (!(tok.isNoun() || tok.pos().startsWith("JJ") || tok.pos().equals("VBN"))) {
                return null;
            }
        }
        return null;
    }

    /** The support verb whose object the noun trigger is ("conducted ... exercises"), or -1. */
    private int supportVerbBefore(Sentence s, int at) {
        for (int k = at - 1; k >= 0 && k >= at - 7; k--) {
            Token tok = s.token(k);
            if (tok.isVerb()) {
                // "increased cooperation": a participle right before the noun describes it; it does not govern it.
                boolean adjectival = k == at - 1 && (tok.pos().equals("VBN") || tok.pos().equals("VBD"));
                return !adjectival && tok.lemmaCandidates().stream().anyMatch(lexicon::isSupportVerb) ? k : -1;
            }
            // "discussed items of immediate cooperation", "engaged in military cooperation"
            boolean linking = (tok.lower().equals("of") || tok.lower().equals("in") || tok.lower().equals("on")
                    || tok.pos().equals("CC")) && k < at - 1;
            if (!(linking || tok.isNoun() || tok.pos().startsWith("JJ") || tok.pos().equals("DT") || tok.pos().equals("PRP$")
                    || tok.pos().startsWith("RB") || tok.pos().equals("CD") || tok.text().equals("\"")
                    || tok.text().equals("\u201c") || tok.text().equals("\u201d") || tok.text().equals(","))) {
                return -1;
            }
        }
        return -1;
    }

    /** "Following a visit to Pyongyang, Shoigu said ...": the fronted noun's actor is the main clause's subject. */
    private Mention frontedAdverbialSubject(Reading rd, int at, Trigger t) {
        Sentence s = rd.sentence();
        if (s.size() == 0 || !Set.of("after", "following", "during", "before", "since", "upon", "on", "at")
                .contains(s.token(0).lower())) {
            return null;
        }
        for (int k = at + 1; k < s.size(); k++) {
            if (s.token(k).text().equals(",")) {
                for (Mention m : rd.mentions()) {
                    if (m.start() > k && m.start() <= k + 3 && canAct(m, rd, t)) {
                        return m;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** The mention and those joined to it by "and": "South Korea, the U.S., and Japan". */
    private List<Mention> coordinated(Reading rd, Mention head, Trigger t) {
        List<Mention> ms = rd.mentions();
        Sentence s = rd.sentence();
        int idx = ms.indexOf(head);
        List<Mention> out = new ArrayList<>();
        out.add(head);
        for (int i = idx - 1; i >= 0; i--) {
            if (!joins(s, ms.get(i).end(), ms.get(i + 1).start(), ms.get(i)) || !canAct(ms.get(i), rd, t)) {
                break;
            }
            out.add(0, ms.get(i));
        }
        // "after Russia and Syria, North Korea ...": a group behind "after" or "like" is not part of the subject.
        while (out.size() > 1 && out.get(0) != head) {
            int before = out.get(0).start() - 1;
            if (before >= 0 && Set.of("after", "like", "following", "unlike", "before", "than").contains(s.token(before).lower())) {
                int cut = out.indexOf(head);
                List<Mention> rest = new ArrayList<>(out.subList(cut, out.size()));
                out.clear();
                out.addAll(rest);
                break;
            }
            break;
        }
        for (int i = idx + 1; i < ms.size(); i++) {
            if (!joins(s, ms.get(i - 1).end(), ms.get(i).start(), ms.get(i - 1)) || !canAct(ms.get(i), rd, t)) {
                break;
            }
            out.add(ms.get(i));
        }
        // A list only counts as one when "and" joins it somewhere ("the U.S., South Korea, and their allies");
        // "Russia, the country that ..." is an apposition.
        if (out.size() > 1) {
            boolean and = false;
            int last = out.get(out.size() - 1).end();
            for (int k = out.get(0).end(); k < Math.min(s.size(), last + 3); k++) {
                and |= s.token(k).lower().equals("and") || s.token(k).text().equals("&");
            }
            if (!and) {
                return List.of(head);
            }
        }
        return out;
    }

    private static boolean joins(Sentence s, int from, int to, Mention left) {
        if (to <= from) {
            return false;
        }
        boolean nounsAllowed = left.how() == Mention.How.DEMONYM;
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if (Set.of("and", "&", ",", "the", "as", "well").contains(w)) {
                nounsAllowed = false;
                continue;
            }
            // "North Korean troops and Russian forces": the demonym's nouns belong to it.
            if (!(nounsAllowed && (s.token(k).isNoun() || s.token(k).pos().startsWith("JJ")))) {
                return false;
            }
        }
        return true;
    }

    /** "after Russia and Syria, North Korea recognised": the states named after "after" or "like" before the subject. */
    private List<Mention> precedingLikeActors(Reading rd, Mention subject, Trigger t) {
        Sentence s = rd.sentence();
        List<Mention> ms = rd.mentions();
        int idx = ms.indexOf(subject);
        if (idx <= 0) {
            return List.of();
        }
        int k = subject.start() - 1;
        if (k < 0 || !s.token(k).text().equals(",")) {
            return List.of();
        }
        List<Mention> out = new ArrayList<>();
        int i = idx - 1;
        Mention last = ms.get(i);
        if (last.end() != k) {
            return List.of();
        }
        out.add(last);
        while (i > 0 && joins(s, ms.get(i - 1).end(), ms.get(i).start(), ms.get(i - 1))) {
            i--;
            out.add(0, ms.get(i));
        }
        int before = out.get(0).start() - 1;
        if (before < 0 || !Set.of("after", "like", "following").contains(s.token(before).lower())) {
            return List.of();
        }
        out.removeIf(m -> !canAct(m, rd, t));
        return out;
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
            if ((w.equals("country") || w.equals("government") || w.equals("regime")) && k > 0
                    && (s.token(k - 1).lower().equals("the") || s.token(k - 1).pos().equals("PRP$"))) {
                return "it";
            }
            if (ANAPHORS.contains(w) && !w.equals("their") && !w.equals("his") && !w.equals("her")) {
                return w.equals("they") ? "they" : "it";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ other slots

    private static final Set<String> OBJECT_ONLY = Set.of("MONITOR", "CRITICIZE", "SUPPORT", "THREATEN", "SANCTION", "FIGHT");
    private static final Set<String> HELP = Set.of("help", "assist", "support", "aid", "back", "reinforce", "bolster");

    private List<Entity> targets(Reading rd, Match m, List<Acting> actors, Entity place) {
        List<Entity> direct = directObjectTargets(rd, m, actors);
        if (!direct.isEmpty()) {
            return direct;
        }
        List<Entity> out = purposeBeneficiary(rd, m, actors);
        out.addAll(windowTargets(rd, m, actors, place));
        if (out.isEmpty()) {
            Set<Entity> exclude = new HashSet<>();
            actors.forEach(a -> exclude.add(a.actor()));
            return DependencyTargets.of(rd.sentence(), rd.mentions(), m.start(), m.trigger().action(), this::targetOf, exclude);
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(out));
    }

    /** "monitor possible North Korean troop movements", "condemned Russia for ...": judging verbs aim at their object. */
    private List<Entity> directObjectTargets(Reading rd, Match m, List<Acting> actors) {
        Sentence s = rd.sentence();
        if (!OBJECT_ONLY.contains(m.trigger().action())) {
            return List.of();
        }
        List<Entity> out = new ArrayList<>();
        int k = m.end();
        while (k < s.size() && mentionStartingAt(rd.mentions(), k) == null && (s.token(k).lower().equals("to")
                || s.token(k).lower().equals("against") || s.token(k).lower().equals("on")
                || s.token(k).pos().equals("DT") || s.token(k).pos().startsWith("JJ") || s.token(k).pos().startsWith("RB"))) {
            k++;
        }
        if (k < s.size() && s.token(k).pos().equals("PRP$") && (s.token(k).lower().equals("its") || s.token(k).lower().equals("their"))) {
            for (int i = rd.mentions().size() - 1; i >= 0; i--) {
                Mention men = rd.mentions().get(i);
                Entity e = men.start() < m.start() ? targetOf(men.entity()) : null;
                if (e != null && e.kind() == EntityKind.STATE && actors.stream().noneMatch(a -> a.actor().equals(e))) {
                    return List.of(e);
                }
            }
        }
        for (Mention men : rd.mentions()) {
            if (men.start() != k) {
                continue;
            }
            Entity e = men.how() == Mention.How.DEMONYM ? men.entity() : targetOf(men.entity());
            if (e != null && e.kind() == EntityKind.STATE && actors.stream().noneMatch(a -> a.actor().equals(e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** "... to help the Kremlin oust ...": the one helped is aimed at. */
    private List<Entity> purposeBeneficiary(Reading rd, Match m, List<Acting> actors) {
        Sentence s = rd.sentence();
        List<Entity> out = new ArrayList<>();
        for (int k = m.end(); k + 2 < s.size() && k < m.end() + 20; k++) {
            if ((s.token(k).lower().equals("to") || s.token(k).pos().equals("MD")) && s.token(k + 1).pos().equals("VB")
                    && HELP.contains(s.token(k + 1).lemma())) {
                Mention men = mentionStartingAt(rd.mentions(), k + 2);
                if (men == null && s.token(k + 2).pos().equals("DT")) {
                    men = mentionStartingAt(rd.mentions(), k + 3);
                }
                Entity e = men == null ? null : targetOf(men.entity());
                if (e != null && actors.stream().noneMatch(a -> a.actor().equals(e))) {
                    out.add(e);
                }
                break;
            }
            if (brokenBetween(s, k, k + 1) && !s.token(k).lower().equals("to") && !s.token(k).lower().equals("who")) {
                break;
            }
        }
        return out;
    }

    private Entity targetOf(Entity e) {
        return switch (e.kind()) {
            case STATE, ORGANIZATION, BODY, RESOLUTION, UNRESOLVED -> e;
            case PERSON, AGENCY, ARMED_FORCE -> principal(e);
            case PLACE -> e.seatOf() != null ? gazetteer.get(e.seatOf()) : null;
            default -> null;
        };
    }

    private List<Entity> windowTargets(Reading rd, Match m, List<Acting> actors, Entity place) {
        Sentence s = rd.sentence();
        List<Entity> out = new ArrayList<>();
        Set<String> actorIris = new HashSet<>();
        for (Acting a : actors) {
            actorIris.add(a.actor().iri());
        }
        int from = m.end();
        if (m.trigger().subjectIsTarget() || objectIsBefore(s, m)) {
            // "Ties between North Korea and Russia raised concern among ...": the subject is what is aimed at.
            from = clauseStart(s, m.start());
        }
        for (Mention men : rd.mentions()) {
            if (men.start() < from || men.start() > m.end() + 15 || men.start() >= m.start() && men.start() < m.end()) {
                continue;
            }
            if (from < m.start() && men.start() < m.start() && m.trigger().subjectIsTarget() == false
                    && men.entity().kind() != EntityKind.RESOLUTION) {
                continue;
            }
            if (men.start() >= m.end() && brokenBetween(s, m.end(), men.start())) {
                break;
            }
            if (m.trigger().actorPreposition() != null && men.start() > m.end()
                    && prepositionBefore(s, men).equals(m.trigger().actorPreposition())) {
                continue;
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
                case AGREEMENT -> null;
                // "sanctions on Tehran": a capital after "on" or "against" is its government, not a place.
                case PLACE -> e.seatOf() != null && (!locative(s, men) || Set.of("on", "against").contains(prepositionBefore(s, men)))
                        ? gazetteer.get(e.seatOf()) : null;
                default -> null;
            };
            // A state troops are sent to, or that is attacked, is both where it happens and whom it concerns.
            boolean sentTo = target != null && target.equals(place) && target.kind() == EntityKind.STATE
                    && Set.of("DEPLOY", "FIGHT").contains(m.trigger().action());
            if (target == null || actorIris.contains(target.iri()) || out.contains(target) || target.equals(place) && !sentTo) {
                continue;
            }
            if (m.trigger().action().equals("SANCTION") && target.kind() == EntityKind.RESOLUTION) {
                continue; // the regime is the instrument; the sanctioned state is the target
            }
            if (target.kind() == EntityKind.STATE && locative(s, men) && isPlaceFor(m.trigger())
                    && !prepositionBefore(s, men).equals("to")) {
                continue;
            }
            // "fight alongside Russian forces": an ally, not an enemy.
            if (m.trigger().action().equals("FIGHT") && Set.of("alongside", "with", "beside", "for").contains(prepositionBefore(s, men))) {
                continue;
            }
            out.add(target);
        }
        return out;
    }

    /** True when the trigger's object stands before it: "resolution 2397, which it passed". */
    private boolean objectIsBefore(Sentence s, Match m) {
        return !m.trigger().noun() && relativeObjectBefore(s, m.start());
    }

    private static int clauseStart(Sentence s, int at) {
        for (int k = at - 1; k >= 0; k--) {
            if (s.token(k).text().equals(";") || s.token(k).lower().equals("that") && s.token(k).pos().equals("IN")) {
                return k + 1;
            }
        }
        return 0;
    }

    private static boolean isPlaceFor(Trigger t) {
        return Set.of("DEPLOY", "FIGHT", "MEET", "MILITARY_EXERCISE", "SUPPLY_ARMS").contains(t.action());
    }

    private static boolean brokenBetween(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = s.token(k).lower();
            if (w.equals(",") && k + 1 < s.size() && s.token(k + 1).pos().equals("VBG")) {
                return true;
            }
            if (w.equals("to") && k + 1 < s.size() && s.token(k + 1).pos().equals("VB")) {
                return true;
            }
            // "... to Ukraine in response to cooperation between Russia and North Korea": a new reason, a new clause.
            if (Set.of("amid", "despite", "because").contains(w) || w.equals("in") && k + 1 < s.size()
                    && Set.of("response", "exchange", "retaliation", "return").contains(s.token(k + 1).lower())) {
                return true;
            }
            if (w.equals(";") || w.equals("which") || w.equals("who") || w.equals("while") || w.equals("but")
                    || w.equals("whereas") || w.equals("\u2013") || w.equals("\u2014")) {
                return true;
            }
        }
        return false;
    }

    private Entity place(Reading rd, Match m) {
        Sentence s = rd.sentence();
        if (m.trigger().action().equals("FIGHT")) {
            Entity struck = DependencyPlaces.struck(s, rd.mentions(), m.start());
            if (struck != null) {
                return struck;
            }
        }
        Entity best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Mention men : rd.mentions()) {
            Entity e = men.entity();
            boolean isPlace = e.kind() == EntityKind.PLACE
                    || e.kind() == EntityKind.STATE && isPlaceFor(m.trigger()) && (Set.of("in", "inside", "into", "across")
                    .contains(prepositionBefore(s, men))
                    // "sent troops to Russia": where personnel are sent is where the deployment goes.
                    || m.trigger().action().equals("DEPLOY") && prepositionBefore(s, men).equals("to"))
                    // "to Russia's Kursk region": the possessor only says whose the place is.
                    && !(men.end() < s.size() && s.token(men.end()).pos().equals("POS"));
            if (!isPlace || men.how() == Mention.How.DEMONYM || !locative(s, men)) {
                continue;
            }
            if (rd.attribution() != null && rd.attribution().covers(men.start())) {
                continue;
            }
            // Places after the trigger belong to it; before it, only within its clause, which "by sending" opens.
            if (men.end() <= m.start() && m.start() > 0 && s.token(m.start()).pos().equals("VBG")
                    && s.token(m.start() - 1).pos().equals("IN")) {
                continue;
            }
            int distance = men.start() >= m.end() ? men.start() - m.end() : (m.start() - men.end()) * 2 + 4;
            if (men.start() >= m.end() ? brokenBetween(s, m.end(), men.start()) : brokenBetween(s, men.end(), m.start())) {
                continue;
            }
            if (distance < bestDistance && distance < 25) {
                best = e;
                bestDistance = distance;
            }
        }
        if (best != null && best.kind() == EntityKind.STATE) {
            // "sent 11,000 troops to Russia, many of them to the Kursk region": the place within the state says more.
            for (Mention men : rd.mentions()) {
                if (men.entity().kind() == EntityKind.PLACE && best.iri().equals(men.entity().country()) && locative(s, men)
                        && !(rd.attribution() != null && rd.attribution().covers(men.start()))) {
                    return men.entity();
                }
            }
        }
        return best != null ? best : DependencyPlaces.at(s, rd.mentions(), m.start());
    }

    private static boolean locative(Sentence s, Mention m) {
        return LOCATIVE.contains(prepositionBefore(s, m));
    }

    private static String prepositionBefore(Sentence s, Mention m) {
        int k = m.start() - 1;
        while (k >= 0 && (s.token(k).pos().equals("DT") || s.token(k).pos().startsWith("JJ") || s.token(k).pos().equals("VBN")
                || s.token(k).pos().equals("POS"))) {
            if (s.token(k).pos().equals("POS")) {
                // "off South Korea's Jeju island": step over the possessor's name.
                k--;
                while (k >= 0 && (s.token(k).isProperNoun() || s.token(k).isCapitalised() && s.token(k).isNoun())) {
                    k--;
                }
                continue;
            }
            k--;
        }
        return k >= 0 ? s.token(k).lower() : "";
    }

    /** Quantities of the trigger's object, one group per coordinated object ("1,000 sappers along with 5,000 workers"). */
    private List<List<Quantity>> quantities(Reading rd, Match m, List<Integer> groupStarts) {
        Sentence s = rd.sentence();
        Trigger t = m.trigger();
        List<QuantityMention> picked = new ArrayList<>();
        boolean leftToo = t.noun() || isPassive(s, m.start()) || relativeObjectBefore(s, m.start());
        for (QuantityMention q : rd.quantities()) {
            boolean right = q.start() >= m.end() && q.start() <= m.end() + 22 && !brokenBetween(s, m.end(), q.start());
            boolean left = leftToo && q.end() <= m.start() && q.end() >= m.start() - 14;
            boolean own = q.noun() >= m.start() && q.noun() < m.end(); // "600 casualties": the trigger counted
            boolean governed = DependencyArguments.governs(s, m.start(), q.noun());
            if (!right && !left && !own && !governed) {
                continue;
            }
            if (fits(s, q, t, m) || governed) {
                picked.add(q);
            }
        }
        List<List<Quantity>> groups = new ArrayList<>();
        List<Quantity> cur = new ArrayList<>();
        groupStarts.add(picked.isEmpty() ? s.token(m.start()).start() : s.token(picked.get(0).start()).start());
        for (int i = 0; i < picked.size(); i++) {
            if (i > 0 && t.objectClass() != null && startsNewObject(s, picked.get(i - 1).end(), picked.get(i).start())) {
                groups.add(cur);
                cur = new ArrayList<>();
                groupStarts.add(s.token(picked.get(i).start()).start());
            }
            cur.add(picked.get(i).quantity());
        }
        groups.add(cur);
        return groups;
    }

    private boolean fits(Sentence s, QuantityMention q, Trigger t, Match m) {
        Token noun = q.noun() >= 0 ? s.token(q.noun()) : null;
        String unit = q.quantity().unit();
        boolean money = unit.equals(unit.toUpperCase(java.util.Locale.ROOT)) || unit.equals("percent");
        return switch (t.action()) {
            case "PAY" -> true;
            case "PROVIDE_AID" -> money || noun != null && lexicon.isInClass(noun, "goods");
            case "CASUALTIES" -> q.noun() == m.start() || !t.noun() && noun != null && lexicon.isInClass(noun, "personnel");
            default -> t.objectClass() != null && noun != null
                    && (lexicon.isInClass(noun, t.objectClass()) || lexicon.isInClass(noun, "personnel")
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

    private static String date(Reading rd, Match m, boolean future, DateExpressions.Context c) {
        Sentence s = rd.sentence();
        Attribution a = rd.attribution();
        // The date of the trigger's own clause first (SUTime, through the parse), then the sentence's first date.
        String own = DependencyDates.of(s, m.start(), future, c.articleDate());
        if (own != null) {
            return own;
        }
        for (DateExpressions.Expression x : rd.dates()) {
            int tokenAt = tokenAt(s, x.start());
            if (a != null && a.covers(tokenAt)) {
                continue;
            }
            // "A week later, X told Y that Z could send ...": a date before the saying dates the saying.
            if (a != null && tokenAt < a.start() && m.start() >= a.end()) {
                continue;
            }
            String iso = x.resolve(c, future);
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    /** True when nothing after the attribution but adjuncts: "..., X said on Monday." covers all before it. */
    private static boolean endsSentence(Sentence s, Attribution a) {
        for (int k = a.end(); k < s.size(); k++) {
            if (s.token(k).isVerb()) {
                return false;
            }
        }
        return true;
    }

    /** "In response, ..." and "In retaliation, ...": the event follows the one just told, on its date. */
    private static boolean respondsToPrevious(Sentence s) {
        return s.size() > 2 && s.token(0).lower().equals("in") && Set.of("response", "retaliation").contains(s.token(1).lower())
                && s.token(2).text().equals(",");
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
            if ((w.equals("will") || w.equals("shall")) && (!tok.pos().equals("MD") || k > 0
                    && (Set.of("POS", "JJ", "DT", "PRP$", "''", "``").contains(s.token(k - 1).pos())
                    || "\"\u201d\u201c".contains(s.token(k - 1).text())))) {
                continue;
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

    private Entity sourceOf(List<Reading> readings, int r, Discourse discourse) {
        Entity s = attributedSource(readings, r, discourse);
        // "Seoul said": a capital speaking is its government.
        return s != null && s.isPlace() && s.seatOf() != null && gazetteer.get(s.seatOf()) != null ? gazetteer.get(s.seatOf()) : s;
    }

    private static Entity attributedSource(List<Reading> readings, int r, Discourse discourse) {
        Reading rd = readings.get(r);
        Attribution own = rd.attribution();
        if (own != null) {
            if (own.isAnaphoric()) {
                return discourse.lastSource;
            }
            // "the agency added": a definite description points back to the source last named, if it is that kind of source.
            if (refersBack(own.source(), discourse.lastSource)) {
                return discourse.lastSource;
            }
            return own.source();
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

    private static final Map<String, Set<EntityKind>> DESCRIBES = Map.of(
            "agency", Set.of(EntityKind.AGENCY, EntityKind.OUTLET, EntityKind.UNRESOLVED),
            "service", Set.of(EntityKind.AGENCY, EntityKind.UNRESOLVED),
            "ministry", Set.of(EntityKind.AGENCY, EntityKind.UNRESOLVED),
            "official", Set.of(EntityKind.PERSON, EntityKind.UNRESOLVED),
            "spokesman", Set.of(EntityKind.PERSON, EntityKind.UNRESOLVED),
            "spokesperson", Set.of(EntityKind.PERSON, EntityKind.UNRESOLVED),
            "minister", Set.of(EntityKind.PERSON, EntityKind.UNRESOLVED),
            "diplomat", Set.of(EntityKind.PERSON, EntityKind.UNRESOLVED),
            "institute", Set.of(EntityKind.THINK_TANK),
            "newspaper", Set.of(EntityKind.OUTLET));

    /** True when a definite description ("the agency") names the source last named (an agency). */
    static boolean refersBack(Entity described, Entity last) {
        if (described == null || last == null || described.kind() != EntityKind.UNRESOLVED) {
            return false;
        }
        String label = described.label().toLowerCase(java.util.Locale.ROOT);
        if (!label.startsWith("the ")) {
            return false;
        }
        String head = label.substring(label.lastIndexOf(' ') + 1);
        Set<EntityKind> kinds = DESCRIBES.get(head);
        return kinds != null && kinds.contains(last.kind());
    }

    // ------------------------------------------------------------------ mentions of resolutions

    /** "resolution 2397", "UNSCR 2397": a numbered UN Security Council resolution. */
    private void addResolutions(Sentence s, List<Mention> mentions) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if (RESOLUTION.matcher(s.token(i).text()).matches()) {
                Matcher n = Pattern.compile("\\d{2,4}").matcher(s.token(i + 1).text());
                if (n.matches()) {
                    final int start = i;
                    Entity known = gazetteer.get(NG.ENTITY + "unsc-resolution-" + n.group());
                    Entity e = known != null ? known : new Entity(NG.ENTITY + "unsc-resolution-" + n.group(),
                            "UN Security Council Resolution " + n.group(), EntityKind.RESOLUTION, null, null, null, List.of());
                    mentions.removeIf(m -> m.start() <= start + 1 && m.end() > start);
                    mentions.add(new Mention(e, i, i + 2, Mention.How.NAME));
                }
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(Mention::start));
    }

    /**
     * "UN sanctions", "U.N. Security Council resolutions", "freed itself from sanctions": without a number they refer to
     * the regime (or resolution series) of the state they concern: the one named after "on" or "against", else the one
     * the sentence names, else the one the article has named most. National sanctions ("US sanctions") are left alone.
     */
    private void addSanctionRegimes(Sentence s, List<Mention> mentions, Map<String, Integer> stateCounts) {
        for (int i = 0; i < s.size(); i++) {
            Token tok = s.token(i);
            boolean sanctions = tok.lower().equals("sanctions");
            boolean resolutions = tok.lower().equals("resolutions");
            if (!sanctions && !resolutions || insideMention(mentions, i)) {
                continue;
            }
            int start = i;
            boolean un = false;
            for (int k = i - 1; k >= 0 && k >= i - 5; k--) {
                Mention m = mentionEndingAt(mentions, k + 1);
                if (m != null && (m.entity().kind() == EntityKind.BODY || m.entity().kind() == EntityKind.ORGANIZATION)
                        && m.entity().label().startsWith("United Nations")) {
                    un = true;
                    start = m.start();
                    k = m.start();
                    continue;
                }
                if (m != null) {
                    break; // "US sanctions", "Western sanctions": someone else's sanctions
                }
                String w = s.token(k).lower();
                if (!(s.token(k).pos().startsWith("JJ") || w.equals("international") || w.equals("security") || w.equals("council"))) {
                    break;
                }
            }
            if (resolutions && !un) {
                continue;
            }
            // Bare "sanctions" are a UN regime only where they are broken ("freed itself from sanctions", "a violation
            // of sanctions"); "the EU will impose new sanctions" are the EU's own.
            if (!un && !brokenNearby(s, i)) {
                continue;
            }
            String state = null;
            if (i + 2 < s.size() && (s.token(i + 1).lower().equals("on") || s.token(i + 1).lower().equals("against"))) {
                Mention after = mentionStartingAt(mentions, i + 2);
                state = after != null && after.entity().kind() == EntityKind.STATE ? after.entity().iri() : null;
            }
            if (state == null) {
                int best = Integer.MAX_VALUE;
                for (Mention m : mentions) {
                    if (m.entity().kind() == EntityKind.STATE && gazetteer.regimeOf(m.entity().iri()) != null
                            && Math.abs(m.start() - i) < best) {
                        best = Math.abs(m.start() - i);
                        state = m.entity().iri();
                    }
                }
            }
            if (state == null && un) {
                state = stateCounts.entrySet().stream().filter(e -> gazetteer.regimeOf(e.getKey()) != null)
                        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            }
            Entity regime = state == null ? null : resolutions ? gazetteer.resolutionsOn(state) : gazetteer.regimeOf(state);
            if (regime != null) {
                final int from = start;
                final int to = i + 1;
                mentions.removeIf(m -> m.start() < to && m.end() > from);
                mentions.add(new Mention(regime, from, to, Mention.How.NAME));
                mentions.sort(java.util.Comparator.comparingInt(Mention::start));
            }
        }
    }

    private boolean brokenNearby(Sentence s, int i) {
        for (int k = Math.max(0, i - 5); k < i; k++) {
            for (String l : s.token(k).lemmaCandidates()) {
                if (lexicon.startingWith(l).stream().anyMatch(t -> t.action().equals("VIOLATE"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Mention mentionStartingAt(List<Mention> mentions, int start) {
        for (Mention m : mentions) {
            if (m.start() == start) {
                return m;
            }
        }
        return null;
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
            String key = e.action() + "|" + e.actor().iri() + "|" + e.modality();
            Event prev = byKey.get(key);
            if (prev == null || e.filledSlots() > prev.filledSlots()) {
                byKey.put(key, e);
            }
        }
        for (Event e : byKey.values()) {
            boolean covered = out.stream().anyMatch(q -> q.action().equals(e.action()) && q.actor().equals(e.actor())
                    && q.modality() == e.modality());
            if (!covered) {
                out.add(e);
            }
        }
        return out;
    }

    /** Speech acts are events of their own each time: two criticisms are two statements, not one claim told twice. */
    private static final Set<String> SPEECH_ACTS = Set.of("CRITICIZE", "SUPPORT", "THREATEN", "DENY");

    /** A claim repeated in the article is one record, kept from its most informative sentence. */
    private static List<Event> merge(List<Event> events) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            int same = -1;
            if (SPEECH_ACTS.contains(e.action())) {
                out.add(e);
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                Event o = out.get(i);
                if (o.action().equals(e.action()) && o.actor().equals(e.actor()) && o.modality() == e.modality()
                        && Objects.equals(o.source(), e.source())
                        && (o.targets().containsAll(e.targets()) || e.targets().containsAll(o.targets()))
                        && (o.place() == null || e.place() == null || o.place().equals(e.place()))
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
        /** The actors of the last action told of three or more actors at once: whom "we" stands for in a joint text. */
        private List<Entity> lastGroup = List.of();

        List<Entity> lastGroup() {
            return lastGroup;
        }

        /** "Australia, Canada, France and the EU ...": the longest list of actors the sentence names one after another. */
        private static List<Entity> listedActors(Reading rd, PatternEventExtractor x) {
            Sentence s = rd.sentence();
            List<Entity> best = List.of();
            List<Entity> run = new ArrayList<>();
            Mention previous = null;
            List<Mention> inOrder = new ArrayList<>(rd.mentions());
            inOrder.sort(java.util.Comparator.comparingInt(Mention::start));
            for (Mention m : inOrder) {
                List<Acting> acting = m.how() == Mention.How.DEMONYM ? List.of() : x.acting(m.entity(), 1, ANY, true);
                boolean joined = previous != null && s.span(previous.end(), m.start()).matches("(?i)[\\s,]*(and)?\\s*(the)?[\\s,]*");
                if (!joined) {
                    run = new ArrayList<>();
                }
                if (acting.isEmpty()) {
                    previous = null;
                    continue;
                }
                for (Acting a : acting) {
                    if (!run.contains(a.actor())) {
                        run.add(a.actor());
                    }
                }
                if (run.size() > best.size()) {
                    best = List.copyOf(run);
                }
                previous = m;
            }
            if (best.size() >= 2) {
                // "..., the High Representative of the EU and the Secretary of State of the United States": the
                // officials coordinated with the listed names speak for their own states too.
                List<Entity> more = new ArrayList<>(best);
                for (Mention m : inOrder) {
                    if (x.acting(m.entity(), 1, ANY, true).stream().map(Acting::actor).anyMatch(best::contains)) {
                        for (Mention o : DependencyArguments.coordinatedOwners(s, rd.mentions(), m)) {
                            x.acting(o.entity(), 1, ANY, true).stream().map(Acting::actor).filter(a -> !more.contains(a)).forEach(more::add);
                        }
                        break;
                    }
                }
                best = List.copyOf(more);
            }
            return best;
        }
        private Entity lastSource;

        void after(Reading rd, List<Event> events, PatternEventExtractor x) {
            Map<Integer, List<Entity>> byAnchor = new java.util.TreeMap<>();
            for (Event e : events) {
                List<Entity> actors = byAnchor.computeIfAbsent(e.evidence().anchor(), k -> new ArrayList<>());
                if (!actors.contains(e.actor())) {
                    actors.add(e.actor());
                }
            }
            byAnchor.values().stream().filter(a -> a.size() >= 3).findFirst().ifPresent(a -> lastGroup = List.copyOf(a));
            List<Entity> listed = listedActors(rd, x);
            if (listed.size() >= 3) {
                lastGroup = listed;
            }
            List<Entity> now = new ArrayList<>();
            for (Mention m : rd.mentions()) {
                if (m.how() == Mention.How.DEMONYM) {
                    continue;
                }
                for (Acting a : x.acting(m.entity(), 1, ANY, true)) {
                    if (!now.contains(a.actor())) {
                        now.add(a.actor());
                    }
                }
            }
            // Most recent first; earlier sentences' actors stay behind them for "it" that skips a sentence.
            recentActors.removeAll(now);
            recentActors.addAll(0, now);
            while (recentActors.size() > 12) {
                recentActors.remove(recentActors.size() - 1);
            }
            Attribution a = rd.attribution();
            if (a != null && a.source() != null && !refersBack(a.source(), lastSource)) {
                lastSource = a.source();
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
                if (!x.acting(e, 1, t, true).isEmpty()) {
                    return List.of(e);
                }
            }
            return List.of();
        }
    }
}
