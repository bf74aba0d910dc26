package org.newsgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.newsgraph.extract.ActionLexicon;
import org.newsgraph.extract.AgreementMention;
import org.newsgraph.extract.Extraction;
import org.newsgraph.extract.DateExpressions;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.DependencyRules;
import org.newsgraph.extract.EventExtractor;
import org.newsgraph.extract.Furniture;
import org.newsgraph.extract.Gazetteer;
import org.newsgraph.extract.PatternEventExtractor;
import org.newsgraph.ingest.Article;
import org.newsgraph.ingest.ArticleFolder;
import org.newsgraph.ingest.Ingested;
import org.newsgraph.nlp.AnnotatedText;
import org.newsgraph.nlp.LanguageIdentifier;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.CoreNlpPipeline;
import org.newsgraph.nlp.OpenNlpLanguageIdentifier;
import org.newsgraph.nlp.OpenNlpModels;
import org.newsgraph.nlp.Paragraph;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.TextAnnotator;
import org.newsgraph.rdf.ArticleGraph;
import org.newsgraph.rdf.EventGraphWriter;
import org.newsgraph.rdf.Iris;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Ontology;
import org.newsgraph.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole path from articles to the graph: ingest, NLP, extraction, RDF, store.
 * <pre>{@code
 * Newsgraph ng = Newsgraph.create().ontology(Ontology.fromClasspath()).build();
 * try (KnowledgeStore store = KnowledgeStore.open(db)) {
 *     BuildSummary s = ng.build(articlesDir, store, BuildListener.NONE);
 * }
 * }</pre>
 */
public final class Newsgraph {

    private static final Logger LOG = LoggerFactory.getLogger(Newsgraph.class);

    /** Paragraphs at least this long are checked for language; shorter ones are too short to tell. */
    private static final int LANGUAGE_CHECK_CHARS = 80;

    private final Ontology ontology;
    private final Gazetteer gazetteer;
    private final ActionLexicon lexicon;
    private final DependencyRules rules;
    private final EventExtractor extractor;
    private final int threads;
    private final double minConfidence;
    private final OpenNlpModels models;
    private final TextAnnotator annotator;
    private final ThreadLocal<LanguageIdentifier> languages;

