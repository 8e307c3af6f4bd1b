package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * Identifies a request for early help for a family, from submission to its decision.
 *
 * <p>Written in events and JSON as the bare UUID, as before it had a type of its own, so events
 * stored earlier still read.
 */
public record RequestId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RequestId {
        requireNonNull(value, "RequestId");
    }

    /** A new, random id. */
    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    /**
     * The id written as text, as in a page's address.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static RequestId parse(String text) {
        return new RequestId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
