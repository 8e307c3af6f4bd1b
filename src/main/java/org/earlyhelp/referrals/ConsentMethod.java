package org.earlyhelp.referrals;

/** How consent to share information was given. */
public enum ConsentMethod {
    IN_PERSON,
    PHONE,
    WRITTEN,
    ELECTRONIC
}
