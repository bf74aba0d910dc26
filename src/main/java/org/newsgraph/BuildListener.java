package org.newsgraph;

/** Hears how a build goes: for progress bars and logs. */
public interface BuildListener {

    BuildListener NONE = new BuildListener() {
    };

    /** Called once with the number of files to read. */
    default void started(int files) {
    }

    /** Called after each file, with the articles it gave. */
    default void fileDone(String file, int articles) {
    }

    /** Called for each file or line that could not be read. */
    default void error(String message) {
    }
}
