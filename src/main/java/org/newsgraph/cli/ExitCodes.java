package org.newsgraph.cli;

/** The exit codes of the newsgraph command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A user error: missing folder, unreadable file, bad query. */
    public static final int USER_ERROR = 1;
    /** A command-line usage error: unknown option, missing argument (picocli's convention). */
    public static final int USAGE = 2;
    /** A bug or an environment failure: reported with the log for a bug report. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
