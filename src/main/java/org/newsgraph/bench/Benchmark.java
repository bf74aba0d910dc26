package org.newsgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;


import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.newsgraph.BuildListener;
import org.newsgraph.BuildSummary;
import org.newsgraph.Newsgraph;
import org.newsgraph.ProcessedArticle;
import org.newsgraph.ingest.Article;
import org.newsgraph.nlp.CoreNlpPipeline;
import org.newsgraph.rdf.ArticleGraph;
import org.newsgraph.rdf.EventGraphWriter;
import org.newsgraph.server.NewsgraphServer;
import org.newsgraph.store.CannedQueries;
import org.newsgraph.store.KnowledgeStore;

/**
 * Measures each stage against a reference taken in the same run, so the ratios mean something on any machine.
 * {@code Benchmark.create(newsgraph, articles, folder).threads(4).build().run()}
 */
public final class Benchmark {

    /** One measured line: a stage's number, and where there is one, its reference and their ratio. */
    public record Row(String stage, String measure, double value, String unit, String reference, double referenceValue,
                      double ratio, String target) {
    }

    /** The actor the parameterised queries ask about; the synthetic corpus names it as it names every state. */
    static final String BENCH_ACTOR = "North Korea";

    private final Newsgraph newsgraph;
    private final List<Article> articles;
    private final Path folder;
    private final Path work;
    private final int threads;
    private final int queryRepeats;
    private final Consumer<String> progress;
    private final Consumer<Row> results;

    private Benchmark(Builder b) {
        this.newsgraph = b.newsgraph;
        this.articles = List.copyOf(b.articles);
        this.folder = b.folder;
        this.work = b.work;
        this.threads = b.threads;
        this.queryRepeats = b.queryRepeats;
        this.progress = b.progress;
        this.results = b.results;
    }

    /** The articles in memory, and the same articles as files in a folder (for the build stages). */
    public static Builder create(Newsgraph newsgraph, List<Article> articles, Path folder) {
        return new Builder(newsgraph, articles, folder);
    }

    /** Builder for {@link Benchmark}. */
    public static final class Builder {
        private final Newsgraph newsgraph;
        private final List<Article> articles;
        private final Path folder;
        private Path work;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int queryRepeats = 20;
        private Consumer<String> progress = s -> { };
        private Consumer<Row> results = r -> { };

        private Builder(Newsgraph newsgraph, List<Article> articles, Path folder) {
            this.newsgraph = newsgraph;
            this.articles = articles;
            this.folder = folder;
        }

        /** Where the benchmark's databases go (a fresh temporary folder by default). */
        public Builder work(Path dir) {
            this.work = dir;
            return this;
        }

        /** The most threads to measure with (default: all cores). */
        public Builder threads(int n) {
            this.threads = Math.max(1, n);
            return this;
        }

        /** Runs of each canned query per client. */
        public Builder queryRepeats(int n) {
            this.queryRepeats = Math.max(1, n);
            return this;
        }

        /** Hears which stage is running. */
        public Builder progress(Consumer<String> p) {
            this.progress = p;
            return this;
        }

        /** Hears each result as it is measured, before the table is complete. */
        public Builder results(Consumer<Row> r) {
            this.results = r;
            return this;
        }

        public Benchmark build() {
            return new Benchmark(this);
        }
    }

    /** A list of rows that reports each as it is added: a run at 100,000 articles takes hours, and a late failure keeps them. */
    private List<Row> reporting() {
        return new ArrayList<>() {
            @Override
            public boolean add(Row r) {
                results.accept(r);
                return super.add(r);
            }
        };
    }

