package org.newsgraph.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Deterministic IRIs: the same input gives the same IRIs on every run and every machine. */
public final class Iris {

    private Iris() {
    }

    /** A readable, stable id for an article: its file name as a slug plus a hash of its key. */
    public static String articleId(String key) {
        String name = key.substring(Math.max(key.lastIndexOf('/'), key.lastIndexOf('#')) + 1);
        String slug = slug(name);
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
        }
        return (slug.isEmpty() ? "article" : slug) + "-" + hash(key).substring(0, 10);
    }

    public static String article(String key) {
        return NG.BASE + "article/" + articleId(key);
    }

    public static String articleGraph(String key) {
        return NG.ARTICLE_GRAPH + articleId(key);
    }

    /** The NIF-style IRI of a character span of an article. */
    public static String sentence(String key, int start, int end) {
        return article(key) + "#char=" + start + "," + end;
    }

    /**
     * The article's own node for an unresolved mention, from the extractor's article-independent one:
     * {@code entity/mention/officials} in article {@code a.txt} becomes {@code entity/mention/a-txt-<hash>/officials}.
     */
    public static String mention(String key, String unresolvedIri) {
        String name = unresolvedIri.substring(unresolvedIri.lastIndexOf('/') + 1);
        return NG.ENTITY + "mention/" + articleId(key) + "/" + name;
    }

    public static String event(String key, String... parts) {
        return NG.BASE + "event/" + hash(key + "\u0000" + String.join("\u0000", parts)).substring(0, 20);
    }

    public static String extraction(String key, String contentHash) {
        return NG.BASE + "extraction/" + hash(key + "\u0000" + contentHash).substring(0, 20);
    }

    static String slug(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return t.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    public static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
