package org.newsgraph.nlp;

import java.util.Properties;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Stanford CoreNLP's English models, loaded once per JVM and shared by every thread (CoreNLP's annotators are
 * thread-safe once loaded). Two passes: a cheap one (tokenize, ssplit, pos, lemma) over every sentence, and a deep
 * one (ner with SUTime and number normalisation, depparse with UD enhanced++ dependencies) over the sentences that
 * can hold an event. Loading takes about ten seconds.
 */
public final class CoreNlpPipeline {

    private static volatile CoreNlpPipeline shared;

    final StanfordCoreNLP split;
    final StanfordCoreNLP tag;
    final StanfordCoreNLP deep;

    private CoreNlpPipeline() {
        split = new StanfordCoreNLP(properties("tokenize,ssplit"));
        tag = new StanfordCoreNLP(properties("pos,lemma"));
        deep = new StanfordCoreNLP(properties("ner,depparse"));
    }

    /** The process-wide pipeline, loaded on first use. */
    public static CoreNlpPipeline get() {
        CoreNlpPipeline p = shared;
        if (p == null) {
            synchronized (CoreNlpPipeline.class) {
                p = shared;
                if (p == null) {
                    p = new CoreNlpPipeline();
                    shared = p;
                }
            }
        }
        return p;
    }

    /** The full pipeline as CoreNLP users run it (tokenize..depparse over every sentence): the bench's reference. */
    public static StanfordCoreNLP reference() {
        return new StanfordCoreNLP(properties("tokenize,ssplit,pos,lemma,ner,depparse"));
    }

    private static Properties properties(String annotators) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        // The passes run separately, over sentences the previous one chose.
        p.setProperty("enforceRequirements", "false");
        // A line break ends a sentence: ingestion keeps one paragraph per line.
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=true");
        // The 3-class model finds people, organisations and places; states, groups and demonyms are the gazetteer's.
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("ner.useSUTime", "true");
        p.setProperty("ner.applyNumericClassifiers", "true");
        p.setProperty("sutime.includeRange", "true");
        p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/english_UD.gz");
        return p;
    }
}
