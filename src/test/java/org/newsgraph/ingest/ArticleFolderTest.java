package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a folder of .txt, .html and .jsonl articles, with one error per bad input and the rest still read. */
class ArticleFolderTest {

    @TempDir
    Path dir;

    @Test
    void textTitleIsTheFirstNonEmptyLine() throws IOException {
        write("troops.txt", "\n   \n  Troops head to the border  \n\nSeveral units moved overnight, officials said.\n");

        Article a = onlyArticle();

        assertEquals("troops.txt", a.key());
        assertEquals("troops.txt", a.doc());
        assertEquals("Troops head to the border", a.title());
        assertTrue(a.text().contains("Several units moved overnight, officials said."));
        assertNull(a.url());
        assertNull(a.published());
        assertNull(a.publisher());
        assertNull(a.language());
    }

    @Test
    void aFirstLineThatReadsAsASentenceIsNotTakenForTheTitle() throws IOException {
        write("lede.txt", "Several engineering units crossed the border overnight, officials said.\nMore followed.\n");

        Article a = onlyArticle();

        assertEquals("", a.title(), "a lede is text, not a headline");
        assertTrue(a.text().startsWith("Several engineering units"));
    }

    @Test
    void sidecarOverridesTheTitleAndFillsTheMetadata() throws IOException {
        write("talks.txt", "Line that would be the title\nDelegates met in Geneva for a second day of talks.\n");
        write("talks.meta.json", """
                {"url": "https://news.example/talks", "title": "Geneva talks enter day two",
                 "published": "2024-10-21", "publisher": "Example Wire", "language": "en"}
                """);

        Article a = onlyArticle();

        assertEquals("Geneva talks enter day two", a.title());
        assertEquals("https://news.example/talks", a.url());
        assertEquals("2024-10-21", a.published());
        assertEquals(LocalDate.of(2024, 10, 21), a.publishedDate().orElseThrow());
        assertEquals("Example Wire", a.publisher());
        assertEquals("en", a.language());
    }

    @Test
    void htmlGivesMetadataFromMetaTagsAndTextFromTheArticleOnly() throws IOException {
        write("page.html", """
                <!doctype html>
                <html lang="en"><head>
                  <title>Page title | The Example Herald</title>
                  <meta property="og:title" content="Ministers agree on grain corridor">
                  <meta property="article:published_time" content="2024-11-02T08:30:00Z">
                  <meta property="og:site_name" content="The Example Herald">
                  <script>var tracker = "SCRIPTTEXT";</script>
                </head><body>
                  <nav><a href="/">NAVTEXT Home</a> <a href="/world">World</a></nav>
                  <article>
                    <h1>Ministers agree on grain corridor</h1>
                    <p>Farm ministers from four countries agreed on Tuesday to reopen a grain route.</p>
                    <script>console.log("SCRIPTTEXT inside");</script>
                    <p>Shipments are expected to start next month.</p>
                  </article>
                  <footer>FOOTERTEXT Copyright The Example Herald</footer>
                </body></html>
                """);

        Article a = onlyArticle();

        assertEquals("page.html", a.doc());
        assertEquals("Ministers agree on grain corridor", a.title());
        assertEquals("2024-11-02T08:30:00Z", a.published());
        assertEquals("The Example Herald", a.publisher());
        assertTrue(a.text().contains("Farm ministers from four countries agreed on Tuesday to reopen a grain route."));
        assertTrue(a.text().contains("Shipments are expected to start next month."));
        for (String excluded : List.of("NAVTEXT", "FOOTERTEXT", "SCRIPTTEXT")) {
            assertFalse(a.text().contains(excluded), excluded + " leaked into: " + a.text());
        }
    }

    @Test
    void htmlWithoutOgTitleTakesTheTitleElement() throws IOException {
        write("plain.html", "<html><head><title>Port reopens after storm</title></head>"
                + "<body><p>The port reopened on Sunday after a two-day closure.</p></body></html>");

        Article a = onlyArticle();

        assertEquals("Port reopens after storm", a.title());
        assertEquals("The port reopened on Sunday after a two-day closure.", a.text());
    }

