package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.newsgraph.BuildListener;
import org.newsgraph.Newsgraph;
import org.newsgraph.eval.EventScorer;
import org.newsgraph.eval.Evaluation;
import org.newsgraph.eval.GoldEvent;
import org.newsgraph.eval.GoldFile;
import org.newsgraph.store.KnowledgeStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsgraph evaluate}: scores the extraction against a gold file as score_events.py does. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Builds the graph of the articles (or reads it with --db and no --articles), scores queries/events.rq "
                + "against a gold file exactly as events.md describes, and prints per-article and per-slot precision, "
                + "recall and F1.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "GOLD.jsonl", description = "Gold events, one JSON object per line.")
    Path gold;

    @Option(names = "--articles", paramLabel = "DIR", description = "Articles to build the graph from.")
    Path articles;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Database to build into (kept), or to read when --articles is not given. Default: a temporary one.")
    Path db;

    @Option(names = "--misses", description = "List each missed and each spurious event with its sentence.")
    boolean misses;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0", description = "Drop events below this confidence.")
    double minConfidence;

    @Option(names = "--ontology", paramLabel = "DIR", description = "Ontology folder to use instead of the bundled copy.")
    Path ontology;

    @Override
    public Integer call() throws IOException {
        Options.readableFile(gold, "gold file");
        if (articles == null && db == null) {
            throw new UserException("evaluate needs --articles DIR (to build) or --db DIR (to read)");
        }
        List<GoldEvent> goldEvents;
        try {
            goldEvents = GoldFile.read(gold);
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
        Path dir = db;
        boolean temporary = false;
        if (articles != null) {
            Options.readableDirectory(articles, "articles folder");
            if (dir == null) {
                dir = Files.createTempDirectory("newsgraph-eval-");
                temporary = true;
            }
        } else {
            Options.readableDirectory(db, "database");
        }
        try (KnowledgeStore store = articles != null ? KnowledgeStore.open(dir) : KnowledgeStore.openExisting(dir)) {
            if (articles != null) {
                Newsgraph.create().ontology(Options.ontology(ontology)).minConfidence(minConfidence).build()
                        .build(articles, store, BuildListener.NONE);
            }
            EventScorer.Score score = EventScorer.score(goldEvents, Evaluation.extracted(store), null);
            Evaluation.report(score, misses, System.out);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
        return ExitCodes.OK;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
