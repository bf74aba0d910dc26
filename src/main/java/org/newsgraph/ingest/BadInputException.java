package org.newsgraph.ingest;

/** A file that cannot be read as an article; the message is one line saying why. */
public class BadInputException extends Exception {
    public BadInputException(String reason) {
        super(reason);
    }
}
