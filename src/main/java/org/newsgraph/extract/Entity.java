package org.newsgraph.extract;

import java.util.List;

/**
 * A gazetteer entry: a named thing with one canonical label.
 *
 * @param iri     its IRI in the graph
 * @param label   canonical label (skos:prefLabel)
 * @param kind    what kind of thing it is
 * @param actsFor the state or organisation it acts for (people, agencies, armed forces), or null
 * @param seatOf  the government its name stands for when it acts (capitals, the Kremlin), or null
 * @param country the state a place lies in, or null
 * @param members member states of a group, empty otherwise
 * @param controlledBy the state that holds a place it does not lie in (an occupied region), or null
 * @param concerns     the state a sanctions regime or resolution series is about, or null
 * @param earlierSeatOf a dissolved state this place was the seat of ("Moscow" for the Soviet Union), or null
 * @param dissolvedIn  the year a state dissolved, or null
 */
public record Entity(String iri, String label, EntityKind kind, String actsFor, String seatOf, String country,
                     List<String> members, String controlledBy, String concerns, String earlierSeatOf, Integer dissolvedIn) {

    public Entity {
        members = List.copyOf(members);
    }

    public Entity(String iri, String label, EntityKind kind, String actsFor, String seatOf, String country, List<String> members) {
        this(iri, label, kind, actsFor, seatOf, country, members, null, null, null, null);
    }

    public static Entity unresolved(String iri, String label) {
        return new Entity(iri, label, EntityKind.UNRESOLVED, null, null, null, List.of());
    }

    public boolean isPlace() {
        return kind == EntityKind.PLACE;
    }
}
