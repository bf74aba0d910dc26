package org.newsgraph.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises page furniture in article text: menus, "Read also" links, share and donate lines,
 * embedded-post credits, photo credits and headings. Such text never gives events.
 */
public final class Furniture {

    private static final Pattern STARTS = Pattern.compile("(?i)^\\s*(read (also|more|next)|also read|see also|related( articles| stories)?\\s*:"
            + "|recommended|more (shorts|stories|news)|impact shorts|share( this| on)?|subscribe|donate|sign up|follow us"
            + "|popular categories|search the website|cover\\s*:|photo\\s*:|image\\s*:|credit\\s*:|advertisement|next\\s|previous\\s"
            + "|with inputs from|click here|copyright|\u00a9|all rights reserved|tags\\s*:|topics\\s*:|newsletter|cookie|watch\\s*:"
            + "|listen\\s*:|\\W*#\\w+)");
    private static final Pattern EMBED = Pattern.compile("(?i)pic\\.twitter\\.com|^\\s*[\u2014\u2013-]\\s*.*\\(@\\w+\\)|https?://");

    private Furniture() {
    }

    /** True when a paragraph (one line of text) is furniture or a heading rather than article prose. */
    public static boolean isFurniture(String paragraph) {
        String p = paragraph.strip();
        if (p.isEmpty()) {
            return true;
        }
        if (STARTS.matcher(p).find() || EMBED.matcher(p).find()) {
            return true;
        }
        // Headings and labels: short lines that do not end as sentences do.
        int words = p.split("\\s+").length;
        char last = p.charAt(p.length() - 1);
        boolean sentenceEnd = ".!\"\u201d\u00bb')".indexOf(last) >= 0;
        return words < 4 || (!sentenceEnd && words < 16) || p.endsWith("?") && words < 16;
    }

    /** True when a line is the article's title repeated in its body. */
    public static boolean isTitle(String paragraph, String title) {
        return !title.isBlank() && normalise(paragraph).equals(normalise(title));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
