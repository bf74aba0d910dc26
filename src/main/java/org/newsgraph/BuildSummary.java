package org.newsgraph;

import java.util.List;
import java.util.Locale;

/**
 * What a build did.
 *
 * @param articles articles written to the database
 * @param events   events in those articles
 * @param triples  quads in the database after the build
 * @param errors   one line per file that could not be read, naming it
 * @param seconds  wall-clock time of the build
 */
public record BuildSummary(int articles, int events, long triples, List<String> errors, double seconds) {

    public BuildSummary {
        errors = List.copyOf(errors);
    }

    /** The one-line summary printed at the end of a build. */
    public String line() {
        return String.format(Locale.ROOT, "articles %d, events %d, triples %d, errors %d, seconds %.1f",
                articles, events, triples, errors.size(), seconds);
    }
}
