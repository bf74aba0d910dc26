package org.newsgraph.extract;

/** What kind of thing an entity is, as far as the extraction rules care. */
public enum EntityKind {
    STATE, ORGANIZATION, BODY, STATE_GROUP, AGENCY, ARMED_FORCE, OUTLET, THINK_TANK, PERSON, PLACE, RESOLUTION, AGREEMENT,
    UNRESOLVED;

    /** Can act in public affairs on its own account (as opposed to only reporting or being a place). */
    public boolean canAct() {
        return this == STATE || this == ORGANIZATION || this == BODY || this == STATE_GROUP;
    }
}
