package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;

/**
 * Published in the transaction that saves a young person's feedback and its safeguarding alert,
 * so that the alert's mail is sent after the commit, and again after a crash or a mail failure,
 * while the alert itself never waits for the mail. Carries no words and no name.
 */
public record SafeguardingAlertRaised(UUID alert, UUID feedback, HubId hub, String reasons, Instant at) {}
