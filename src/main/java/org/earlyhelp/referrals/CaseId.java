package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifies a family's case file: the early help a lead practitioner leads, from allocation to
 * closure.
 *
 * <p>Written in events and JSON as the bare UUID, as before it had a type of its own, so events
 * stored earlier still read.
 */
public record CaseId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CaseId {
        requireNonNull(value, "CaseId");
    }

    /** A new, random id. */
    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    /**
     * The id written as text, as in a page's address.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static CaseId parse(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
