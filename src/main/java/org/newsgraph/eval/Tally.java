package org.newsgraph.eval;

/** True positives, false positives and false negatives, with precision, recall and F1. */
public final class Tally {
    int tp;
    int fp;
    int fn;

    void add(int tp, int fp, int fn) {
        this.tp += tp;
        this.fp += fp;
        this.fn += fn;
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public int truePositives() {
        return tp;
    }

    public int falsePositives() {
        return fp;
    }

    public int falseNegatives() {
        return fn;
    }
}
