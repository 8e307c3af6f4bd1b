package org.earlyhelp.referrals;

/** A level on the continuum of need. */
public enum NeedLevel {
    /** 1: universal services meet the need. */
    UNIVERSAL,
    /** 2: single-agency early help. */
    SINGLE_AGENCY,
    /** 3: targeted, multi-agency early help. */
    TARGETED,
    /** 4: statutory or specialist services. */
    SPECIALIST;

    public int number() {
        return ordinal() + 1;
    }
}
