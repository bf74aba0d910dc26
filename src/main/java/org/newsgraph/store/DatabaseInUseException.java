package org.newsgraph.store;

import java.nio.file.Path;

/** The database folder is held by another process (a server, a build); TDB2 allows one process per database. */
public final class DatabaseInUseException extends IllegalStateException {

    public DatabaseInUseException(Path dir, Throwable cause) {
        super("the database " + dir + " is in use by another process (a running serve or build?): stop it, "
                + "or ask the server over HTTP", cause);
    }
}
