package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;

/**
 * A hub's open safeguarding alerts from answers that came over the hourly limits through one
 * group or campaign invitation: a flood, most likely from a code that leaked, which a hub lead or
 * safeguarding lead may set aside together once they have looked at it.
 *
 * @param invitation the invitation the answers came through
 * @param label its label
 * @param kind a group session's or a campaign's
 * @param alerts how many of its alerts over the limits nobody has acknowledged
 * @param first when the first of them was raised
 * @param last when the last of them was raised: setting the flood aside takes none raised later
 * @param open whether the invitation's code is still open (its hub's lead or a safeguarding lead
 *     may close it: {@link Invitations#close})
 */
public record AlertFlood(
        UUID invitation, String label, InvitationKind kind, long alerts, Instant first, Instant last, boolean open) {}
