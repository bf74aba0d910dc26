package org.newsgraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.store.KnowledgeStore;

/** newsgraph's evaluator gives the same numbers as ../shared/tools/score_events.py on the fixture corpus. */
class EvaluatorAgreementTest {

    static final Path SCRIPT = Path.of("../shared/tools/score_events.py");
    static final Path GOLD = Path.of("src/test/resources/fixtures/gold.jsonl");

    @TempDir
    Path tmp;

    @Test
    void agreesWithTheReferenceScorer() throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "needs ../shared/tools/score_events.py beside the project");
        Path results = tmp.resolve("events.json");
        EventScorer.Score ours;
        try (KnowledgeStore store = KnowledgeStore.open(tmp.resolve("db"))) {
            Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
            ResultSetRewindable rows = store.select(Evaluation.eventsQuery());
            try (OutputStream out = Files.newOutputStream(results)) {
                ResultSetFormatter.outputAsJSON(out, rows);
            }
            rows.reset();
            ours = EventScorer.score(GoldFile.read(GOLD), Evaluation.fold(rows), null);
        }
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), GOLD.toString(), results.toString(), "--json")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 could not run the scorer: " + output);
        JsonObject theirs = JSON.parse(output);

        // The fixture exercises matches and misses on every slot, so agreement is not trivially 0 = 0.
        assertTrue(ours.events().truePositives() >= 8 && ours.events().falsePositives() >= 1
                && ours.events().falseNegatives() >= 1, "fixture has hits, extras and misses");
        assertSame("events", theirs.get("events").getAsArray(), ours.events());
        assertSame("slots", theirs.get("slots").getAsArray(), ours.slots());
        assertSame("exact", theirs.get("exact").getAsArray(), ours.exact());
        JsonObject perSlot = theirs.get("per_slot").getAsObject();
        assertEquals(perSlot.keys().stream().sorted().toList(), List.copyOf(ours.perSlot().keySet()));
        for (Map.Entry<String, Tally> slot : ours.perSlot().entrySet()) {
            assertSame("slot " + slot.getKey(), perSlot.get(slot.getKey()).getAsArray(), slot.getValue());
        }
        JsonObject perDoc = theirs.get("per_doc").getAsObject();
        for (Map.Entry<String, EventScorer.DocScore> d : ours.perDoc().entrySet()) {
            JsonObject t = perDoc.get(d.getKey()).getAsObject();
            assertEquals(t.get("gold").getAsNumber().value().intValue(), d.getValue().gold(), d.getKey());
            assertEquals(t.get("extracted").getAsNumber().value().intValue(), d.getValue().extracted(), d.getKey());
            assertEquals(t.get("matched").getAsNumber().value().intValue(), d.getValue().matched(), d.getKey());
        }
    }

    private static void assertSame(String what, JsonArray prf, Tally t) {
        assertEquals(prf.get(0).getAsNumber().value().doubleValue(), t.precision(), 1e-9, what + " precision");
        assertEquals(prf.get(1).getAsNumber().value().doubleValue(), t.recall(), 1e-9, what + " recall");
        assertEquals(prf.get(2).getAsNumber().value().doubleValue(), t.f1(), 1e-9, what + " F1");
    }

    @Test
    void reportPrintsEverySlotAndTheTotals() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<GoldEvent> gold = GoldFile.read(GOLD);
        EventScorer.Score s = EventScorer.score(gold, List.of(), null);
        Evaluation.report(s, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("events: P 0.000 R 0.000 F1 0.000"), report);
        assertEquals(gold.size(), report.lines().filter(l -> l.startsWith("MISSED ")).count());
    }
}
