package org.newsgraph.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Larger corpora for rebuild tests: copies of the bundled sample texts, each made distinct. */
final class Corpora {

    private Corpora() {
    }

    /** Writes {@code n} articles into {@code dir}, cycling through the sample .txt files. */
    static Path samples(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        List<Path> texts;
        try (Stream<Path> s = Files.list(Path.of("src/samples/articles"))) {
            texts = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (int i = 0; i < n; i++) {
            Path src = texts.get(i % texts.size());
            String text = Files.readString(src, StandardCharsets.UTF_8) + "\nCopy " + i + " of the sample, for a rebuild test.\n";
            Files.writeString(dir.resolve(String.format("copy-%04d-%s", i, src.getFileName())), text, StandardCharsets.UTF_8);
        }
        return dir;
    }
}
