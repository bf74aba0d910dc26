package org.newsgraph.rdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.extract.AgreementMention;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.EntityKind;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.Quantity;
import org.newsgraph.ingest.Article;

/**
 * Writes an article and its events as one RDF graph, with deterministic IRIs.
 * <pre>{@code
 * ArticleGraph g = EventGraphWriter.create().softwareVersion("0.1.0").fingerprint(fp).build().write(article, events);
 * }</pre>
 */
public final class EventGraphWriter {

    private static final String SCHEMA = "http://schema.org/";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^https?://[^\\s<>\"{}|\\\\^`]+$");

    private final String softwareVersion;
    private final String fingerprint;

    private EventGraphWriter(Builder b) {
        this.softwareVersion = b.softwareVersion;
        this.fingerprint = b.fingerprint;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder for {@link EventGraphWriter}. */
    public static final class Builder {
        private String softwareVersion = "unknown";
        private String fingerprint = "unknown";

        public Builder softwareVersion(String v) {
            this.softwareVersion = v;
            return this;
        }

        /** The extractor's fingerprint: software version and ontology; a change re-extracts every article. */
        public Builder fingerprint(String f) {
            this.fingerprint = f;
            return this;
        }

        public EventGraphWriter build() {
            return new EventGraphWriter(this);
        }
    }

    public ArticleGraph write(Article article, List<Event> events) {
        return write(article, events, List.of());
    }

    public ArticleGraph write(Article article, List<Event> events, List<AgreementMention> agreements) {
        return write(article, events, agreements, article.contentHash());
    }

    /** @param contentHash the hash of the article as it was read, which the next build compares */
    public ArticleGraph write(Article article, List<Event> events, List<AgreementMention> agreements, String contentHash) {
        Graph g = GraphFactory.createDefaultGraph();
        String key = article.key();
        Node art = iri(Iris.article(key));
        add(g, art, RDF.type.asNode(), iri(NG.Article.getURI()));
        add(g, art, RDF.type.asNode(), iri(SCHEMA + "NewsArticle"));
        add(g, art, NG.fileName.asNode(), lit(article.doc()));
        add(g, art, iri(SCHEMA + "identifier"), lit(key));
        if (!article.title().isBlank()) {
            add(g, art, iri(SCHEMA + "headline"), lit(article.title()));
        }
        if (article.url() != null && ABSOLUTE_IRI.matcher(article.url()).matches()) {
            add(g, art, iri(SCHEMA + "url"), iri(article.url()));
        }
        article.publishedDate().ifPresent(d -> add(g, art, iri(SCHEMA + "datePublished"),
                NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate)));
        if (article.publisher() != null && !article.publisher().isBlank()) {
            add(g, art, iri(SCHEMA + "publisher"), lit(article.publisher()));
        }
        if (article.language() != null) {
            add(g, art, NG.language.asNode(), lit(article.language()));
        }
        String hash = contentHash;
        add(g, art, NG.contentHash.asNode(), lit(hash));

        // One extraction activity per article: which software read its events. When it ran is in the build record
        // (graph/builds), so that the same input gives the same article graph, triple for triple.
        Node activity = iri(Iris.extraction(key, hash + fingerprint));
        add(g, activity, RDF.type.asNode(), iri(PROV + "Activity"));
        add(g, activity, iri(PROV + "used"), art);
        add(g, activity, NG.softwareVersion.asNode(), lit(softwareVersion));
        add(g, activity, NG.extractorFingerprint.asNode(), lit(fingerprint));

        Set<String> minted = new HashSet<>();
        Set<String> usedIris = new HashSet<>();
        java.util.Map<Event, String> eventIris = new java.util.IdentityHashMap<>();
        for (Event e : events) {
            String eventIri = uniqueEventIri(key, e, usedIris);
            eventIris.put(e, eventIri);
            Node ev = iri(eventIri);
            add(g, ev, RDF.type.asNode(), NG.Event.asNode());
            add(g, ev, NG.article.asNode(), art);
            add(g, ev, iri(PROV + "wasGeneratedBy"), activity);
            add(g, ev, NG.action.asNode(), iri(NG.ACTION + e.action()));
            add(g, ev, NG.actor.asNode(), entity(g, e.actor(), minted, key));
            if (e.agent() != null) {
                add(g, ev, NG.agent.asNode(), entity(g, e.agent(), minted, key));
            }
            for (Entity t : e.targets()) {
                add(g, ev, NG.target.asNode(), entity(g, t, minted, key));
            }
            int qi = 0;
            for (Quantity q : e.quantities()) {
                Node qn = iri(ev.getURI() + "-q" + qi++);
                add(g, ev, NG.quantity.asNode(), qn);
                add(g, qn, RDF.type.asNode(), NG.Quantity.asNode());
                add(g, qn, NG.value.asNode(), decimal(q.value()));
                if (q.max() != null) {
                    add(g, qn, NG.maxValue.asNode(), decimal(q.max()));
                }
                add(g, qn, NG.unit.asNode(), lit(q.unit()));
            }
            if (e.place() != null) {
                add(g, ev, NG.place.asNode(), entity(g, e.place(), minted, key));
            }
            if (e.date() != null) {
                add(g, ev, NG.date.asNode(), date(e.date()));
            }
            if (e.source() != null) {
                add(g, ev, NG.source.asNode(), entity(g, e.source(), minted, key));
            }
            add(g, ev, NG.modality.asNode(), iri(NG.NS + e.modality().label()));
            add(g, ev, NG.confidence.asNode(), decimal(BigDecimal.valueOf(e.confidence())));
            add(g, ev, NG.rule.asNode(), org.apache.jena.graph.NodeFactory.createLiteralString(e.rule()));
            Event.Evidence ed = e.evidence();
            add(g, ev, NG.evidence.asNode(), sentence(g, key, art, ed, minted));
            add(g, ev, NG.anchor.asNode(), NodeFactory.createLiteralDT(String.valueOf(ed.anchor()), XSDDatatype.XSDnonNegativeInteger));
        }
        for (AgreementMention am : agreements) {
            Event.Evidence ed = am.evidence();
            Node mention = iri(Iris.article(key) + "#agreement=" + ed.anchor());
            add(g, mention, RDF.type.asNode(), NG.AgreementMention.asNode());
            add(g, mention, NG.mentionText.asNode(), lit(am.text()));
            add(g, mention, NG.article.asNode(), art);
            add(g, mention, NG.evidence.asNode(), sentence(g, key, art, ed, minted));
            add(g, mention, NG.anchor.asNode(), NodeFactory.createLiteralDT(String.valueOf(ed.anchor()), XSDDatatype.XSDnonNegativeInteger));
            for (Entity p : am.parties()) {
                add(g, mention, NG.party.asNode(), entity(g, p, minted, key));
            }
            if (am.date() != null) {
                add(g, mention, NG.signedOn.asNode(), date(am.date()));
            }
            if (am.place() != null) {
                add(g, mention, NG.signedAt.asNode(), entity(g, am.place(), minted, key));
            }
            // The signing events of the sentence mention this agreement.
            for (Event e : events) {
                if (e.action().equals("SIGN_AGREEMENT") && e.evidence().start() == ed.start()) {
                    add(g, iri(eventIris.get(e)), NG.mentions.asNode(), mention);
                }
            }
        }
        return new ArticleGraph(Iris.articleGraph(key), g, events.size());
    }

