package org.earlyhelp.referrals;

/** How a family member is related to the family's children. */
public enum Relationship {
    CHILD,
    PARENT,
    STEP_PARENT,
    GRANDPARENT,
    CARER,
    OTHER_ADULT;

    public boolean isChild() {
        return this == CHILD;
    }
}
