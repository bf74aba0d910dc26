package org.newsgraph.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's language detection model (the one OpenNLP model newsgraph uses: CoreNLP does the rest), loaded once
 * from the classpath and shared by all threads.
 * Models are immutable; the *ME classes built over them are not, so each thread makes its own.
 */
public final class OpenNlpModels {

    static final String LANGUAGES = "/langdetect-183.bin";

    private static volatile OpenNlpModels shared;

    final LanguageDetectorModel languages;

    private OpenNlpModels() throws IOException {
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

    private static InputStream open(String resource) throws IOException {
        InputStream in = OpenNlpModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("OpenNLP model not on the classpath: " + resource);
        }
        return in;
    }
}
