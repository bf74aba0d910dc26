package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Plain-text articles (.txt): the first non-empty line is the title, unless it reads as a sentence of the body (a
 * lede, not a headline), when the article has no title of its own and the line is read as text.
 */
public final class TextArticleReader implements ArticleReader {

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
    }

    @Override
    public List<Ingested> read(Path file, String key, Metadata metadata) throws BadInputException {
        String text = TextDecoding.read(file);
        String first = text.strip().lines().findFirst().orElse("").strip();
        String title = readsAsSentence(first) ? "" : first;
        Metadata m = metadata.or(new Metadata(null, title, null, null, null));
        return List.of(new Ingested.Read(new Article(key, file.getFileName().toString(), m.title(), text,
                m.url(), m.published(), m.publisher(), m.language())));
    }

    /** Headlines do not end in a full stop; a first line of six words or more that does is the body's first sentence. */
    static boolean readsAsSentence(String line) {
        String l = line.replaceAll("[\"\u201d\u2019')\\]]+$", "");
        return l.endsWith(".") && l.split("\\s+").length >= 6 && !l.endsWith("...");
    }
}