    private static String uniqueEventIri(String key, Event e, Set<String> used) {
        List<String> parts = new ArrayList<>(List.of(String.valueOf(e.evidence().start()), e.action(), e.actor().iri(),
                e.modality().label()));
        e.quantities().forEach(q -> parts.add(q.value().toPlainString() + q.unit()));
        String iri = Iris.event(key, parts.toArray(String[]::new));
        for (int n = 2; !used.add(iri); n++) {
            parts.add(String.valueOf(n));
            iri = Iris.event(key, parts.toArray(String[]::new));
        }
        return iri;
    }

    /** The evidence sentence's node, described in the graph the first time an event or mention points to it. */
    private static Node sentence(Graph g, String key, Node art, Event.Evidence ed, Set<String> minted) {
        Node sentence = iri(Iris.sentence(key, ed.start(), ed.end()));
        if (minted.add(sentence.getURI())) {
            add(g, sentence, RDF.type.asNode(), NG.EvidenceSentence.asNode());
            add(g, sentence, iri(NIF + "beginIndex"), NodeFactory.createLiteralDT(String.valueOf(ed.start()), XSDDatatype.XSDnonNegativeInteger));
            add(g, sentence, iri(NIF + "endIndex"), NodeFactory.createLiteralDT(String.valueOf(ed.end()), XSDDatatype.XSDnonNegativeInteger));
            add(g, sentence, iri(NIF + "anchorOf"), lit(ed.text()));
            add(g, sentence, iri(NIF + "referenceContext"), art);
        }
        return sentence;
    }

    /**
     * Gazetteer entities live in the entities graph; entities the text introduces are written here. An unresolved
     * mention ("officials", "the ministry") names someone only within its article, so its node is the article's own:
     * shared across articles, one node would carry the same label in thousands of graphs, and every lookup of it
     * over the union graph would read them all.
     */
    private static Node entity(Graph g, Entity e, Set<String> minted, String key) {
        Node n = iri(e.kind() == EntityKind.UNRESOLVED ? Iris.mention(key, e.iri()) : e.iri());
        if ((e.kind() == EntityKind.UNRESOLVED || e.kind() == EntityKind.RESOLUTION) && minted.add(n.getURI())) {
            add(g, n, RDF.type.asNode(), (e.kind() == EntityKind.RESOLUTION ? NG.Resolution : NG.UnresolvedActor).asNode());
            add(g, n, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(e.label(), "en"));
            if (e.kind() == EntityKind.RESOLUTION) {
                String number = e.label().replaceAll("\\D+", "");
                if (!number.isEmpty()) {
                    add(g, n, NG.resolutionNumber.asNode(), NodeFactory.createLiteralDT(number, XSDDatatype.XSDinteger));
                }
            }
        }
        return n;
    }

    /** xsd:date, xsd:gYearMonth, xsd:gYear or xsd:gMonthDay by the precision the text gave; intervals as strings. */
    static Node date(String iso) {
        XSDDatatype type;
        if (iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            type = XSDDatatype.XSDdate;
        } else if (iso.matches("\\d{4}-\\d{2}")) {
            type = XSDDatatype.XSDgYearMonth;
        } else if (iso.matches("\\d{4}")) {
            type = XSDDatatype.XSDgYear;
        } else if (iso.matches("--\\d{2}-\\d{2}")) {
            type = XSDDatatype.XSDgMonthDay;
        } else {
            return lit(iso);
        }
        return NodeFactory.createLiteralDT(iso, type);
    }

    private static Node decimal(BigDecimal v) {
        return NodeFactory.createLiteralDT(v.stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
    }

    private static Node iri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
