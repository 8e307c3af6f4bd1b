package org.earlyhelp.voice;

import java.time.Instant;
import org.earlyhelp.shared.HubId;

/** A "you said, we did" answer as published on a hub's public page: no names, no personal data. */
public record PublishedAnswer(HubId hub, String theme, String youSaid, String weDid, Instant publishedAt) {}
