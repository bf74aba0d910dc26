package org.newsgraph.extract;

import java.util.List;

/**
 * A noun phrase that names an agreement ("a comprehensive strategic partnership agreement", "the treaty"),
 * with what the sentence tells of it.
 *
 * @param text    the name as written, quotes removed
 * @param parties the states the sentence gives as its parties (signatories, "Russia-North Korea", "between X and Y")
 * @param date    the signing date when the sentence tells of the signing, or null
 * @param place   the signing place when the sentence tells of the signing, or null
 * @param signed  true when the sentence tells of its signing
 */
public record AgreementMention(String text, List<Entity> parties, String date, Entity place, Event.Evidence evidence,
                               boolean signed) {

    public AgreementMention {
        parties = List.copyOf(parties);
    }
}