    private Newsgraph(Builder b) {
        this.ontology = b.ontology != null ? b.ontology : Ontology.fromClasspath();
        this.gazetteer = Gazetteer.fromModel(ontology.entities());
        this.lexicon = ActionLexicon.fromModel(ontology.ontology());
        this.rules = DependencyRules.bundled(lexicon);
        this.extractor = PatternEventExtractor.create().gazetteer(gazetteer).lexicon(lexicon).rules(rules).build();
        this.threads = Math.max(1, b.threads);
        this.minConfidence = b.minConfidence;
        this.models = OpenNlpModels.get();
        this.annotator = CoreNlpAnnotator.create(CoreNlpPipeline.get(), lexicon::mayHoldEvent);
        this.languages = ThreadLocal.withInitial(() -> OpenNlpLanguageIdentifier.create(models));
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder for {@link Newsgraph}. */
    public static final class Builder {
        private Ontology ontology;
        private int threads = Runtime.getRuntime().availableProcessors();
        private double minConfidence = 0;

        /** The ontology and entity data; the copy bundled in the jar when not set. */
        public Builder ontology(Ontology o) {
            this.ontology = o;
            return this;
        }

        /** Threads that extract in parallel; all cores by default. */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Events below this confidence are dropped. */
        public Builder minConfidence(double c) {
            this.minConfidence = c;
            return this;
        }

        public Newsgraph build() {
            return new Newsgraph(this);
        }
    }

    /** The software version written into every graph. */
    public static String version() {
        try (InputStream in = Newsgraph.class.getResourceAsStream("/newsgraph.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    public Ontology ontology() {
        return ontology;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public ActionLexicon lexicon() {
        return lexicon;
    }

    /** Reads one article into its events and graph. Thread-safe. */
    public ProcessedArticle process(Article article, EventGraphWriter writer) {
        // The hash of the article as read: the next build compares it before any enrichment.
        String contentHash = article.contentHash();
        Article a = withDate(article);
        String text = a.text();
        LanguageIdentifier lang = languages.get();
        String language = a.language();
        if (language == null) {
            String head = text.length() > 4000 ? text.substring(0, 4000) : text;
            // The detector costs as much as tagging the text; plain English prose in Latin letters needs no detector.
            language = plainlyEnglish(head) && mostlyAscii(head) ? "eng" : lang.identify(head).language();
            a = new Article(a.key(), a.doc(), a.title(), a.text(), a.url(), a.published(), a.publisher(), language);
        }
        List<Event> events = List.of();
        List<AgreementMention> agreements = List.of();
        if (isEnglish(language)) {
            AnnotatedText annotated = annotate(a, lang);
            Extraction x = extractor.extract(a, annotated);
            events = x.events();
            warnAtLimits(a, annotated, events);
            agreements = x.agreements();
            if (minConfidence > 0) {
                events = events.stream().filter(e -> e.confidence() >= minConfidence).toList();
            }
        }
        return new ProcessedArticle(a, events, agreements, writer.write(a, events, agreements, contentHash));
    }

    /** Limits keep hostile input from costing without bound; reaching one is worth a line naming the article. */
    private static void warnAtLimits(Article a, AnnotatedText annotated, List<Event> events) {
        long cut = annotated.sentences().stream()
                .filter(s -> s.tokens().size() >= CoreNlpAnnotator.MAX_SENTENCE_TOKENS).count();
        if (cut > 0) {
            LOG.warn("{}: {} sentence(s) reached the limit of {} tokens; words past it are not read", a.key(), cut,
                    CoreNlpAnnotator.MAX_SENTENCE_TOKENS);
        }
        if (events.size() >= PatternEventExtractor.MAX_EVENTS_PER_ARTICLE) {
            LOG.warn("{}: reached the limit of {} events per article; the rest of it is not read", a.key(),
                    PatternEventExtractor.MAX_EVENTS_PER_ARTICLE);
        }
    }

    /** One paragraph of plain text annotated as an article's would be (no date, nothing left out). */
    public AnnotatedText annotate(String paragraph) {
        return new AnnotatedText(paragraph, annotator.annotate(paragraph,
                List.of(new Paragraph(0, 0, paragraph.length(), paragraph)), null));
    }

    /** Sentences of the article's prose: page furniture, headings and non-English paragraphs left out. */
    public AnnotatedText annotate(Article a, LanguageIdentifier lang) {
        String text = a.text();
        List<Paragraph> paragraphs = new ArrayList<>();
        int paragraph = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!line.isBlank() && !Furniture.isFurniture(line) && !(Furniture.isTitle(line, a.title()) && line.split("\\s+").length < 25)
                    && (line.length() < LANGUAGE_CHECK_CHARS || plainlyEnglish(line) || isEnglish(lang.identify(line)))) {
                paragraphs.add(new Paragraph(paragraph, pos, end, line));
            }
            paragraph++;
            pos = end + 1;
        }
        return new AnnotatedText(text, annotator.annotate(text, paragraphs, a.publishedDate().orElse(null)));
    }

    private static final java.util.Set<String> ENGLISH_FUNCTION_WORDS = java.util.Set.of("the", "and", "of", "to", "in",
            "that", "was", "were", "with", "for", "said", "has", "have", "by", "on", "its", "from");

    /** English words that are not words of the other languages news copy quotes in Latin letters. */
    private static final java.util.Set<String> DISTINCTLY_ENGLISH = java.util.Set.of("the", "and", "of", "to", "that",
            "with", "for", "said", "says", "has", "have", "had", "by", "its", "from", "were", "which", "their", "they",
            "this", "will", "would", "been", "after", "about", "into", "than", "who", "there", "what", "when", "could",
            "should", "not", "more", "other", "some", "such", "these", "those", "our", "we", "she", "his", "them",
            "are", "at", "it", "but");

    /**
     * A cheap first look before the language detector: a paragraph with many distinct English function words is
     * English (the detector costs as much as tagging the paragraph). Either many of a few common ones, or, in a
     * paragraph in ASCII letters, at least three distinctly English words making up a quarter of its words.
     */
    static boolean plainlyEnglish(String line) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        int words = 0;
        int english = 0;
        for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            words++;
            if (ENGLISH_FUNCTION_WORDS.contains(w)) {
                seen.add(w);
            }
            if (DISTINCTLY_ENGLISH.contains(w)) {
                english++;
                distinct.add(w);
            }
        }
        return seen.size() >= 4 && seen.size() * 8 >= Math.min(words, 80)
                || distinct.size() >= 3 && english * 4 >= words && mostlyAscii(line);
    }

