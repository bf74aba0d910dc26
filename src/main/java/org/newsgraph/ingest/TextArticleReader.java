package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.List;

/** Plain-text articles (.txt): the first non-empty line is the title. */
public final class TextArticleReader implements ArticleReader {

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
    }

    @Override
    public List<Ingested> read(Path file, String key, Metadata metadata) throws BadInputException {
        String text = TextDecoding.read(file);
        String title = text.strip().lines().findFirst().orElse("").strip();
        Metadata m = metadata.or(new Metadata(null, title, null, null, null));
        return List.of(new Ingested.Read(new Article(key, file.getFileName().toString(), m.title(), text,
                m.url(), m.published(), m.publisher(), m.language())));
    }
}
