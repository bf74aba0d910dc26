package org.newsgraph.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;
import org.newsgraph.rdf.NG;

/**
 * Finds the entities of ontology/entities in sentences: names and aliases, demonyms, and short names
 * of people the article has already named in full. Immutable and thread-safe.
 */
public final class Gazetteer {

    /** Longest name, in tokens, that is looked up. */
    private static final int MAX_NAME_TOKENS = 9;

    // Single words that are names but also ordinary English: matched only when capitalised.
    private static final Set<String> COMMON_WORDS = Set.of("turkey", "chad", "china", "jordan", "georgia", "guinea",
            "niger", "cuba", "nice", "male", "victoria", "kingston", "lima", "sofia", "march", "may", "bar", "mercy",
            "president", "government", "army", "forces", "council", "kim", "lee", "park", "moon", "song");

    private record Name(Entity entity, String exactLetters, int words) {
    }

    private final Map<String, Entity> byIri;
    /** Sanctions regimes and resolution series by the state they concern. */
    private final Map<String, Entity> regimes = new HashMap<>();
    private final Map<String, Entity> resolutionSeries = new HashMap<>();
    private final Map<String, List<Name>> names = new HashMap<>();
    private final Map<String, List<Name>> demonyms = new HashMap<>();
    private final Map<String, List<Name>> shortNames = new HashMap<>();
    /** Every prefix of every name's first word: a token that starts none cannot start a name. */
    private final Set<String> firstWordPrefixes = new java.util.HashSet<>();

    private Gazetteer(Map<String, Entity> byIri) {
        this.byIri = Map.copyOf(byIri);
    }

    /** Reads every entity with a skos:prefLabel from the model. */
    public static Gazetteer fromModel(Model model) {
        Map<String, Entity> entities = new HashMap<>();
        Map<Resource, EntityKind> kinds = new HashMap<>();
        model.listSubjectsWithProperty(SKOS.prefLabel).forEachRemaining(r -> {
            EntityKind k = kindOf(r);
            if (k != null && r.isURIResource()) {
                kinds.put(r, k);
            }
        });
        kinds.forEach((r, k) -> {
            List<String> members = new ArrayList<>();
            r.listProperties(NG.member).forEachRemaining(s -> members.add(s.getResource().getURI()));
            r.listProperties(NG.party).forEachRemaining(s -> members.add(s.getResource().getURI()));
            entities.put(r.getURI(), new Entity(r.getURI(), label(r), k, iri(r, NG.actsFor), iri(r, NG.seatOfGovernmentOf),
                    iri(r, NG.country), members, iri(r, NG.controlledBy), iri(r, NG.concerns), iri(r, NG.earlierSeatOf),
                    r.hasProperty(NG.dissolvedIn) ? Integer.valueOf(r.getProperty(NG.dissolvedIn).getLiteral().getLexicalForm().substring(0, 4)) : null));
        });
        Gazetteer g = new Gazetteer(entities);
        for (Entity e : entities.values()) {
            // Regimes and series, not the numbered resolutions that belong to them.
            if (e.kind() == EntityKind.RESOLUTION && e.concerns() != null && !e.label().matches(".*\\d+$")) {
                (e.label().toLowerCase(Locale.ROOT).contains("resolutions") ? g.resolutionSeries : g.regimes).put(e.concerns(), e);
            }
        }
        kinds.keySet().forEach(r -> {
            Entity e = entities.get(r.getURI());
            g.addName(g.names, e, label(r));
            r.listProperties(SKOS.altLabel).forEachRemaining(s -> g.addName(g.names, e, text(s)));
            r.listProperties(NG.demonym).forEachRemaining(s -> {
                g.addName(g.demonyms, e, text(s));
                // "North Koreans" are North Korea's people as "North Korean troops" are its troops.
                String d = text(s);
                if (!d.isEmpty() && !d.endsWith("s") && !d.endsWith("ese") && !d.endsWith("sh") && !d.endsWith("ch")) {
                    g.addName(g.demonyms, e, d + "s");
                }
            });
            r.listProperties(NG.shortName).forEachRemaining(s -> g.addName(g.shortNames, e, text(s)));
        });
        for (Map<String, List<Name>> index : List.of(g.names, g.demonyms, g.shortNames)) {
            for (String k : index.keySet()) {
                String first = k.split(" ", 2)[0];
                for (int n = 1; n <= first.length(); n++) {
                    g.firstWordPrefixes.add(first.substring(0, n));
                }
            }
        }
        return g;
    }

    public int size() {
        return byIri.size();
    }

    public Entity get(String iri) {
        return byIri.get(iri);
    }