    /** Runs every stage and returns its rows. */
    public List<Row> run() {
        List<Row> rows = reporting();
        try {
            Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("newsgraph-bench-");
            int warm = Math.min(articles.size(), 20);

            progress.accept("NLP reference");
            edu.stanford.nlp.pipeline.StanfordCoreNLP corenlp = CoreNlpPipeline.reference();
            nlpReference(articles.subList(0, warm), corenlp);
            long t0 = System.nanoTime();
            long tokens = nlpReference(articles, corenlp);
            double nlpRate = tokens / seconds(t0);
            rows.add(new Row("nlp reference", "CoreNLP tokenize..depparse, tokens/s/thread, " + articles.size() + " articles",
                    nlpRate, "tokens/s", "", 0, 1, ""));

            progress.accept("extraction, 1 thread");
            extract(articles.subList(0, warm), 1, null);
            List<ArticleGraph> graphs = Collections.synchronizedList(new ArrayList<>());
            t0 = System.nanoTime();
            extract(articles, 1, graphs);
            double one = seconds(t0);
            rows.add(new Row("extraction", "tokens/s/thread", tokens / one, "tokens/s", "nlp reference", nlpRate,
                    tokens / one / nlpRate, ">= 1.0"));
            rows.add(new Row("extraction", "articles/s, 1 thread", articles.size() / one, "articles/s", "", 0, 1, ""));
            for (int t : threadCounts()) {
                progress.accept("extraction, " + t + " threads");
                t0 = System.nanoTime();
                extract(articles, t, null);
                double s = seconds(t0);
                rows.add(new Row("extraction", "articles/s, " + t + " threads", articles.size() / s, "articles/s",
                        "1 thread", articles.size() / one, one / s, t == 2 ? ">= 1.8" : ""));
            }

            progress.accept("RDF load");
            long triples = graphs.stream().mapToLong(g -> g.graph().size()).sum();
            t0 = System.nanoTime();
            try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("load-newsgraph"))) {
                store.write(w -> graphs.forEach(w::replaceArticle));
            }
            double ours = triples / seconds(t0);
            Path nquads = dir.resolve("graphs.nq");
            DatasetGraph all = org.apache.jena.sparql.core.DatasetGraphFactory.create();
            graphs.forEach(g -> all.addGraph(org.apache.jena.graph.NodeFactory.createURI(g.name()), g.graph()));
            try (OutputStream os = Files.newOutputStream(nquads)) {
                RDFDataMgr.write(os, all, RDFFormat.NQUADS_UTF8);
            }
            // tdb2.tdbloader's default (the phased loader: index phases on threads of their own, in partial
            // transactions), and the sequential loader, which like build writes in one thread and one transaction.
            double reference = load(dir.resolve("load-tdbloader"), nquads, triples, LoaderFactory::createLoader);
            double sequential = load(dir.resolve("load-sequential"), nquads, triples, LoaderFactory::sequentialLoader);
            // The sample's graphs are done with: the full build's heap should hold only what the build holds.
            graphs.clear();
            all.clear();
            rows.add(new Row("rdf load", "triples/s (" + triples + " triples)", ours, "triples/s", "tdb2 loader",
                    reference, ours / reference, ">= 1.0"));
            rows.add(new Row("rdf load", "the same, against one-thread loading", ours, "triples/s", "tdb2 sequential loader",
                    sequential, ours / sequential, ""));

