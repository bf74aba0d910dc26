package org.newsgraph.ingest;

/** What reading one file (or one line of a JSON Lines file) gave: an article, or an error naming the file. */
public sealed interface Ingested {

    record Read(Article article) implements Ingested {
    }

    /** @param file the file (and line) as the user knows it; @param reason one line, no stack trace */
    record Failed(String file, String reason) implements Ingested {
        public String message() {
            return file + ": " + reason;
        }
    }
}
