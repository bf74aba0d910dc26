package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.newsgraph.Newsgraph;
import org.newsgraph.bench.Benchmark;
import org.newsgraph.bench.SyntheticCorpus;
import org.newsgraph.ingest.Article;
import org.newsgraph.ingest.ArticleFolder;
import org.newsgraph.ingest.Ingested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph bench}: measures every stage against a reference from the same run and prints the ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures NLP, extraction (1..N threads), RDF load, full and incremental builds, canned-query "
                + "latency and peak heap, each against a reference measured in the same run; prints one table.")
public final class BenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    static final class Input {
        @Option(names = "--articles", paramLabel = "DIR", description = "Benchmark on these articles (copied; the copy is changed).")
        Path articles;

        @Option(names = "--synthetic", paramLabel = "N", description = "Benchmark on N generated articles.")
        Integer synthetic;

        @Option(names = "--db", paramLabel = "DIR", description = "Measure only the canned queries (warming, 1 and 8 "
                + "clients) over a database a build made, e.g. a large one kept with --work.")
        Path db;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--threads", paramLabel = "T", description = "Most threads to measure with (default: all cores).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "20261122", description = "Seed of the synthetic articles (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", defaultValue = "20", description = "Runs of each canned query per client (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--sample", defaultValue = "2000", paramLabel = "S",
            description = "Articles for the per-article rates (NLP, extraction, RDF load), which do not depend on N; "
                    + "builds and queries use all (default ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the benchmark's databases (default: a temporary one).")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as JSON to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new UserException("--threads must be 1 or more");
        }
        if (sample < 1) {
            throw new UserException("--sample must be 1 or more");
        }
        Newsgraph newsgraph = Newsgraph.create().threads(t).build();
        if (input.db != null) {
            Options.readableDirectory(input.db, "database folder");
            LOG.info("Measuring the canned queries over {}", input.db);
            return print(configured(Benchmark.create(newsgraph, List.of(), input.db)).build().runQueries(input.db));
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("newsgraph-bench-");
        Path folder = dir.resolve("articles");
        List<Article> articles;
        if (input.synthetic != null) {
            if (input.synthetic < 1) {
                throw new UserException("--synthetic needs a positive number of articles");
            }
            SyntheticCorpus corpus = SyntheticCorpus.create(newsgraph.gazetteer()).seed(seed).build();
            LOG.info("Writing {} synthetic articles to {}", input.synthetic, folder);
            corpus.write(folder, input.synthetic);
            articles = corpus.articles(Math.min(sample, input.synthetic));
        } else {
            Options.readableDirectory(input.articles, "articles folder");
            copy(input.articles, folder);
            articles = ArticleFolder.of(folder).articles().filter(i -> i instanceof Ingested.Read)
                    .map(i -> ((Ingested.Read) i).article()).limit(sample).toList();
            if (articles.isEmpty()) {
                throw new UserException("no readable article in " + input.articles);
            }
        }
        LOG.info("Benchmarking up to {} threads in {}; per-article rates on {} articles", t, dir, articles.size());
        return print(configured(Benchmark.create(newsgraph, articles, folder)).threads(t).work(dir.resolve("databases"))
                .build().run());
    }

    private Benchmark.Builder configured(Benchmark.Builder b) {
        return b.queryRepeats(repeats).progress(stage -> LOG.info("Measuring {}", stage))
                .results(r -> LOG.info("{}", Benchmark.table(List.of(r)).lines().skip(1).findFirst().orElse("").strip()));
    }

    private int print(List<Benchmark.Row> rows) throws IOException {
        System.out.print(Benchmark.table(rows));
        if (out != null) {
            Files.writeString(out, Benchmark.json(rows));
        }
        return ExitCodes.OK;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
