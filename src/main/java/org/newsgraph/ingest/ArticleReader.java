package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.List;

/** Reads the articles of one file of a format it knows. */
public interface ArticleReader {

    /** True when this reader handles the file's format (by its name). */
    boolean accepts(Path file);

    /**
     * Reads the file. Problems with the whole file are thrown as {@link BadInputException};
     * problems with parts of it (one line of JSON Lines) come back as {@link Ingested.Failed}.
     *
     * @param key      the file's stable name within the folder
     * @param metadata sidecar metadata, {@link Metadata#NONE} when there is none
     */
    List<Ingested> read(Path file, String key, Metadata metadata) throws BadInputException;
}