    @Test
    void devicesAndPipesAreNamedAndNeverOpened() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix machine");
        write("good.txt", "Bridge opens\nThe new bridge opened to traffic on Saturday.\n");
        Files.createSymbolicLink(dir.resolve("zero.txt"), Path.of("/dev/zero"));
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("pipe.txt").toString()).start().waitFor());
        List<Ingested> items = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), this::readAll);
        assertEquals(List.of("good.txt"), articles(items).stream().map(Article::key).toList());
        Map<String, String> reasons = failures(items).stream().collect(Collectors.toMap(Ingested.Failed::file, Ingested.Failed::reason));
        assertEquals(Set.of("zero.txt", "pipe.txt"), reasons.keySet());
        reasons.values().forEach(r -> assertTrue(r.contains("not a regular file"), r));
    }

    @Test
    void aPageOfManyNestedBlocksReadsInOnePass() throws IOException {
        // 125,000 paragraphs in one list item (1 MB): reading each block's ancestors against every block was quadratic.
        StringBuilder page = new StringBuilder("<html><body><ul><li>");
        for (int i = 0; i < 125_000; i++) {
            page.append("<p>x</p>");
        }
        write("wide.html", page.append("</li></ul></body></html>").toString());
        Article a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), this::onlyArticle,
                "a 1 MB page reads in well under a minute, not in minutes");
        assertEquals(125_000, a.text().chars().filter(c -> c == 'x').count(), "every paragraph, once");
    }

    @Test
    void jsonLinesGivesOneArticlePerGoodLineAndOneErrorPerBadLine() throws IOException {
        write("feed.jsonl", String.join("\n",
                "{\"id\": \"a1\", \"title\": \"Summit opens\", \"text\": \"Leaders gathered in Lima on Monday.\"}",
                "{\"id\": \"a2\", \"text\": \"Rail strike ends\\nWorkers returned after a pay deal.\"}",
                "{\"id\": \"a3\", \"text\": \"this line is cut off",
                "{\"id\": \"a4\", \"text\": 5}") + "\n");

        List<Ingested> items = readAll();
        List<Article> articles = articles(items);
        List<Ingested.Failed> failed = failures(items);

        assertEquals(List.of("a1", "a2"), articles.stream().map(Article::doc).toList());
        assertEquals(List.of("feed.jsonl#a1", "feed.jsonl#a2"), articles.stream().map(Article::key).toList());
        assertEquals("Summit opens", articles.get(0).title());
        assertEquals("Rail strike ends", articles.get(1).title());
        assertEquals(List.of("feed.jsonl line 3", "feed.jsonl line 4"), failed.stream().map(Ingested.Failed::file).toList());
        failed.forEach(ArticleFolderTest::assertOneLineReason);
        assertTrue(failed.get(1).reason().contains("text"), failed.get(1).message());
    }

    @Test
    void eachBadFileGivesExactlyOneErrorAndTheGoodFilesAreStillRead() throws IOException {
        write("a-good.txt", "Bridge opens\nThe new bridge opened to traffic on Saturday.\n");
        Files.write(dir.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 20, 0, 8, 0, 'x', 0});
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 owners protest new tax".getBytes(StandardCharsets.ISO_8859_1));
        write("meta.txt", "Flood warning\nRivers rose across the valley.\n");
        write("meta.meta.json", "title: not json at all");
        write("z-good.txt", "Election called\nThe prime minister called an early election.\n");
        write("cut.txt", "Dam reopens\nThe dam reopened on Monday.\n");
        write("cut.meta.json", "{\"url\": ");

        List<Ingested> items = readAll();

        assertEquals(List.of("a-good.txt", "z-good.txt"), articles(items).stream().map(Article::key).toList());
        Map<String, String> reasons = failures(items).stream()
                .peek(ArticleFolderTest::assertOneLineReason)
                .collect(Collectors.toMap(Ingested.Failed::file, Ingested.Failed::reason)); // throws on a duplicate
        assertEquals(List.of("binary.txt", "cut.txt", "empty.txt", "latin1.txt", "meta.txt"), reasons.keySet().stream().sorted().toList());
        assertTrue(reasons.get("cut.txt").contains("cut.meta.json") && reasons.get("cut.txt").contains("not valid JSON"),
                "a cut-off sidecar is named with the parser's reason: " + reasons.get("cut.txt"));
        assertTrue(reasons.get("binary.txt").contains("binary"), reasons.get("binary.txt"));
        assertTrue(reasons.get("empty.txt").contains("empty"), reasons.get("empty.txt"));
        assertTrue(reasons.get("latin1.txt").contains("UTF-8"), reasons.get("latin1.txt"));
        assertTrue(reasons.get("meta.txt").contains("meta.meta.json"), reasons.get("meta.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-8"})
    void textWithAByteOrderMarkIsDecoded(String charset) throws IOException {
        String text = "Ministers meet in Seoul\nThe meeting lasted three hours.\n";
        Files.write(dir.resolve("bom.txt"), ("\uFEFF" + text).getBytes(Charset.forName(charset)));

        Article a = onlyArticle();

        assertEquals(text, a.text());
        assertEquals("Ministers meet in Seoul", a.title());
    }

    @Test
    void hiddenFilesSidecarsAndOtherFormatsAreNotArticles() throws IOException {
        write("visible.txt", "Visible\nThis one is an article.\n");
        write("visible.meta.json", "{\"publisher\": \"Example Wire\"}");
        write("orphan.meta.json", "{\"title\": \"No article beside me\"}");
        write(".hidden.txt", "Hidden\nNot an article.\n");
        write(".git/inside.txt", "Inside a hidden folder\nNot an article.\n");
        write("notes.md", "# Not a format the folder reads\n");

        assertEquals(List.of(dir.toRealPath().resolve("visible.txt")), ArticleFolder.of(dir).files());
        assertEquals(List.of("visible.txt"), articles(readAll()).stream().map(Article::key).toList());
    }

    @Test
    void filesAreReadInAStableSortedOrder() throws IOException {
        write("z.jsonl", "{\"id\": \"2\", \"text\": \"Second line article.\"}\n{\"id\": \"1\", \"text\": \"First.\"}\n");
        write("sub/c.txt", "C\nThird file.\n");
        write("b.html", "<html><body><p>Second file.</p></body></html>");
        write("a.txt", "A\nFirst file.\n");

        List<String> expected = List.of("a.txt", "b.html", "sub/c.txt", "z.jsonl#2", "z.jsonl#1");
        assertEquals(expected, articles(readAll()).stream().map(Article::key).toList());
        assertEquals(expected, articles(readAll()).stream().map(Article::key).toList());
    }

    @Test
    void aLinkPointingOutsideTheFolderIsRefused(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "Secret\nOutside the article folder.\n");
        write("good.txt", "Good\nInside the article folder.\n");
        link("link.txt", secret);

        List<Ingested> items = readAll();

        assertEquals(List.of("good.txt"), articles(items).stream().map(Article::key).toList());
        assertEquals(List.of(new Ingested.Failed("link.txt", "link points outside the article folder")), failures(items));
    }

    @Test
    void aDanglingLinkGivesOneError() throws IOException {
        write("good.txt", "Good\nInside the article folder.\n");
        link("dangling.txt", dir.resolve("gone.txt"));

        List<Ingested> items = readAll();

        assertEquals(List.of("good.txt"), articles(items).stream().map(Article::key).toList());
        assertEquals(List.of("dangling.txt"), failures(items).stream().map(Ingested.Failed::file).toList());
    }

    @Test
    void aLinkLoopDoesNotStopTheBatch() throws IOException {
        write("good.txt", "Good\nInside the article folder.\n");
        Files.createDirectories(dir.resolve("sub"));
        link("sub/loop", dir);

        List<Ingested> items = readAll();

        assertEquals(List.of("good.txt"), articles(items).stream().map(Article::key).toList());
        assertTrue(failures(items).size() <= 1, failures(items).toString());
        failures(items).forEach(f -> assertTrue(f.file().startsWith("sub/loop"), f.message()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "{\"title\": \"Caf\u00e9\"}"})
    void anEmptyOrUndecodableSidecarIsNamedInTheError(String sidecar) throws IOException {
        write("story.txt", "Story\nThe article itself is fine.\n");
        Files.write(dir.resolve("story.meta.json"), sidecar.getBytes(StandardCharsets.ISO_8859_1));

        List<Ingested.Failed> failed = failures(readAll());

        assertEquals(1, failed.size(), failed.toString());
        assertEquals("story.txt", failed.get(0).file());
        assertTrue(failed.get(0).reason().contains("story.meta.json"), failed.get(0).message());
    }

    @Test
    void jsonLinesWithAUtf8ByteOrderMarkIsRead() throws IOException {
        write("feed.jsonl", "\uFEFF{\"id\": \"b1\", \"text\": \"Talks resumed in Doha on Sunday.\"}\n");

        List<Ingested> items = readAll();

        assertEquals(List.of(), failures(items));
        assertEquals(List.of("feed.jsonl#b1"), articles(items).stream().map(Article::key).toList());
    }

    @Test
    void aFileNameWithSpacesAndAccentsIsRead() throws IOException {
        Path file;
        try {
            file = dir.resolve("café report.txt");
        } catch (InvalidPathException e) {
            assumeTrue(false, "file system cannot name the file: " + e);
            return;
        }
        Files.writeString(file, "Café owners protest\nOwners of cafés marched through the old town.\n");

        Article a = onlyArticle();

        assertEquals("café report.txt", a.key());
        assertEquals("café report.txt", a.doc());
        assertEquals("Café owners protest", a.title());
    }

    @Test
    void contentHashChangesWithTextOrMetadataAndIsStableOtherwise() throws IOException {
        write("hash.txt", "Dam repairs begin\nEngineers started work on the dam.\n");
        String first = onlyArticle().contentHash();

        assertEquals(first, onlyArticle().contentHash());

        write("hash.txt", "Dam repairs begin\nEngineers started work on the old dam.\n");
        String textChanged = onlyArticle().contentHash();
        assertNotEquals(first, textChanged);

        write("hash.meta.json", "{\"published\": \"2025-03-04\"}");
        String metadataChanged = onlyArticle().contentHash();
        assertNotEquals(textChanged, metadataChanged);
        assertEquals(metadataChanged, onlyArticle().contentHash());

        Article a = onlyArticle();
        for (Article changed : List.of(
                new Article(a.key(), a.doc(), "Other title", a.text(), a.url(), a.published(), a.publisher(), a.language()),
                new Article(a.key(), a.doc(), a.title(), a.text(), "https://news.example/x", a.published(), a.publisher(), a.language()),
                new Article(a.key(), a.doc(), a.title(), a.text(), a.url(), a.published(), "Example Wire", a.language()),
                new Article(a.key(), a.doc(), a.title(), a.text(), a.url(), a.published(), a.publisher(), "en"))) {
            assertNotEquals(a.contentHash(), changed.contentHash(), changed.toString());
        }
    }

    // ---------------------------------------------------------------- helpers

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A symbolic link in the folder; the test is skipped where links cannot be made. */
    private void link(String name, Path target) {
        try {
            Files.createSymbolicLink(dir.resolve(name), target);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            assumeTrue(false, "cannot create symbolic links here: " + e);
        }
    }

    private List<Ingested> readAll() {
        try (Stream<Ingested> items = ArticleFolder.of(dir).articles()) {
            return items.toList();
        }
    }

    private Article onlyArticle() {
        List<Ingested> items = readAll();
        assertEquals(List.of(), failures(items));
        assertEquals(1, items.size(), items.toString());
        return articles(items).get(0);
    }

    private static List<Article> articles(List<Ingested> items) {
        return items.stream().filter(i -> i instanceof Ingested.Read).map(i -> ((Ingested.Read) i).article()).toList();
    }

    private static List<Ingested.Failed> failures(List<Ingested> items) {
        return items.stream().filter(i -> i instanceof Ingested.Failed).map(i -> (Ingested.Failed) i).toList();
    }

    private static void assertOneLineReason(Ingested.Failed f) {
        assertFalse(f.reason().isBlank(), f.message());
        assertFalse(f.reason().contains("\n"), f.message());
    }
}
