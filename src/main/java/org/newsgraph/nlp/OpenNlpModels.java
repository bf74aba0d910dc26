package org.newsgraph.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models, loaded once from the classpath and shared by all threads.
 * Models are immutable; the *ME classes built over them are not, so each thread makes its own.
 */
public final class OpenNlpModels {

    static final String SENTENCES = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String UD_POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String LEMMAS = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";
    static final String PENN_POS = "/en-pos-maxent.bin";
    static final String LANGUAGES = "/langdetect-183.bin";

    private static volatile OpenNlpModels shared;

    final SentenceModel sentences;
    final TokenizerModel tokens;
    final POSModel udPos;
    final POSModel pennPos;
    final LemmatizerModel lemmas;
    final LanguageDetectorModel languages;

    private OpenNlpModels() throws IOException {
        sentences = new SentenceModel(open(SENTENCES));
        tokens = new TokenizerModel(open(TOKENS));
        udPos = new POSModel(open(UD_POS));
        pennPos = new POSModel(open(PENN_POS));
        lemmas = new LemmatizerModel(open(LEMMAS));
        languages = new LanguageDetectorModel(open(LANGUAGES));
    }

    /** The process-wide models, loaded on first use (about two seconds). */
    public static OpenNlpModels get() {
        OpenNlpModels m = shared;
        if (m == null) {
            synchronized (OpenNlpModels.class) {
                m = shared;
                if (m == null) {
                    try {
                        m = shared = new OpenNlpModels();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot load the OpenNLP models from the classpath", e);
                    }
                }
            }
        }
        return m;
    }

    /** The sentence model (for benchmarks and tools that run OpenNLP directly). */
    public SentenceModel sentenceModel() {
        return sentences;
    }

    public TokenizerModel tokenizerModel() {
        return tokens;
    }

    /** The Universal Dependencies part-of-speech model. */
    public POSModel udPosModel() {
        return udPos;
    }

    /** The Penn Treebank tagger's model, which the extraction rules read. */
    public POSModel pennPosModel() {
        return pennPos;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = OpenNlpModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("OpenNLP model not on the classpath: " + resource);
        }
        return in;
    }
}
