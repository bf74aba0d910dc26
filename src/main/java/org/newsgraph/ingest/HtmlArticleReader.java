package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** HTML pages (.html, .htm): the main text through jsoup, title and date from the usual meta tags. */
public final class HtmlArticleReader implements ArticleReader {

    // Page parts that never hold the article's own text.
    private static final String NON_CONTENT =
            "script, style, noscript, template, iframe, object, embed, svg, form, button, nav, header, footer, aside, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td";

    @Override
    public boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    @Override
    public List<Ingested> read(Path file, String key, Metadata metadata) throws BadInputException {
        Document doc = Jsoup.parse(TextDecoding.read(file));
        Metadata fromPage = new Metadata(
                meta(doc, "meta[property=og:url]", "link[rel=canonical]"),
                firstNonBlank(meta(doc, "meta[property=og:title]", "meta[name=twitter:title]"), doc.title(),
                        doc.select("h1").text()),
                meta(doc, "meta[property=article:published_time]", "meta[name=article:published_time]",
                        "meta[property=og:published_time]", "meta[name=pubdate]", "meta[name=date]",
                        "meta[name=dc.date]", "meta[name=DC.date.issued]", "meta[itemprop=datePublished]",
                        "time[datetime]"),
                meta(doc, "meta[property=og:site_name]", "meta[name=publisher]"),
                doc.select("html").attr("lang").isBlank() ? null : doc.select("html").attr("lang"));
        Metadata m = metadata.or(fromPage);
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main");
        }
        if (root == null) {
            root = doc.body();
        }
        root.select(NON_CONTENT).remove();
        String text = blockText(root);
        if (text.isBlank()) {
            throw new BadInputException("HTML page has no text");
        }
        return List.of(new Ingested.Read(new Article(key, file.getFileName().toString(), m.title(), text,
                m.url(), m.published(), m.publisher(), m.language())));
    }

    /** One line per block element, so that paragraphs stay paragraphs. */
    private static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        Elements blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            return root.wholeText().strip();
        }
        java.util.Set<Element> blockSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        blockSet.addAll(blocks);
        for (Element block : blocks) {
            // Nested blocks (a p inside an li) are written by their outermost block only; one walk up per block keeps
            // the page linear in its size (a page of 100,000 paragraphs in one list item reads in one pass).
            if (insideAnother(block, root, blockSet)) {
                continue;
            }
            String t = block.text().strip();
            if (!t.isEmpty()) {
                sb.append(t).append("\n\n");
            }
        }
        return sb.toString().strip();
    }

    private static boolean insideAnother(Element block, Element root, java.util.Set<Element> blocks) {
        for (Element p = block.parent(); p != null && p != root; p = p.parent()) {
            if (blocks.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static String meta(Document doc, String... selectors) {
        for (String s : selectors) {
            Element e = doc.selectFirst(s);
            if (e != null) {
                String v = e.hasAttr("content") ? e.attr("content")
                        : e.hasAttr("datetime") ? e.attr("datetime") : e.attr("href");
                if (!v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
