package org.newsgraph.extract;

import java.util.Locale;

/** How an event is told: as fact, as a plan, as a possibility, or denied (events.md). */
public enum Modality {
    ASSERTED, PLANNED, POSSIBLE, DENIED;

    /** The lower-case name used in the graph and in gold files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
