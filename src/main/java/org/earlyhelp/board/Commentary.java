package org.earlyhelp.board;

import java.time.Instant;

/** A section's commentary as last saved; {@code version} guards against overwriting another's edit. */
public record Commentary(String text, String writtenBy, Instant writtenAt, int version) {}