    /** The UN sanctions regime concerning a state ("UN sanctions on North Korea"), or null. */
    public Entity regimeOf(String stateIri) {
        return regimes.get(stateIri);
    }

    /** The Security Council resolution series concerning a state, or null. */
    public Entity resolutionsOn(String stateIri) {
        return resolutionSeries.get(stateIri);
    }

    public Collection<Entity> entities() {
        return byIri.values();
    }

    /** The entity a text names as a whole ("the DPRK" is North Korea), when exactly one does. */
    public Entity lookup(String text) {
        List<Name> found = names.get(key(text));
        return found == null || found.isEmpty() ? null : found.get(0).entity();
    }

    /**
     * The mentions in a sentence, longest first and never overlapping, in text order.
     *
     * @param namedPeople people the article has named in full before this sentence (their short names count)
     */
    public List<Mention> mentions(Sentence s, Set<String> namedPeople) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            Mention m = longestAt(s, i, namedPeople);
            if (m != null) {
                out.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        distribute(s, out);
        return out;
    }

    /**
     * "the people's republics of Donetsk and Luhansk": a plural head shared by two names is read once per name
     * ("people's republic of Donetsk", "people's republic of Luhansk") when the gazetteer knows both.
     */
    private void distribute(Sentence s, List<Mention> out) {
        for (int k = 0; k + 1 < out.size(); k++) {
            Mention a = out.get(k);
            Mention b = out.get(k + 1);
            if (a.start() < 2 || !s.token(a.start() - 1).lower().equals("of") || b.start() != a.end() + 1
                    || !s.token(a.end()).lower().equals("and")) {
                continue;
            }
            int of = a.start() - 1;
            Token head = s.token(of - 1);
            if (!head.pos().equals("NNS")) {
                continue;
            }
            String singular = head.lemma();
            for (int from = Math.max(0, of - 4); from < of; from++) {
                String prefix = (from < of - 1 ? s.span(from, of - 1) + " " : "") + singular + " of ";
                List<Name> na = names.get(key(prefix + s.span(a.start(), a.end())));
                List<Name> nb = names.get(key(prefix + s.span(b.start(), b.end())));
                if (na != null && nb != null) {
                    final int start = from;
                    Mention first = new Mention(na.get(0).entity(), start, a.end(), Mention.How.NAME);
                    out.set(k, first);
                    out.set(k + 1, new Mention(nb.get(0).entity(), b.start(), b.end(), Mention.How.NAME));
                    out.removeIf(m -> m.start() >= start && m.end() <= of && m != first);
                    break;
                }
            }
        }
    }

