package org.newsgraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.newsgraph.extract.Entity;
import org.newsgraph.extract.EntityKind;
import org.newsgraph.extract.Gazetteer;
import org.newsgraph.ingest.Article;

/**
 * Varied, deterministic news-like articles made from the gazetteer's states, places and outlets, for benchmarks:
 * different actors, figures, places, dates, attributions and lengths (300 to 1,500 words), with page furniture and
 * non-English lines. {@code SyntheticCorpus.create(gazetteer).seed(7).build().articles(10_000)}
 */
public final class SyntheticCorpus {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    // Sentence shapes of the kinds the extractor reads; {A} and {B} are actors, {N} a number, {P} a place,
    // {D} a date, {S} a source, {R} a UN Security Council resolution's number. Written for this benchmark.
    private static final String[] EVENTS = {
        "{A} sent {N} troops to {B} on {D}, {S} said.",
        "{A} will deploy {N} engineers to {P} next month, according to {S}.",
        "{A} and {B} signed a defence agreement in {P} on {D}.",
        "{A} imposed new sanctions on {B} on {D}, {S} reported.",
        "{A} recognised the independence of {B} on {D}.",
        "{A} condemned the missile launch by {B}, {S} said on {D}.",
        "{A} delivered {N} artillery shells to {B}, {S} said.",
        "Officials from {A} met their counterparts from {B} in {P} on {D}.",
        "{A} expelled {N} diplomats from {B} on {D}, {S} said.",
        "{S} reported that {A} had shipped {N} tonnes of fuel to {B} in violation of UN sanctions.",
        "{A} denied sending soldiers to {B}, {S} said on {D}.",
        "{A} may send up to {N} workers to {P}, {S} said.",
        "{A} violated UN Security Council Resolution {R} by selling weapons to {B}, {S} said on {D}.",
        "{A} accused {B} of violating Resolution {R} on {D}.",
        "The Security Council adopted Resolution {R} on {D}.",
    };
    private static final String[] FILLER = {
        "Analysts said the move reflected a broader shift in the region's alliances.",
        "The talks were described as frank and constructive by people familiar with them.",
        "Markets reacted calmly to the news, with currencies little changed by the afternoon.",
        "The ministry did not respond to a request for comment.",
        "Critics argued that the decision would deepen the country's isolation.",
        "Diplomats expect further meetings before the end of the year.",
        "The announcement came after weeks of speculation in the local press.",
        "Independent verification of the figures was not possible.",
        "Observers noted that similar pledges had been made before and not kept.",
        "The government said more details would follow in the coming days.",
    };
    private static final String[] FURNITURE = {"Advertisement", "Share this article", "Read more:", "Sign up for our newsletter",
        "© 2024 All rights reserved", "Follow us on social media"};
    private static final String[] FOREIGN = {
        "Die Regierung kündigte am Mittwoch weitere Gespräche an.",
        "Le ministre a déclaré que les négociations se poursuivraient.",
        "El gobierno anunció nuevas medidas económicas el lunes.",
        "Переговоры продолжатся на следующей неделе.",
    };

    private final List<Entity> actors;
    private final List<Entity> places;
    private final List<Entity> outlets;
    private final long seed;

    private SyntheticCorpus(Gazetteer gazetteer, long seed) {
        this.actors = of(gazetteer, EntityKind.STATE);
        this.places = of(gazetteer, EntityKind.PLACE);
        this.outlets = of(gazetteer, EntityKind.OUTLET);
        this.seed = seed;
        if (actors.isEmpty() || places.isEmpty() || outlets.isEmpty()) {
            throw new IllegalStateException("the gazetteer needs states, places and outlets to make articles from");
        }
    }

    private static List<Entity> of(Gazetteer g, EntityKind kind) {
        return g.entities().stream().filter(e -> e.kind() == kind && e.label() != null && !e.label().isBlank())
                .sorted(Comparator.comparing(Entity::iri)).toList();
    }

    public static Builder create(Gazetteer gazetteer) {
        return new Builder(gazetteer);
    }

    /** Builder for {@link SyntheticCorpus}. */
    public static final class Builder {
        private final Gazetteer gazetteer;
        private long seed = 20261122L;

        private Builder(Gazetteer gazetteer) {
            this.gazetteer = gazetteer;
        }

        /** The same seed gives the same articles. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public SyntheticCorpus build() {
            return new SyntheticCorpus(gazetteer, seed);
        }
    }

    /** Article number i (0-based): the same for the same seed, whatever else is generated. */
    public Article article(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        LocalDate published = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(1_000));
        int targetWords = 300 + r.nextInt(1_201);
        StringBuilder text = new StringBuilder();
        String title = pick(r, actors).label() + " and " + pick(r, actors).label() + ": " + (i % 2 == 0 ? "talks" : "tensions");
        text.append(title).append("\n\n");
        int words = 0;
        int paragraphWords = 0;
        while (words < targetWords) {
            String sentence = r.nextInt(3) == 0 ? fill(r, EVENTS[r.nextInt(EVENTS.length)], published) : FILLER[r.nextInt(FILLER.length)];
            text.append(sentence);
            int n = sentence.split("\\s+").length;
            words += n;
            paragraphWords += n;
            if (paragraphWords > 60 + r.nextInt(60)) {
                text.append("\n\n");
                paragraphWords = 0;
                if (r.nextInt(8) == 0) {
                    text.append(FURNITURE[r.nextInt(FURNITURE.length)]).append("\n\n");
                }
                if (r.nextInt(12) == 0) {
                    text.append(FOREIGN[r.nextInt(FOREIGN.length)]).append("\n\n");
                }
            } else {
                text.append(' ');
            }
        }
        String name = String.format(Locale.ROOT, "synthetic-%06d.txt", i);
        return new Article(name, name, title, text.toString().strip() + "\n", null, published.toString(),
                pick(r, outlets).label(), "en");
    }

    /** The first n articles. */
    public List<Article> articles(int n) {
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(article(i));
        }
        return out;
    }

    /** Writes the first n articles as .txt files (title on the first line) with .meta.json sidecars for the date. */
    public void write(Path dir, int n) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < n; i++) {
                Article a = article(i);
                Files.writeString(dir.resolve(a.doc()), a.text(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(a.doc().replace(".txt", ".meta.json")),
                        "{\"published\": \"" + a.published() + "\", \"publisher\": \"" + a.publisher().replace("\"", "") + "\"}\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the synthetic articles to " + dir, e);
        }
    }

    private String fill(Random r, String template, LocalDate published) {
        Entity a = pick(r, actors);
        Entity b = pick(r, actors);
        while (b == a) {
            b = pick(r, actors);
        }
        int n = switch (r.nextInt(4)) {
            case 0 -> 10 + r.nextInt(90);
            case 1 -> 100 + r.nextInt(900);
            case 2 -> 1_000 + r.nextInt(29_000);
            default -> 50_000 + r.nextInt(950_000);
        };
        String source = r.nextBoolean() ? pick(r, outlets).label() : a.label() + "'s foreign ministry";
        return template.replace("{A}", a.label()).replace("{B}", b.label())
                .replace("{N}", String.format(Locale.ENGLISH, "%,d", n))
                .replace("{P}", pick(r, places).label())
                .replace("{D}", published.minusDays(r.nextInt(10)).format(DAY))
                .replace("{S}", source)
                .replace("{R}", Integer.toString(1_500 + r.nextInt(1_300)));
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
