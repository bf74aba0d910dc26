package org.newsgraph.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder the build copies onto the classpath (ontology/, queries/), as a Path whether it sits in the jar or on
 * disk. {@code BundledFolder.of("/queries/events.rq")} is the folder holding events.rq.
 */
public final class BundledFolder {

    private BundledFolder() {
    }

    /** The folder holding a resource that must be there; fails saying the jar was not built when it is not. */
    public static Path of(String resource) {
        var url = BundledFolder.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the classpath: was the jar built with mvn package?");
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return Path.of(uri).getParent();
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return fs.provider().getPath(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the jar holding " + resource, e);
        }
    }
}
