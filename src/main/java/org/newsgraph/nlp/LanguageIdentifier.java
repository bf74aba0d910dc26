package org.newsgraph.nlp;

/** Tells which language a text is written in, as an ISO 639-3 code ("eng"). */
public interface LanguageIdentifier {

    /** The most likely language and its confidence in [0,1]. */
    Guess identify(CharSequence text);

    record Guess(String language, double confidence) {
    }
}
