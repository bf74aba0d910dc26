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
import org.newsgraph.extract.EventExtractor;
import org.newsgraph.extract.Furniture;
import org.newsgraph.extract.Gazetteer;
import org.newsgraph.extract.PatternEventExtractor;
import org.newsgraph.ingest.Article;
import org.newsgraph.ingest.ArticleFolder;
import org.newsgraph.ingest.Ingested;
import org.newsgraph.nlp.AnnotatedText;
import org.newsgraph.nlp.LanguageIdentifier;
import org.newsgraph.nlp.OpenNlpAnnotator;
import org.newsgraph.nlp.OpenNlpLanguageIdentifier;
import org.newsgraph.nlp.OpenNlpModels;
import org.newsgraph.nlp.Paragraph;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.TextAnnotator;
import org.newsgraph.rdf.EventGraphWriter;
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
    private final EventExtractor extractor;
    private final int threads;
    private final double minConfidence;
    private final OpenNlpModels models;
    private final ThreadLocal<TextAnnotator> annotators;
    private final ThreadLocal<LanguageIdentifier> languages;

    private Newsgraph(Builder b) {
        this.ontology = b.ontology != null ? b.ontology : Ontology.fromClasspath();
        this.gazetteer = Gazetteer.fromModel(ontology.entities());
        this.lexicon = ActionLexicon.fromModel(ontology.ontology());
        this.extractor = PatternEventExtractor.create().gazetteer(gazetteer).lexicon(lexicon).build();
        this.threads = Math.max(1, b.threads);
        this.minConfidence = b.minConfidence;
        this.models = OpenNlpModels.get();
        // OpenNLP's *ME classes are not thread-safe: one per thread, over shared models.
        this.annotators = ThreadLocal.withInitial(() -> OpenNlpAnnotator.create(models));
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
        Article a = withDate(article);
        String text = a.text();
        LanguageIdentifier lang = languages.get();
        String language = a.language();
        if (language == null) {
            language = lang.identify(text.length() > 4000 ? text.substring(0, 4000) : text).language();
            a = new Article(a.key(), a.doc(), a.title(), a.text(), a.url(), a.published(), a.publisher(), language);
        }
        List<Event> events = List.of();
        List<AgreementMention> agreements = List.of();
        if (isEnglish(language)) {
            AnnotatedText annotated = annotate(a, lang);
            Extraction x = extractor.extract(a, annotated);
            events = x.events();
            agreements = x.agreements();
            if (minConfidence > 0) {
                events = events.stream().filter(e -> e.confidence() >= minConfidence).toList();
            }
        }
        return new ProcessedArticle(a, events, agreements, writer.write(a, events, agreements));
    }

    /** Sentences of the article's prose: page furniture, headings and non-English paragraphs left out. */
    public AnnotatedText annotate(Article a, LanguageIdentifier lang) {
        TextAnnotator annotator = annotators.get();
        String text = a.text();
        List<Sentence> sentences = new ArrayList<>();
        int index = 0;
        int paragraph = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!line.isBlank() && !Furniture.isFurniture(line) && !(Furniture.isTitle(line, a.title()) && line.split("\\s+").length < 25)
                    && (line.length() < LANGUAGE_CHECK_CHARS || isEnglish(lang.identify(line)))) {
                List<Sentence> got = annotator.annotate(text, new Paragraph(paragraph, pos, end, line), index);
                sentences.addAll(got);
                index += got.size();
            }
            paragraph++;
            pos = end + 1;
        }
        return new AnnotatedText(text, sentences);
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

    /**
     * Builds the graph of every article under a folder into the store, in one write transaction: readers
     * see the previous graph until the build commits. Each article's graph replaces its previous one.
     */
    public BuildSummary build(Path articles, KnowledgeStore store, BuildListener listener) {
        long t0 = System.nanoTime();
        ArticleFolder folder = ArticleFolder.of(articles);
        ArticleFolder.Listing listing = folder.list();
        List<Path> files = listing.files();
        listener.started(files.size());
        EventGraphWriter writer = EventGraphWriter.create().softwareVersion(version()).extractedAt(Instant.now()).build();
        List<String> errors = new ArrayList<>();
        for (Ingested.Failed f : listing.errors()) {
            errors.add(f.message());
            listener.error(f.message());
        }
        int[] counts = new int[2];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsgraph-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            store.write(w -> {
                w.replaceReference(ontology);
                // A bounded window of files in flight: memory stays flat however many files there are.
                Deque<Future<List<Object>>> inFlight = new ArrayDeque<>();
                int window = threads * 4;
                for (Path file : files) {
                    inFlight.add(pool.submit(() -> processFile(folder, file, writer)));
                    if (inFlight.size() >= window) {
                        drain(inFlight.poll(), w, errors, counts, listener);
                    }
                }
                while (!inFlight.isEmpty()) {
                    drain(inFlight.poll(), w, errors, counts, listener);
                }
                // Same transaction: readers never see articles without the knowledge that links them.
                w.relink();
            });
        } finally {
            pool.shutdownNow();
        }
        long triples = store.size();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new BuildSummary(counts[0], counts[1], triples, errors, seconds);
    }

    private List<Object> processFile(ArticleFolder folder, Path file, EventGraphWriter writer) {
        List<Object> out = new ArrayList<>();
        for (Ingested item : folder.read(file)) {
            if (item instanceof Ingested.Failed f) {
                out.add(f);
            } else if (item instanceof Ingested.Read r) {
                try {
                    out.add(process(r.article(), writer));
                } catch (RuntimeException e) {
                    LOG.debug("Extraction failed on {}", r.article().key(), e);
                    out.add(new Ingested.Failed(r.article().key(), "extraction failed (" + e.getClass().getSimpleName() + ")"));
                }
            }
        }
        out.add(file.getFileName().toString());
        return out;
    }

    private static void drain(Future<List<Object>> f, KnowledgeStore.Writer w, List<String> errors, int[] counts,
                              BuildListener listener) {
        List<Object> results;
        try {
            results = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Build failed", e.getCause());
        }
        int articles = 0;
        String file = "";
        for (Object o : results) {
            if (o instanceof ProcessedArticle p) {
                w.replaceArticle(p.graph());
                counts[0]++;
                counts[1] += p.events().size();
                articles++;
            } else if (o instanceof Ingested.Failed failed) {
                errors.add(failed.message());
                listener.error(failed.message());
            } else if (o instanceof String name) {
                file = name;
            }
        }
        listener.fileDone(file, articles);
    }
}