    /** Nine in ten letters are ASCII: a text in another script, with an English paragraph or two, is not. */
    static boolean mostlyAscii(String text) {
        int letters = 0;
        int ascii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                ascii += c < 0x80 ? 1 : 0;
            }
        }
        return ascii * 10 >= letters * 9;
    }

    private static boolean isEnglish(LanguageIdentifier.Guess g) {
        return g.language().equals("eng") || g.confidence() < 0.5;
    }

    private static boolean isEnglish(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.equals("eng") || l.equals("en") || l.startsWith("en-") || l.startsWith("en_");
    }

    /** Where metadata gives no date, the article's date is the latest full date its own text states. */
    static Article withDate(Article a) {
        if (a.publishedDate().isPresent()) {
            return a;
        }
        LocalDate d = DateExpressions.latestFullDate(a.text());
        return d == null ? a : a.withPublished(d.toString());
    }

    /** How a build treats articles whose graph is already in the store. */
    public enum Mode {
        /** Re-extract only articles whose text, metadata or extractor changed; remove those gone from the folder. */
        INCREMENTAL,
        /** Re-extract every article. */
        FULL
    }

    /** SHA-256 of the software version and the ontology: when it changes, every article is read again. */
    public String fingerprint() {
        return Iris.hash(version() + "\u0000" + ontology.fingerprint() + "\u0000" + rules.fingerprint() + "\u0000" + minConfidence);
    }

    /** Builds incrementally; see {@link #build(Path, KnowledgeStore, BuildListener, Mode)}. */
    public BuildSummary build(Path articles, KnowledgeStore store, BuildListener listener) {
        return build(articles, store, listener, Mode.INCREMENTAL);
    }

    /**
     * Builds the graph of every article under a folder into the store, in one write transaction: readers see the
     * previous graph until the build commits, and a build killed half-way leaves the previous graph intact.
     * Each article's graph replaces its previous one; an article that left the folder loses its graph; a file that
     * fails to read keeps the graphs it had. The cross-article knowledge and a build record are written last.
     */
    public BuildSummary build(Path articles, KnowledgeStore store, BuildListener listener, Mode mode) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        ArticleFolder folder = ArticleFolder.of(articles);
        ArticleFolder.Listing listing = folder.list();
        List<Path> files = listing.files();
        listener.started(files.size());
        String fingerprint = fingerprint();
        Map<String, String[]> previous = store.articleStates();
        Map<String, String> stamps = store.fileStamps(files.stream().map(folder::keyOf).toList());
        Map<String, List<String>> keysByFile = keysByFile(previous.keySet(), stamps.keySet());
        EventGraphWriter writer = EventGraphWriter.create().softwareVersion(version()).fingerprint(fingerprint).build();
        BuildRecord record = new BuildRecord(started);
        for (Ingested.Failed f : listing.errors()) {
            record.error(f, listener);
        }
        LOG.debug("build: listed {} files and read the store's states in {} ms", files.size(), millisSince(t0));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsgraph-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            store.write(w -> {
                w.replaceReference(ontology);
                // A bounded window of files in flight: memory stays flat however many files there are.
                Deque<Future<FileResult>> inFlight = new ArrayDeque<>();
                int window = threads * 4;
                java.util.function.Consumer<FileResult> applyHere = r -> {
                    apply(r, w::replaceArticle, previous, record, listener);
                    String stamp = r.failed().isEmpty() ? r.stamp() : null;
                    if (!java.util.Objects.equals(stamp, stamps.get(r.file()))) {
                        w.stampFile(r.file(), stamp);
                    }
                };
                for (Path file : files) {
                    inFlight.add(pool.submit(() -> processFile(folder, file, writer, previous, stamps, keysByFile, fingerprint, mode)));
                    if (inFlight.size() >= window) {
                        applyHere.accept(take(inFlight.poll()));
                    }
                }
                while (!inFlight.isEmpty()) {
                    applyHere.accept(take(inFlight.poll()));
                }
                for (String key : previous.keySet()) {
                    if (!record.seen.contains(key) && !record.keptByFailure(key)) {
                        w.removeGraph(previous.get(key)[2]);
                        record.removed++;
                    }
                }
                for (String path : stamps.keySet()) {
                    if (!record.files.contains(path)) {
                        w.stampFile(path, null);
                    }
                }
                LOG.debug("build: files read and written at {} ms", millisSince(t0));
                // Same transaction: readers never see articles without the knowledge that links them.
                if (mode == Mode.FULL) {
                    w.relinkAll();
                } else {
                    w.relink();
                }
                LOG.debug("build: linked at {} ms", millisSince(t0));
                record.events = w.events();
                record.triples = w.size();
                LOG.debug("build: counted at {} ms", millisSince(t0));
                w.replaceGraph(NG.BUILDS_GRAPH, record.graph(Instant.now(), version(), fingerprint), false);
            });
        } finally {
            pool.shutdownNow();
        }
        LOG.debug("build: committed at {} ms", millisSince(t0));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new BuildSummary(record.articles(), (int) record.events, record.triples, record.errors, seconds,
                record.added, record.changed, record.removed, record.unchanged);
    }

    /**
     * Builds into a remote Fuseki through the Graph Store Protocol: asks the server which article versions it holds,
     * reads only what changed, then replaces or deletes those article graphs, the reference graphs if the ontology
     * changed, the knowledge graph, and adds a build record. Each graph is replaced atomically on the server; a
     * push is not one transaction, so readers may see some articles of a push before others.
     */
    public BuildSummary push(Path articles, org.newsgraph.store.RemoteGraphStore remote, BuildListener listener, Mode mode) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        ArticleFolder folder = ArticleFolder.of(articles);
        ArticleFolder.Listing listing = folder.list();
        listener.started(listing.files().size());
        String fingerprint = fingerprint();
        Map<String, String[]> previous = remote.articleStates();
        EventGraphWriter writer = EventGraphWriter.create().softwareVersion(version()).fingerprint(fingerprint).build();
        BuildRecord record = new BuildRecord(started);
        for (Ingested.Failed f : listing.errors()) {
            record.error(f, listener);
        }
        if (!remote.hasOntology(ontology.fingerprint())) {
            remote.put(NG.ONTOLOGY_GRAPH, ontology.ontologyGraph());
            remote.put(NG.ENTITIES_GRAPH, ontology.entities().getGraph());
        }
        for (Path file : listing.files()) {
            apply(processFile(folder, file, writer, previous, Map.of(), Map.of(), fingerprint, mode), g -> remote.put(g.name(), g.graph()),
                    previous, record, listener);
        }
        for (Map.Entry<String, String[]> e : previous.entrySet()) {
            if (!record.seen.contains(e.getKey()) && !record.keptByFailure(e.getKey())) {
                remote.delete(e.getValue()[2]);
                record.removed++;
            }
        }
        remote.put(NG.KNOWLEDGE_GRAPH, org.newsgraph.store.CrossArticleLinker.create().link(remote::select));
        record.events = Long.parseLong(remote.select("SELECT (COUNT(*) AS ?n) WHERE { ?e a <" + NG.Event.getURI() + "> }")
                .get(0).getLiteral("n").getLexicalForm());
        record.triples = Long.parseLong(remote.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
                .get(0).getLiteral("n").getLexicalForm());
        remote.post(NG.BUILDS_GRAPH, record.graph(Instant.now(), version(), fingerprint));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new BuildSummary(record.articles(), (int) record.events, record.triples, record.errors, seconds,
                record.added, record.changed, record.removed, record.unchanged);
    }

    /** The article keys of each stamped file: its path, or path#id for the articles of a JSON Lines file. */
    private static Map<String, List<String>> keysByFile(java.util.Set<String> keys, java.util.Set<String> files) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (String key : keys) {
            String file = files.contains(key) ? key : null;
            for (int i = key.indexOf('#'); file == null && i >= 0; i = key.indexOf('#', i + 1)) {
                file = files.contains(key.substring(0, i)) ? key.substring(0, i) : null;
            }
            if (file != null) {
                out.computeIfAbsent(file, f -> new ArrayList<>()).add(key);
            }
        }
        return out;
    }

    /** What reading one file gave: processed articles, unchanged keys, and failures. */
    private record FileResult(String file, String stamp, List<ProcessedArticle> processed, List<String> unchanged,
                              List<Ingested.Failed> failed) {
    }

    private FileResult processFile(ArticleFolder folder, Path file, EventGraphWriter writer, Map<String, String[]> previous,
                                   Map<String, String> stamps, Map<String, List<String>> keysByFile, String fingerprint,
                                   Mode mode) {
        String key = folder.keyOf(file);
        String stamp = folder.stamp(file);
        if (mode == Mode.INCREMENTAL && stamp != null && stamp.equals(stamps.get(key))) {
            // Same size and time as last read: trust the stored articles rather than read and hash the file again.
            List<String> keys = keysByFile.getOrDefault(key, List.of());
            if (!keys.isEmpty() && keys.stream().allMatch(k -> fingerprint.equals(previous.get(k)[1]))) {
                return new FileResult(key, stamp, List.of(), keys, List.of());
            }
        }
        List<ProcessedArticle> processed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<Ingested.Failed> failed = new ArrayList<>();
        for (Ingested item : folder.read(file)) {
            if (item instanceof Ingested.Failed f) {
                failed.add(f);
            } else if (item instanceof Ingested.Read r) {
                String[] before = previous.get(r.article().key());
                if (mode == Mode.INCREMENTAL && before != null && before[0].equals(r.article().contentHash())
                        && fingerprint.equals(before[1])) {
                    unchanged.add(r.article().key());
                    continue;
                }
                try {
                    processed.add(process(r.article(), writer));
                } catch (RuntimeException e) {
                    LOG.debug("Extraction failed on {}", r.article().key(), e);
                    failed.add(new Ingested.Failed(r.article().key(), "extraction failed (" + e.getClass().getSimpleName() + ")"));
                }
            }
        }
        return new FileResult(key, stamp, processed, unchanged, failed);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static FileResult take(Future<FileResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Build failed", e.getCause());
        }
    }

    /** Puts a file's article graphs where the build writes (a local store or a remote one) and records the outcome. */
    private static void apply(FileResult r, java.util.function.Consumer<ArticleGraph> sink, Map<String, String[]> previous,
                              BuildRecord record, BuildListener listener) {
        record.files.add(r.file());
        for (ProcessedArticle p : r.processed()) {
            sink.accept(p.graph());
            record.seen.add(p.article().key());
            if (previous.containsKey(p.article().key())) {
                record.changed++;
            } else {
                record.added++;
            }
        }
        for (String key : r.unchanged()) {
            record.seen.add(key);
            record.unchanged++;
        }
        for (Ingested.Failed f : r.failed()) {
            record.error(f, listener);
            // A file that fails now keeps the graphs it had: "bad.txt" keeps bad.txt and bad.txt#id.
            record.failedFiles.add(r.file());
        }
        listener.fileDone(r.file(), r.processed().size() + r.unchanged().size());
    }

    /** What a build did, as it goes, and its PROV-O record. */
    private static final class BuildRecord {
        final Instant started;
        final java.util.Set<String> seen = new java.util.HashSet<>();
        final java.util.Set<String> failedFiles = new java.util.HashSet<>();
        final java.util.Set<String> files = new java.util.HashSet<>();
        final List<String> errors = new ArrayList<>();
        int added;
        int changed;
        int removed;
        int unchanged;
        long events;
        long triples;

        BuildRecord(Instant started) {
            this.started = started;
        }

        synchronized void error(Ingested.Failed f, BuildListener listener) {
            errors.add(f.message());
            listener.error(f.message());
        }

        int articles() {
            return added + changed + unchanged;
        }

        boolean keptByFailure(String key) {
            for (String file : failedFiles) {
                if (key.equals(file) || key.startsWith(file + "#")) {
                    return true;
                }
            }
            return false;
        }

        String iri() {
            return NG.BASE + "build/" + started.toString().replaceAll("[^0-9A-Za-z]", "");
        }

        org.apache.jena.graph.Graph graph(Instant ended, String version, String fingerprint) {
            org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            org.apache.jena.graph.Node b = org.apache.jena.graph.NodeFactory.createURI(iri());
            String prov = "http://www.w3.org/ns/prov#";
            java.util.function.BiConsumer<String, org.apache.jena.graph.Node> add = (p, o) ->
                    g.add(b, org.apache.jena.graph.NodeFactory.createURI(p), o);
            add.accept(org.apache.jena.vocabulary.RDF.type.getURI(), NG.Build.asNode());
            add.accept(prov + "startedAtTime", dateTime(started));
            add.accept(prov + "endedAtTime", dateTime(ended));
            add.accept(NG.softwareVersion.getURI(), org.apache.jena.graph.NodeFactory.createLiteralString(version));
            add.accept(NG.extractorFingerprint.getURI(), org.apache.jena.graph.NodeFactory.createLiteralString(fingerprint));
            add.accept(NG.articlesAdded.getURI(), integer(added));
            add.accept(NG.articlesChanged.getURI(), integer(changed));
            add.accept(NG.articlesRemoved.getURI(), integer(removed));
            add.accept(NG.articlesUnchanged.getURI(), integer(unchanged));
            add.accept(NG.eventCount.getURI(), integer(events));
            add.accept(NG.tripleCount.getURI(), integer(triples));
            for (String e : errors) {
                add.accept(NG.errorMessage.getURI(), org.apache.jena.graph.NodeFactory.createLiteralString(e));
            }
            return g;
        }

        private static org.apache.jena.graph.Node dateTime(Instant t) {
            return org.apache.jena.graph.NodeFactory.createLiteralDT(t.toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime);
        }

        private static org.apache.jena.graph.Node integer(long n) {
            return org.apache.jena.graph.NodeFactory.createLiteralDT(String.valueOf(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        }
    }
}
