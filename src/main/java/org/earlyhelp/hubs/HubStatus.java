package org.earlyhelp.hubs;

/** Where a hub is in the borough's roll-out of the place-based model. */
public enum HubStatus {
    PLANNED,
    PILOT,
    LIVE
}
