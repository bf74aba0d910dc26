package org.newsgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.newsgraph.rdf.Ontology;

/** Checks shared by the commands; each failure is a {@link UserException} naming the path. */
final class Options {

    private Options() {
    }

    static Path readableDirectory(Path dir, String what) {
        if (!Files.exists(dir)) {
            throw new UserException(what + " not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(what + " is not a folder: " + dir);
        }
        if (!Files.isReadable(dir)) {
            throw new UserException(what + " is not readable: " + dir);
        }
        return dir;
    }

    static Path readableFile(Path file, String what) {
        if (!Files.exists(file)) {
            throw new UserException(what + " not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserException(what + " is not a readable file: " + file);
        }
        return file;
    }

    static Ontology ontology(Path dir) {
        if (dir == null) {
            return Ontology.fromClasspath();
        }
        readableDirectory(dir, "ontology folder");
        try {
            return Ontology.fromDirectory(dir);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
