package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.newsgraph.rdf.BundledFolder;

/**
 * The canned queries of queries/, as bundled in the jar: each with its name ("recognitions"), the question its
 * header asks, and its text. {@code CannedQueries.bundled().byName("timeline")}
 */
public final class CannedQueries {

    /** One canned query. */
    public record CannedQuery(String name, String question, String text) {
    }

    private final List<CannedQuery> queries;

    private CannedQueries(List<CannedQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    /** The queries bundled in the jar (a copy of queries/ made by the build). */
    public static CannedQueries bundled() {
        return fromDirectory(BundledFolder.of("/queries/events.rq"));
    }

    /** The .rq files of a folder, by name. */
    public static CannedQueries fromDirectory(Path dir) {
        List<CannedQuery> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String name = p.getFileName().toString().replaceFirst("\\.rq$", "");
                out.add(new CannedQuery(name, question(text), text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the canned queries in " + dir, e);
        }
        return new CannedQueries(out);
    }

    public List<CannedQuery> all() {
        return queries;
    }

    /** The texts of the queries that run as they are, without a "# Parameters:" line to fill in. */
    public List<String> unparameterised() {
        return queries.stream().map(CannedQuery::text).filter(t -> !t.contains("# Parameters:")).toList();
    }

    public Optional<CannedQuery> byName(String name) {
        String n = name.endsWith(".rq") ? name.substring(0, name.length() - 3) : name;
        return queries.stream().filter(q -> q.name().equals(n)).findFirst();
    }

    /** The question of a query's header: the "# Question:" line and the comment lines that continue it. */
    static String question(String text) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("# Question:")) {
                in = true;
                sb.append(line.substring("# Question:".length()).strip());
            } else if (in && line.startsWith("#   ")) {
                sb.append(' ').append(line.substring(1).strip());
            } else if (in) {
                break;
            }
        }
        return sb.toString();
    }
}
