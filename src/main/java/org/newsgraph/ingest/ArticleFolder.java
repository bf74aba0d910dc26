package org.newsgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every article under a folder, read lazily in a stable order; each bad file gives one {@link Ingested.Failed}.
 * <pre>{@code
 * try (Stream<Ingested> items = ArticleFolder.of(dir).articles()) { ... }
 * }</pre>
 */
public final class ArticleFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleFolder.class);
    static final String SIDECAR = ".meta.json";

    private final Path root;
    private final List<ArticleReader> readers;
    /**
     * Size and time of every regular file the last listing visited, sidecars included: the walk reads them anyway,
     * and a rebuild stamps every file, where asking the disk again cost three calls per file.
     */
    private final java.util.Map<Path, Attributes> listed = new java.util.concurrent.ConcurrentHashMap<>();
    /** The folder's real path, as the last listing found it. */
    private volatile Path listedRoot;

    private record Attributes(long size, long modifiedNanos) {
    }

    private ArticleFolder(Path root, List<ArticleReader> readers) {
        this.root = root;
        this.readers = List.copyOf(readers);
    }

    /** A folder read with the standard readers: text, HTML, JSON Lines. */
    public static ArticleFolder of(Path root) {
        return new ArticleFolder(root, List.of(new TextArticleReader(), new HtmlArticleReader(),
                new JsonLinesArticleReader()));
    }

    /** What listing the folder found: the article files, sorted, and the entries that could not be listed. */
    public record Listing(List<Path> files, List<Ingested.Failed> errors) {
        public Listing {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    /** The files this folder holds that some reader accepts, sorted by path. */
    public List<Path> files() {
        return list().files();
    }

    /**
     * Lists the folder, following links inside it; loops, broken links and unreadable folders become errors
     * naming the entry, and the walk goes on.
     */
    public Listing list() {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the article folder " + root, e);
        }
        List<Path> out = new ArrayList<>();
        List<Ingested.Failed> errors = new ArrayList<>();
        listed.clear();
        listedRoot = realRoot;
        try {
            Files.walkFileTree(realRoot, java.util.EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                            return !dir.equals(realRoot) && isHidden(realRoot.relativize(dir))
                                    ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                listed.put(file, new Attributes(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                            }
                            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (isHidden(realRoot.relativize(file)) || name.endsWith(SIDECAR) || readerFor(file) == null) {
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }
                            if (attrs.isRegularFile()) {
                                out.add(file);
                            } else if (attrs.isSymbolicLink()) {
                                errors.add(new Ingested.Failed(key(realRoot, file), "broken link (its target does not exist)"));
                            } else if (attrs.isOther()) {
                                // A device or a named pipe (or a link to one) never ends or blocks: named, never opened.
                                errors.add(new Ingested.Failed(key(realRoot, file), "not a regular file (a device or a pipe); skipped"));
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            String reason = e instanceof java.nio.file.FileSystemLoopException ? "link loops back to a parent folder"
                                    : "cannot read (" + e.getClass().getSimpleName() + ")";
                            errors.add(new Ingested.Failed(key(realRoot, file), reason));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the article folder " + root, e);
        }
        out.sort(null);
        return new Listing(out, errors);
    }

    private static String key(Path realRoot, Path file) {
        Path rel = file.startsWith(realRoot) ? realRoot.relativize(file) : file.getFileName();
        return rel.toString().replace('\\', '/');
    }

    /** Reads every file, lazily: memory does not grow with the number of files read. */
    public Stream<Ingested> articles() {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the article folder " + root, e);
        }
        Listing listing = list();
        return Stream.concat(listing.errors().stream(), listing.files().stream().flatMap(p -> read(realRoot, p).stream()));
    }

    /** The stable name of a file of this folder: its path relative to the folder. */
    public String keyOf(Path file) {
        try {
            Path realRoot = listedRoot != null ? listedRoot : root.toRealPath();
            Path abs = file.toAbsolutePath().normalize();
            Path rel = abs.startsWith(realRoot) ? realRoot.relativize(abs) : abs.getFileName();
            return rel.toString().replace('\\', '/');
        } catch (IOException e) {
            return file.getFileName().toString();
        }
    }

    /** Reads one file of this folder. */
    public List<Ingested> read(Path file) {
        try {
            return read(root.toRealPath(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the article folder " + root, e);
        }
    }

    private List<Ingested> read(Path realRoot, Path given) {
        Path file = given.toAbsolutePath().normalize();
        Path absRoot = root.toAbsolutePath().normalize();
        Path relative = file.startsWith(realRoot) ? realRoot.relativize(file)
                : file.startsWith(absRoot) ? absRoot.relativize(file) : file.getFileName();
        String key = relative.toString().replace('\\', '/');
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                return List.of(new Ingested.Failed(key, "link points outside the article folder"));
            }
            Metadata metadata = sidecar(file);
            return readerFor(file).read(file, key, metadata);
        } catch (BadInputException e) {
            return List.of(new Ingested.Failed(key, e.getMessage()));
        } catch (IOException e) {
            return List.of(new Ingested.Failed(key, "cannot read file (" + e.getClass().getSimpleName() + ")"));
        } catch (RuntimeException e) {
            // A parser bug must not stop the batch; the file is named and skipped.
            LOG.debug("Reader failed on {}", key, e);
            return List.of(new Ingested.Failed(key, "cannot parse (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private ArticleReader readerFor(Path file) {
        for (ArticleReader r : readers) {
            if (r.accepts(file)) {
                return r;
            }
        }
        return null;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Size and modification time of a file and of its possible sidecars, e.g. {@code 5120@1732270000123456789 -};
     * null when the file cannot be read. Equal stamps mean the build may trust what it read last time.
     */
    public String stamp(Path file) {
        StringBuilder out = new StringBuilder();
        boolean fromListing = listed.containsKey(file);
        try {
            for (Path p : new Path[] {file, sidecarCandidates(file)[0], sidecarCandidates(file)[1]}) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                Attributes seen = fromListing ? listed.get(p) : null;
                if (seen == null && fromListing) {
                    // The listing saw the file, and no such sidecar beside it.
                    out.append('-');
                    continue;
                }
                if (seen == null) {
                    if (p != file && !Files.exists(p)) {
                        out.append('-');
                        continue;
                    }
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    seen = new Attributes(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                }
                out.append(seen.size()).append('@').append(seen.modifiedNanos());
            }
        } catch (IOException e) {
            return null;
        }
        return out.toString();
    }

    private static Path[] sidecarCandidates(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return new Path[] {
            file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SIDECAR),
            file.resolveSibling(name + SIDECAR)
        };
    }

    /** NAME.meta.json beside NAME.ext (or NAME.ext.meta.json); {@link Metadata#NONE} when absent. */
    static Metadata sidecar(Path file) throws BadInputException {
        for (Path c : sidecarCandidates(file)) {
            if (Files.isRegularFile(c)) {
                return parseSidecar(c);
            }
        }
        return Metadata.NONE;
    }

    private static Metadata parseSidecar(Path sidecar) throws BadInputException {
        String where = sidecar.getFileName().toString();
        JsonObject o;
        String text;
        try {
            text = TextDecoding.read(sidecar);
        } catch (BadInputException e) {
            throw new BadInputException("metadata " + where + ": " + e.getMessage());
        }
        try {
            o = JSON.parse(text);
        } catch (JsonException e) {
            String why = e.getMessage() == null ? "" : " (" + e.getMessage().lines().findFirst().orElse("").strip() + ")";
            throw new BadInputException("metadata " + where + " is not valid JSON" + why);
        } catch (RuntimeException e) {
            // Jena's JSON parser fails this way on a file cut off after a key ("{\"url\": ").
            throw new BadInputException("metadata " + where + " is not valid JSON (it ends early)");
        }
        for (String k : o.keys()) {
            if (!List.of("url", "title", "published", "publisher", "language").contains(k)) {
                LOG.warn("{}: unknown metadata key \"{}\" ignored", where, k);
            }
        }
        String published = field(o, "published", where);
        if (published != null && !isIsoDate(published)) {
            LOG.warn("{}: \"published\" is not an ISO 8601 date ({}); ignored", where, published);
            published = null;
        }
        return new Metadata(field(o, "url", where), field(o, "title", where), published,
                field(o, "publisher", where), field(o, "language", where));
    }

    private static String field(JsonObject o, String k, String where) throws BadInputException {
        JsonValue v = o.get(k);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new BadInputException("metadata " + where + ": \"" + k + "\" must be a string");
        }
        return v.getAsString().value().strip();
    }

    static boolean isIsoDate(String s) {
        try {
            if (s.length() == 10) {
                LocalDate.parse(s);
            } else {
                OffsetDateTime.parse(s);
            }
            return true;
        } catch (java.time.DateTimeException e) {
            try {
                java.time.LocalDateTime.parse(s);
                return true;
            } catch (java.time.DateTimeException e2) {
                return false;
            }
        }
    }
}
