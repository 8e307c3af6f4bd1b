package org.earlyhelp.voice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.HubId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mail about a child's safety that did not come from a young person's feedback (a practitioner's
 * safeguarding concern): to a hub's safeguarding leads and hub leads, and to the borough's duty
 * address (set at {@code /admin/alerts}) where asked, through the same mail server and addresses as
 * the alerts. The caller writes the mail, and puts no child's name or words in it. For listeners
 * that run without a signed-in person.
 */
@Component
public class SafeguardingMail {

    private static final Logger log = LoggerFactory.getLogger(SafeguardingMail.class);

    private final AlertMails mails;
    private final HubTeams teams;

    SafeguardingMail(AlertMails mails, HubTeams teams) {
        this.mails = mails;
        this.teams = teams;
    }

    /**
     * Mails the hub's safeguarding leads and hub leads, and the borough's duty address too when
     * {@code andDuty} (and one is set).
     *
     * @return the addresses the mail server took the mail for; empty when it was not sent (no mail
     *     server, nobody to mail), which is logged
     * @throws IllegalStateException when the mail server failed, for the caller to try again
     */
    public List<String> toHub(HubId hub, boolean andDuty, String subject, String text) {
        List<HubMember> people = new ArrayList<>(teams.safeguardingLeads(hub));
        people.addAll(teams.hubLeads(hub));
        Set<String> to = new LinkedHashSet<>(mails.addresses(people));
        if (andDuty) {
            String duty = mails.dutyAddress();
            if (duty != null) {
                to.add(duty);
            } else {
                log.error("No borough duty address is set (an administrator sets it at /admin/alerts): {}", subject);
            }
        }
        List<String> addresses = List.copyOf(to);
        return mails.send(addresses, subject, text) ? addresses : List.of();
    }
}
