package org.newsgraph.cli;

/** A mistake the user can fix (a missing folder, an unreadable file): printed as one line, no stack trace. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