            progress.accept("full build");
            BuildSummary full;
            double fullSeconds;
            long peak;
            long live;
            long afterAnyGc;
            try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("build"));
                 LiveHeapSampler sampler = LiveHeapSampler.start()) {
                t0 = System.nanoTime();
                full = newsgraph.build(folder, store, tenths(), Newsgraph.Mode.FULL);
                fullSeconds = seconds(t0);
                peak = sampler.peak();
                live = sampler.largestLive();
                afterAnyGc = sampler.largestAfterGc();
            }
            double maxHeap = Runtime.getRuntime().maxMemory() / 1048576.0;
            rows.add(new Row("build", "full build of " + full.articles() + ", articles/s", full.articles() / fullSeconds,
                    "articles/s", "", 0, 1, ""));
            rows.add(new Row("memory", "largest live heap (full GC each minute), full build", live / 1048576.0, "MB",
                    "2 GB heap", 2048, live / 1048576.0 / 2048, "fits"));
            rows.add(new Row("memory", "largest heap after any GC, full build", afterAnyGc / 1048576.0, "MB",
                    "2 GB heap", 2048, afterAnyGc / 1048576.0 / 2048, ""));
            rows.add(new Row("memory", "peak heap incl. garbage, full build", peak / 1048576.0, "MB", "max heap",
                    maxHeap, peak / 1048576.0 / maxHeap, ""));

            progress.accept("incremental rebuild");
            Path changed = firstArticleFile();
            Files.writeString(changed, Files.readString(changed) + "\nThe ministry gave no further details.\n");
            double incSeconds;
            double openSeconds;
            try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("build"))) {
                t0 = System.nanoTime();
                incrementalBuild(store);
                incSeconds = seconds(t0);
                // Again in the store as that build left it open, as the server's scheduled rebuilds find it: TDB2's
                // node cache then holds what a rebuild reads, where a store just opened reads each node from disk.
                Files.writeString(changed, Files.readString(changed) + "\nNo one else commented.\n");
                t0 = System.nanoTime();
                incrementalBuild(store);
                openSeconds = seconds(t0);
            }
            rows.add(new Row("incremental", "1 changed of " + full.articles() + ", seconds", incSeconds, "s", "full build",
                    fullSeconds, incSeconds / fullSeconds, "<= 0.01"));
            rows.add(new Row("incremental", "the same, store left open by a build", openSeconds, "s", "full build",
                    fullSeconds, openSeconds / fullSeconds, ""));

            try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("build"))) {
                queries(store, fullSeconds, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the benchmark was interrupted", e);
        }
        return rows;
    }

    /**
     * Measures only the canned queries, over a database a build made (what `bench --db` runs): warming, then each
     * query with one client evaluating afresh and with eight as the server answers them.
     */
    public List<Row> runQueries(Path database) {
        List<Row> rows = reporting();
        try (KnowledgeStore store = KnowledgeStore.openExisting(database)) {
            queries(store, 0, rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the benchmark was interrupted", e);
        }
        return rows;
    }

    /** Serves the store as `serve` does and measures warming and every canned query; fullSeconds 0 when unknown. */
    private void queries(KnowledgeStore store, double fullSeconds, List<Row> rows) throws InterruptedException {
        long t0;
        try (NewsgraphServer server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0)
                .queryTimeout(java.time.Duration.ofMinutes(1)).console(false)
                .warm(CannedQueries.bundled().unparameterised()).build().start()) {
            // As serve does after every commit: the canned answers are made ready before clients ask.
            progress.accept("warming the canned answers");
            t0 = System.nanoTime();
            // Each query may take the warmer's limit; past this the table says so and the bench goes on.
            long deadline = t0 + java.time.Duration.ofMinutes(90).toNanos();
            while (!server.answersReady() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            boolean ready = server.answersReady();
            rows.add(new Row("warming", "canned answers ready after a commit, s", ready ? seconds(t0) : Double.NaN, "s",
                    !ready ? "not ready after 90 minutes" : fullSeconds > 0 ? "full build" : "", fullSeconds,
                    ready && fullSeconds > 0 ? seconds(t0) / fullSeconds : Double.NaN, ""));
            // Eight clients as the server answers them (repeats from memory), every query in turn, as a settled
            // server sees them; then one client evaluating afresh every time (what a new or edited question costs,
            // and the first answer after a commit). Run the other way round, each query's 8-client runs met the
            // garbage of its own minute-long evaluation: at 100,000 articles a 77 ms collection fell into them.
            List<CannedQueries.CannedQuery> canned = CannedQueries.bundled().all();
            Map<String, double[]> eights = new java.util.HashMap<>();
            // Warming skips the queries that take a parameter: one client asks each first, as someone has before
            // eight repeat it (at 100,000 articles the eight otherwise shared a 43 s first evaluation). Then one
            // full collection: the eight measure a server whose answers are ready, not the garbage of the
            // evaluations just made (collections of 100 ms fell into the next query's runs).
            progress.accept("the canned queries once each");
            for (CannedQueries.CannedQuery q : canned) {
                latencies(server.url() + "/kg/sparql", withParameters(q.text()), 1, false, 0);
            }
            System.gc();
            for (CannedQueries.CannedQuery q : canned) {
                progress.accept("query " + q.name() + ", 8 clients");
                eights.put(q.name(), latencies(server.url() + "/kg/sparql", withParameters(q.text()), 8, false, queryRepeats));
            }
            for (CannedQueries.CannedQuery q : canned) {
                progress.accept("query " + q.name() + ", 1 client");
                double[] single = latencies(server.url() + "/kg/sparql", withParameters(q.text()), 1, true, queryRepeats);
                double[] eight = eights.get(q.name());
                // The answer's size bounds its latency: the server must find, sort and write every row. An
                // evaluation that ran out of time has no answer; the remembered one still tells its size.
                double[] sized = Double.isNaN(single[5]) ? eight : single;
                rows.add(new Row("query " + q.name(), "answer rows", sized[5], "rows",
                        String.format(Locale.ROOT, "%.1f MB; p50 evaluated per row, us", sized[6] / 1e6),
                        single[5] > 0 ? single[0] * 1000 / single[5] : Double.NaN, Double.NaN, ""));
                rows.add(latencyRow(q.name(), "1 client, evaluated, p95 (p50, p99) ms", single, ""));
                rows.add(latencyRow(q.name(), "8 clients, p95 (p50, p99) ms", eight, "p95 <= 50 ms"));
            }
        }
    }

    /** Reports a long build's progress by tenths of its files, and when linking begins. */
    private BuildListener tenths() {
        return new BuildListener() {
            private int files;
            private int done;

            @Override
            public void started(int n) {
                files = n;
            }

            @Override
            public void fileDone(String file, int articles) {
                done++;
                if (files >= 100 && done % (files / 10) == 0) {
                    progress.accept("full build, " + done + " of " + files + " files" + (done == files ? "; linking" : ""));
                }
            }
        };
    }

    private static Row latencyRow(String query, String measure, double[] p, String target) {
        String runs = String.format(Locale.ROOT, "%d runs%s", (int) p[4], p[3] > 0 ? ", " + (int) p[3] + " timed out" : "");
        return new Row("query " + query, measure, p[1], "ms",
                String.format(Locale.ROOT, "p50 %.0f, p99 %.0f; %s", p[0], p[2], runs), 50, p[1] / 50, target);
    }

    private List<Integer> threadCounts() {
        List<Integer> out = new ArrayList<>();
        for (int t = 2; t < threads; t *= 2) {
            out.add(t);
        }
        if (threads > 1) {
            out.add(threads);
        }
        return out;
    }

    private Path firstArticleFile() throws IOException {
        try (var s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no .txt article in " + folder + " to change"));
        }
    }

    private void incrementalBuild(KnowledgeStore store) {
        BuildSummary inc = newsgraph.build(folder, store, BuildListener.NONE, Newsgraph.Mode.INCREMENTAL);
        if (inc.changed() != 1) {
            throw new IllegalStateException("expected one changed article, got: " + inc.line());
        }
    }

    /** CoreNLP's own pipeline (tokenize..depparse) over every sentence, one thread; returns the tokens seen. */
    private static long nlpReference(List<Article> articles, edu.stanford.nlp.pipeline.StanfordCoreNLP reference) {
        long tokens = 0;
        for (Article a : articles) {
            edu.stanford.nlp.pipeline.Annotation doc = new edu.stanford.nlp.pipeline.Annotation(a.text());
            reference.annotate(doc);
            tokens += doc.get(edu.stanford.nlp.ling.CoreAnnotations.TokensAnnotation.class).size();
        }
        return tokens;
    }

    private void extract(List<Article> list, int nThreads, List<ArticleGraph> out) {
        EventGraphWriter writer = EventGraphWriter.create().build();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < nThreads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < list.size(); i = next.getAndIncrement()) {
                        ProcessedArticle p = newsgraph.process(list.get(i), writer);
                        if (out != null) {
                            out.add(p.graph());
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("extraction failed in the benchmark", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Triples/s of a TDB2 loader loading the N-Quads file into a fresh database. */
    private static double load(Path db, Path nquads, long triples,
                               java.util.function.BiFunction<DatasetGraph, org.apache.jena.system.progress.MonitorOutput, DataLoader> loaderOf)
            throws IOException {
        DatasetGraph target = TDB2Factory.connectDataset(db.toString()).asDatasetGraph();
        long t0 = System.nanoTime();
        DataLoader loader = loaderOf.apply(target, (fmt, args) -> { });
        loader.startBulk();
        try (InputStream in = Files.newInputStream(nquads)) {
            loader.loadFromInputStream(nquads.toString(), in, Lang.NQUADS);
        }
        loader.finishBulk();
        double rate = triples / seconds(t0);
        org.apache.jena.tdb2.sys.TDBInternal.expel(target);
        return rate;
    }

    /** A parameterised canned query asks about one actor, as a researcher would; the others run as they are. */
    static String withParameters(String text) {
        if (!text.contains("# Parameters: ?actor")) {
            return text;
        }
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(text);
        return org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.syntaxSubstitute(q,
                Map.of(org.apache.jena.sparql.core.Var.alloc("actor"), NodeFactory.createLiteralString(BENCH_ACTOR))).toString();
    }

    /**
     * p50, p95, p99 in milliseconds of a query run {@code repeats} times (after two unmeasured runs) by each of n
     * concurrent clients; fresh asks the server to evaluate every time instead of answering from memory.
     */
    private double[] latencies(String endpoint, String query, int clients, boolean fresh, int repeats) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder asked = HttpRequest.newBuilder(URI.create(endpoint));
        if (fresh) {
            asked.header("Cache-Control", "no-cache");
        }
        // As browsers and most HTTP libraries do, the client takes a compressed answer; latency is to the last byte.
        HttpRequest request = asked
                .header("Accept-Encoding", "gzip")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        double[] answer = {Double.NaN, Double.NaN};
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    // Slow queries get fewer runs: at least three, then until the repeats or a minute are used up;
                    // a run over half a minute (at large N) ends the client's runs.
                    double last = 0;
                    for (int i = 0; i < repeats + 2 && last < 30_000
                            && (i < 3 || System.nanoTime() - start < 60_000_000_000L); i++) {
                        long t0 = System.nanoTime();
                        // Only the first, unmeasured run keeps the answer, to count its rows; the others read it to
                        // the last byte and drop it, so that the client's megabyte arrays do not add collections
                        // to the server's heap, which it shares.
                        HttpResponse<byte[]> r = i == 0 ? http.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                : http.send(request, HttpResponse.BodyHandlers.replacing(null));
                        double ms = (System.nanoTime() - t0) / 1e6;
                        last = ms;
                        if (r.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (i == 0) {
                            synchronized (answer) {
                                if (Double.isNaN(answer[0])) {
                                    byte[] body = r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                                            ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes()
                                            : r.body();
                                    answer[0] = ResultSetMgr.read(new java.io.ByteArrayInputStream(body),
                                            ResultSetLang.RS_JSON).rewindable().size();
                                    answer[1] = body.length;
                                }
                            }
                        }
                        if (i >= 2 || ms >= 30_000) { // the first two runs warm caches
                            millis.add(ms);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a canned query failed in the benchmark", e);
        } finally {
            pool.shutdownNow();
        }
        List<Double> sorted = millis.stream().sorted().toList();
        if (sorted.isEmpty()) {
            sorted = List.of(Double.NaN);
        }
        return new double[] {percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), failures.get(), millis.size(),
            answer[0], answer[1]};
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double seconds(long t0) {
        return Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
    }

    /** The rows as an aligned text table. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-26s %-34s %12s %-11s %-34s %10s %8s  %s%n", "stage", "measure", "value", "unit",
                "reference", "ref value", "ratio", "target"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-26s %-34s %12.1f %-11s %-34s %10s %8s  %s%n", r.stage(), r.measure(),
                    r.value(), r.unit(), r.reference(), r.referenceValue() == 0 ? "" : String.format(Locale.ROOT, "%.1f", r.referenceValue()),
                    r.reference().isEmpty() || Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()), r.target()));
        }
        return sb.toString();
    }

    /** The rows as JSON: {"rows": [{"stage": ..., ...}]}. */
    public static String json(List<Row> rows) {
        StringBuilder sb = new StringBuilder("{\"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "  {\"stage\": %s, \"measure\": %s, \"value\": %s, \"unit\": %s, "
                            + "\"reference\": %s, \"referenceValue\": %s, \"ratio\": %s, \"target\": %s}%s%n",
                    q(r.stage()), q(r.measure()), num(r.value()), q(r.unit()), q(r.reference()), num(r.referenceValue()),
                    num(r.ratio()), q(r.target()), i + 1 < rows.size() ? "," : ""));
        }
        return sb.append("]}\n").toString();
    }

    private static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "null";
    }

    private static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
