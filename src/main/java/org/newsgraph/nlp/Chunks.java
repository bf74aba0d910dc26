package org.newsgraph.nlp;

import java.util.Arrays;

import opennlp.tools.chunker.ChunkerME;

/**
 * The chunk tags (B-NP, I-VP, O) of a sentence, computed on first use: few sentences need them, and chunking every
 * sentence was a third of the cost of reading an article.
 */
public final class Chunks {

    private final String[] words;
    private final String[] penn;
    private final ChunkerME chunker;
    private volatile String[] tags;

    Chunks(String[] words, String[] penn, ChunkerME chunker) {
        this.words = words.clone();
        this.penn = penn.clone();
        this.chunker = chunker;
    }

    /** The chunk tag of token i. */
    public String at(int i) {
        String[] t = tags;
        if (t == null) {
            // The chunker belongs to one annotator; the lock keeps it to one caller at a time wherever this runs.
            synchronized (chunker) {
                t = tags;
                if (t == null) {
                    t = tags = chunker.chunk(words, penn);
                }
            }
        }
        return t[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunks c && Arrays.equals(words, c.words) && Arrays.equals(penn, c.penn);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(words) + Arrays.hashCode(penn);
    }
}
