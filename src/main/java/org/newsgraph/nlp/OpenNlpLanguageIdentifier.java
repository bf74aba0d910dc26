package org.newsgraph.nlp;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/** Language identification with OpenNLP's langdetect model (103 languages). Not thread-safe. */
public final class OpenNlpLanguageIdentifier implements LanguageIdentifier {

    private final LanguageDetectorME detector;

    private OpenNlpLanguageIdentifier(OpenNlpModels models) {
        detector = new LanguageDetectorME(models.languages);
    }

    public static OpenNlpLanguageIdentifier create(OpenNlpModels models) {
        return new OpenNlpLanguageIdentifier(models);
    }

    @Override
    public Guess identify(CharSequence text) {
        Language best = detector.predictLanguage(text);
        return new Guess(best.getLang(), best.getConfidence());
    }
}
