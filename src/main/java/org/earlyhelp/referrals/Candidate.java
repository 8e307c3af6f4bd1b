package org.earlyhelp.referrals;

/**
 * Someone who could lead a family's early help: a member of the hub's team with capacity.
 *
 * @param caseload how many open cases they lead in this hub now
 * @param capacity how many they can lead
 */
public record Candidate(String username, String displayName, String organisationName, int caseload, int capacity) {

    public boolean hasRoom() {
        return caseload < capacity;
    }
}
