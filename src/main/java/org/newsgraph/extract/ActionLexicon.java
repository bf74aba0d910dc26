package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.rdf.NG;

/** The action scheme and trigger lexicon of ontology/actions.ttl. Immutable and thread-safe. */
public final class ActionLexicon {

    /** A counted noun: its class ("personnel") and the unit label its quantities get ("soldier"). */
    public record CountedNoun(String nounClass, String unit) {
    }

    private final Map<String, List<Trigger>> byFirstLemma = new HashMap<>();
    private final Map<String, List<CountedNoun>> nouns = new HashMap<>();
    private final Map<String, String> actionIris = new HashMap<>();
    private final Map<String, Boolean> reportingVerbs = new HashMap<>();
    private final Set<String> supportVerbs = new java.util.HashSet<>();

    private ActionLexicon() {
    }

    public static ActionLexicon fromModel(Model m) {
        ActionLexicon lex = new ActionLexicon();
        m.listSubjectsWithProperty(RDF.type, NG.ActionType).forEachRemaining(a -> {
            Statement code = a.getProperty(SKOS.notation);
            if (code != null) {
                lex.actionIris.put(code.getString(), a.getURI());
            }
        });
        m.listSubjectsWithProperty(RDF.type, NG.CountedNoun).forEachRemaining(n -> {
            String cls = localName(n.getPropertyResourceValue(NG.nounClass));
            String lemma = n.getProperty(NG.lemma).getString().toLowerCase(Locale.ROOT);
            Statement unit = n.getProperty(NG.unitLabel);
            lex.nouns.computeIfAbsent(lemma, k -> new ArrayList<>())
                    .add(new CountedNoun(cls, unit == null ? lemma : unit.getString()));
        });
        m.listSubjectsWithProperty(RDF.type, NG.ReportingVerb).forEachRemaining(v -> {
            Statement needsThat = v.getProperty(NG.needsThat);
            lex.reportingVerbs.put(v.getProperty(NG.lemma).getString().toLowerCase(Locale.ROOT),
                    needsThat != null && needsThat.getBoolean());
        });
        m.listSubjectsWithProperty(RDF.type, NG.SupportVerb).forEachRemaining(v ->
                lex.supportVerbs.add(v.getProperty(NG.lemma).getString().toLowerCase(Locale.ROOT)));
        m.listSubjectsWithProperty(RDF.type, NG.Trigger).forEachRemaining(t -> {
            Resource action = t.getPropertyResourceValue(NG.signals);
            Statement code = action == null ? null : action.getProperty(SKOS.notation);
            if (code == null) {
                return;
            }
            List<String> lemmas = List.of(t.getProperty(NG.lemma).getString().toLowerCase(Locale.ROOT).split("\\s+"));
            Statement pos = t.getProperty(NG.partOfSpeech);
            Statement kind = t.getProperty(NG.actorKind);
            Statement prep = t.getProperty(NG.actorPreposition);
            Statement role = t.getProperty(NG.subjectRole);
            Statement ofAgent = t.getProperty(NG.ofAgent);
            Statement required = t.getProperty(NG.requiresPreposition);
            Trigger trig = new Trigger(code.getString(), lemmas, pos != null && pos.getString().equals("noun"),
                    localName(t.getPropertyResourceValue(NG.objectClass)), kind == null ? null : kind.getString(),
                    prep == null ? null : prep.getString(), role != null && role.getString().equals("target"),
                    ofAgent != null && ofAgent.getBoolean(), required == null ? null : required.getString(),
                    t.hasLiteral(NG.parseOnly, true));
            lex.byFirstLemma.computeIfAbsent(lemmas.get(0), k -> new ArrayList<>()).add(trig);
        });
        return lex;
    }

    /** Triggers whose first lemma is this one. */
    /** The support verbs ("held talks", "expressed concern"), by lemma. */
    public Set<String> supportVerbs() {
        return Set.copyOf(supportVerbs);
    }

    /** Every trigger of the lexicon. */
    public List<Trigger> triggers() {
        return byFirstLemma.values().stream().flatMap(List::stream).distinct().toList();
    }

    public List<Trigger> startingWith(String lemma) {
        return byFirstLemma.getOrDefault(lemma, List.of());
    }

    /**
     * The cheap first pass: a sentence can hold an event only where one of its words may start a trigger with the
     * part of speech the trigger has (a verb trigger also as an adjective or a plural noun, which taggers confuse
     * with participles and -s forms). The others are not parsed.
     */
    public boolean mayHoldEvent(List<org.newsgraph.nlp.Token> tokens) {
        for (org.newsgraph.nlp.Token t : tokens) {
            boolean verbLike = t.pos().startsWith("VB") || t.pos().startsWith("JJ") || t.pos().equals("NNS");
            for (String l : t.lemmaCandidates()) {
                for (Trigger trigger : byFirstLemma.getOrDefault(l, List.of())) {
                    if (trigger.noun() ? t.isNoun() : verbLike) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the lemma is a reporting verb ("say"); with {@code thatFollows} false, only those that report without "that". */
    public boolean isReportingVerb(String lemma, boolean thatFollows) {
        Boolean needsThat = reportingVerbs.get(lemma);
        return needsThat != null && (thatFollows || !needsThat);
    }

    /** True when a noun trigger that is this verb's object takes the verb's subject as actor. */
    public boolean isSupportVerb(String lemma) {
        return supportVerbs.contains(lemma);
    }

    /** What a noun lemma counts as, empty when it is not a counted noun. */
    public List<CountedNoun> noun(String lemma) {
        return nouns.getOrDefault(lemma, List.of());
    }

    /** What a token counts as, trying each of its lemma candidates. */
    public List<CountedNoun> noun(org.newsgraph.nlp.Token token) {
        for (String l : token.lemmaCandidates()) {
            List<CountedNoun> found = nouns.get(l);
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }

    public boolean isInClass(org.newsgraph.nlp.Token token, String nounClass) {
        for (CountedNoun n : noun(token)) {
            if (n.nounClass().equals(nounClass)) {
                return true;
            }
        }
        return false;
    }

    public boolean isInClass(String lemma, String nounClass) {
        for (CountedNoun n : noun(lemma)) {
            if (n.nounClass().equals(nounClass)) {
                return true;
            }
        }
        return false;
    }

    /** The IRI of an action code's concept. */
    public String actionIri(String code) {
        return actionIris.get(code);
    }

    /** The action codes of the scheme, sorted. */
    public Set<String> actionCodes() {
        return new TreeSet<>(actionIris.keySet());
    }

    private static String localName(Resource r) {
        if (r == null) {
            return null;
        }
        String uri = r.getURI();
        return uri.substring(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#')) + 1);
    }
}