    private Mention longestAt(Sentence s, int i, Set<String> namedPeople) {
        if (!s.token(i).text().chars().anyMatch(Character::isLetterOrDigit) || cannotStartName(s.token(i).text())) {
            return null;
        }
        for (int len = Math.min(MAX_NAME_TOKENS, s.size() - i); len >= 1; len--) {
            String surface = s.span(i, i + len);
            // A name never ends on punctuation or a possessive: "Korea's" is "Korea" plus "'s".
            String last = s.token(i + len - 1).text();
            if (!Character.isLetterOrDigit(last.charAt(last.length() - 1)) && !(last.endsWith(".") && last.length() > 1)) {
                continue;
            }
            String k = key(surface);
            if (k.isEmpty()) {
                continue;
            }
            Name n = pick(names.get(k), surface);
            if (n != null) {
                return new Mention(n.entity(), i, i + len, Mention.How.NAME);
            }
            n = pick(demonyms.get(k), surface);
            if (n != null) {
                return new Mention(n.entity(), i, i + len, Mention.How.DEMONYM);
            }
            List<Name> shorts = shortNames.get(k);
            if (shorts != null && Character.isUpperCase(surface.charAt(0))) {
                for (Name sn : shorts) {
                    if (namedPeople.contains(sn.entity().iri())) {
                        return new Mention(sn.entity(), i, i + len, Mention.How.SHORT_NAME);
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when no name's key can begin with this token: the first word of a span's key always begins with the
     * first word of its first token's key (except after "the", which keys drop, and for scripts whose lower case
     * depends on context), so most tokens are ruled out with one lookup instead of one per span length.
     */
    private boolean cannotStartName(String token) {
        String k = key(token);
        int space = k.indexOf(' ');
        String first = space < 0 ? k : k.substring(0, space);
        return !first.isEmpty() && !first.equals("the") && isAscii(first) && !firstWordPrefixes.contains(first);
    }

    private static Name pick(List<Name> candidates, String surface) {
        if (candidates == null) {
            return null;
        }
        for (Name n : candidates) {
            if (n.exactLetters() != null) {
                if (n.exactLetters().equals(letters(surface))) {
                    return n;
                }
            } else if (n.words() == 1 && surface.equals(surface.toLowerCase(Locale.ROOT))
                    && COMMON_WORDS.contains(surface.toLowerCase(Locale.ROOT))) {
                continue;
            } else if (n.words() > 1 || !surface.equals(surface.toLowerCase(Locale.ROOT))
                    || n.entity().kind() == EntityKind.STATE || n.entity().seatOf() != null) {
                // Lower-case single words match only names of states and capitals ("kyiv" in careless copy).
                return n;
            }
        }
        return null;
    }

    private void addName(Map<String, List<Name>> index, Entity e, String name) {
        String stripped = name.strip();
        if (stripped.toLowerCase(Locale.ROOT).startsWith("the ")) {
            stripped = stripped.substring(4);
        }
        String k = key(stripped);
        if (k.isEmpty()) {
            return;
        }
        String lettersOnly = letters(stripped);
        // Acronyms (US, UN, DPRK, U.S.) must match case: "us" and "un" are words.
        boolean acronym = lettersOnly.length() <= 6 && lettersOnly.equals(lettersOnly.toUpperCase(Locale.ROOT))
                && lettersOnly.chars().anyMatch(Character::isLetter);
        List<Name> list = index.computeIfAbsent(k, x -> new ArrayList<>());
        for (Name n : list) {
            if (n.entity().equals(e)) {
                return;
            }
        }
        list.add(new Name(e, acronym ? lettersOnly : null, k.split(" ").length));
        // States and bodies first, so that an alias shared by a state and a person names the state.
        list.sort(java.util.Comparator.comparingInt(n -> n.entity().kind().ordinal()));
    }

    /**
     * Lower case, accents and punctuation dropped, one space between words: "U.S." and "US" agree. Written as one
     * pass over the characters, as it runs for every span of every sentence.
     */
    static String key(String text) {
        String t = text;
        if (!isAscii(t)) {
            t = Normalizer.normalize(t, Normalizer.Form.NFD);
            StringBuilder unmarked = new StringBuilder(t.length());
            t.codePoints().filter(cp -> !isMark(cp)).forEach(unmarked::appendCodePoint);
            t = unmarked.toString();
        }
        t = t.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(t.length());
        boolean gap = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '.') {
                continue;
            }
            if (isLetterOrNumber(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        if (sb.length() > 4 && sb.charAt(0) == 't' && sb.charAt(1) == 'h' && sb.charAt(2) == 'e' && sb.charAt(3) == ' ') {
            return sb.substring(4);
        }
        return sb.toString();
    }

    private static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(Gazetteer::isLetterOrNumber).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Unicode's \p{M}. */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Unicode's \p{L} or \p{N}. */
    private static boolean isLetterOrNumber(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static EntityKind kindOf(Resource r) {
        EntityKind best = null;
        for (Statement st : r.listProperties(RDF.type).toList()) {
            RDFNode t = st.getObject();
            EntityKind k = null;
            if (t.equals(NG.State) || t.equals(NG.SelfProclaimedState)) {
                k = EntityKind.STATE;
            } else if (t.equals(NG.InternationalOrganization)) {
                k = EntityKind.ORGANIZATION;
            } else if (t.equals(NG.OrganizationBody)) {
                k = EntityKind.BODY;
            } else if (t.equals(NG.StateGroup)) {
                k = EntityKind.STATE_GROUP;
            } else if (t.equals(NG.GovernmentAgency)) {
                k = EntityKind.AGENCY;
            } else if (t.equals(NG.ArmedForce)) {
                k = EntityKind.ARMED_FORCE;
            } else if (t.equals(NG.NewsOutlet)) {
                k = EntityKind.OUTLET;
            } else if (t.equals(NG.ThinkTank)) {
                k = EntityKind.THINK_TANK;
            } else if (t.equals(NG.Person)) {
                k = EntityKind.PERSON;
            } else if (t.equals(NG.Place) || t.equals(NG.City) || t.equals(NG.Region)) {
                k = EntityKind.PLACE;
            } else if (t.equals(NG.Resolution)) {
                k = EntityKind.RESOLUTION;
            } else if (t.equals(NG.Agreement)) {
                k = EntityKind.AGREEMENT;
            }
            if (k != null && (best == null || k.ordinal() < best.ordinal())) {
                best = k;
            }
        }
        return best;
    }

    private static String label(Resource r) {
        Statement s = r.getProperty(SKOS.prefLabel);
        return s == null ? r.getLocalName() : s.getString();
    }

    private static String text(Statement s) {
        return s.getObject().isLiteral() ? s.getString() : "";
    }

    private static String iri(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s != null && s.getObject().isURIResource() ? s.getResource().getURI() : null;
    }
}
