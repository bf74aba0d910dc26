package org.newsgraph.ingest;

/** Article metadata from a sidecar NAME.meta.json or a JSON Lines record; null fields are absent. */
public record Metadata(String url, String title, String published, String publisher, String language) {

    public static final Metadata NONE = new Metadata(null, null, null, null, null);

    /** This metadata with the gaps filled from {@code other}. */
    public Metadata or(Metadata other) {
        return new Metadata(first(url, other.url), first(title, other.title), first(published, other.published),
                first(publisher, other.publisher), first(language, other.language));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
