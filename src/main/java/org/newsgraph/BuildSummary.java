package org.newsgraph;

import java.util.List;
import java.util.Locale;

/**
 * What a build did.
 *
 * @param articles articles in the database after the build (added, changed or unchanged)
 * @param events   events in the database after the build
 * @param triples  quads in the database after the build
 * @param errors   one line per file that could not be read, naming it
 * @param seconds  wall-clock time of the build
 */
public record BuildSummary(int articles, int events, long triples, List<String> errors, double seconds,
                           int added, int changed, int removed, int unchanged) {

    public BuildSummary {
        errors = List.copyOf(errors);
    }

    /** The one-line summary printed at the end of a build. */
    public String line() {
        return String.format(Locale.ROOT, "articles %d, events %d, triples %d, errors %d, seconds %.1f"
                        + " (added %d, changed %d, removed %d, unchanged %d)",
                articles, events, triples, errors.size(), seconds, added, changed, removed, unchanged);
    }
}
