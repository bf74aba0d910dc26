package org.newsgraph.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One article as read from the folder: its text and metadata.
 *
 * @param key       unique, stable name within the corpus: the path relative to the folder,
 *                  plus "#id" for a line of a JSON Lines file
 * @param doc       the file name, or the id inside a JSON Lines file (events.md's ?doc)
 * @param title     title, never null (may be empty)
 * @param text      the article text that sentences and offsets refer to
 * @param url       source address, or null
 * @param published publication date or date-time as given (ISO 8601), or null
 * @param publisher publisher name, or null
 * @param language  declared language (ISO 639-1 or -3), or null when not declared
 */
public record Article(String key, String doc, String title, String text, String url, String published,
                      String publisher, String language) {

    public Article {
        title = title == null ? "" : title;
    }

    /** The publication date, when the metadata gives one that parses. */
    public Optional<LocalDate> publishedDate() {
        if (published == null || published.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(published.substring(0, 10)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A copy with another publication date (the date found in the text when metadata has none). */
    public Article withPublished(String date) {
        return new Article(key, doc, title, text, url, date, publisher, language);
    }

    /** SHA-256 over the text and every metadata field, hex: changes when anything the graph shows changes. */
    public String contentHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {key, doc, title, text, url, published, publisher, language}) {
                md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
