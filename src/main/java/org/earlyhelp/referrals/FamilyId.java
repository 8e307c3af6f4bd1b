package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifies a family known to early help, whose requests and cases it holds.
 *
 * <p>Written in events and JSON as the bare UUID, as before it had a type of its own, so events
 * stored earlier still read.
 */
public record FamilyId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FamilyId {
        requireNonNull(value, "FamilyId");
    }

    /** A new, random id. */
    public static FamilyId random() {
        return new FamilyId(UUID.randomUUID());
    }

    /**
     * The id written as text, as in a page's address.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static FamilyId parse(String text) {
        return new FamilyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
