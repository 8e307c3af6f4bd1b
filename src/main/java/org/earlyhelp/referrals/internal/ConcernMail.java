package org.earlyhelp.referrals.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.ConcernToCheck;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.SafeguardingConcernRecorded;
import org.earlyhelp.referrals.SteppedUp;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.voice.SafeguardingMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a hub's safeguarding leads and hub leads at once that a safeguarding concern was recorded
 * for their hub, and the borough's duty address too when the practitioner said they had not
 * contacted the front door. After the commit, from the event publication registry: while the mail
 * server is down the listener fails and is tried again, and a second delivery mails nobody twice.
 * The mail names the referrer, never the child, and carries none of what they wrote.
 *
 * <p>A step-up to children's social care (a hub's decision, or an open case stepped up) is mailed
 * in the same way to the hub's safeguarding leads and hub leads, and to the borough's duty address
 * when the person who stepped the family up said they had not contacted the front door: from then
 * on nobody in early help works with the family, so the front door must have it.
 */
@Component
class ConcernMail {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.UK).withZone(WorkingCalendar.LONDON);

    private final ConcernCheckRepository checks;
    private final SafeguardingMail mail;
    private final HubDirectory hubs;
    private final Clock clock;

    ConcernMail(ConcernCheckRepository checks, SafeguardingMail mail, HubDirectory hubs, Clock clock) {
        this.checks = checks;
        this.mail = mail;
        this.hubs = hubs;
        this.clock = clock;
    }

    /** The hub's name for a mail, read with nobody signed in. */
    static String hubName(HubDirectory hubs, HubId hub) {
        return hubs.publicName(hub).orElse(hub.value());
    }

    @ApplicationModuleListener
    void mail(SafeguardingConcernRecorded recorded) {
        // Gone (erased), or mailed already by an earlier delivery of the same event.
        ConcernToCheck concern = checks.find(recorded.request()).orElse(null);
        if (concern == null || concern.mailedTo() != null) {
            return;
        }
        String hub = hubName(hubs, recorded.hub());
        String referrer = concern.referrerOrganisation() == null
                ? concern.referrerName()
                : concern.referrerName() + " (" + concern.referrerOrganisation() + ")";
        mailHub(
                recorded.request(),
                recorded.hub(),
                recorded.frontDoorContacted(),
                "safeguarding concern recorded in the " + hub + " hub",
                referrer + " recorded a safeguarding concern in Early Help at " + WHEN.format(recorded.at())
                        + ": a child in the " + hub + " hub may be at risk of significant harm.",
                "A lead of the hub must check with the front door that it has the concern, and record that in"
                        + " Early Help (the hub's queue: safeguarding concerns and step-ups to check). The child's"
                        + " name and the concern are not in this e-mail.");
    }

    @ApplicationModuleListener
    void mailStepUp(SteppedUp steppedUp) {
        // A concern is mailed above; a step-up recorded before checks began has no row.
        ConcernToCheck stepUp = checks.find(steppedUp.request()).orElse(null);
        if (stepUp == null || stepUp.kind() != ConcernToCheck.Kind.STEP_UP || stepUp.mailedTo() != null) {
            return;
        }
        String hub = hubName(hubs, steppedUp.hub());
        mailHub(
                steppedUp.request(),
                steppedUp.hub(),
                stepUp.frontDoorContacted(),
                "Family stepped up to children's social care in the " + hub + " hub: check the front door has it",
                stepUp.referrerName() + " stepped a family in the " + hub + " hub up to children's social care at "
                        + WHEN.format(steppedUp.at()) + (steppedUp.caseId() == null ? "" : ", closing its early help")
                        + ". Nobody in early help works with the family now: until the front door takes it on,"
                        + " nobody does.",
                "A lead of the hub must check with the front door that it has the step-up, and record that in"
                        + " Early Help (the hub's queue: safeguarding concerns and step-ups to check). The family's"
                        + " names and the reasons are not in this e-mail.");
    }

    /**
     * Mails the hub's safeguarding leads and hub leads, and the borough's duty address too when the
     * front door was not contacted, saying which; then records who was mailed, when anyone was, so
     * that a later delivery of the same event mails nobody.
     */
    private void mailHub(
            RequestId request, HubId hub, boolean frontDoorContacted, String subject, String what, String toDo) {
        List<String> to = mail.toHub(
                hub,
                !frontDoorContacted,
                (frontDoorContacted ? "" : "FRONT DOOR NOT YET CONTACTED: ") + subject,
                what + "\n\n"
                        + (frontDoorContacted
                                ? "They said they had already contacted the front door."
                                : "They said they had NOT yet contacted the front door. This mail goes to the"
                                        + " borough's duty address too.")
                        + "\n\n" + toDo);
        if (!to.isEmpty()) {
            checks.markMailed(request, String.join(", ", to), clock.instant());
        }
    }
}
