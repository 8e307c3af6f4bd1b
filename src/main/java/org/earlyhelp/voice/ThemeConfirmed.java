package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;

/**
 * Published when staff have confirmed the theme of a piece of feedback (for example "feeling
 * listened to", "distance from home"). Carries no words of the feedback and nothing that names
 * who gave it.
 *
 * @param feedback the feedback
 * @param hub the hub it was given in
 * @param theme the confirmed theme, in plain words
 * @param at when it was confirmed
 */
public record ThemeConfirmed(UUID feedback, HubId hub, String theme, Instant at) {}
