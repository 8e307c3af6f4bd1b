package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;

/**
 * Published when a practitioner recorded a safeguarding concern through the request form's shutter:
 * a child may be at risk of significant harm. Its hub's safeguarding leads and hub leads are mailed
 * from it, after the commit and again until the mail server takes the mail; the concern waits for a
 * lead of the hub to check it with the front door ({@link ConcernChecks}). It names no child.
 *
 * @param frontDoorContacted whether the practitioner said they had already contacted the front door
 */
public record SafeguardingConcernRecorded(RequestId request, HubId hub, boolean frontDoorContacted, Instant at) {}
