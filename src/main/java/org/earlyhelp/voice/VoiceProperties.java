package org.earlyhelp.voice;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the voice module, under {@code earlyhelp.voice}.
 *
 * @param alertWords words in free text that raise a safeguarding alert
 * @param acknowledgeWithin how long an alert may wait before it escalates (default 30 minutes)
 * @param mailDomain alerts are mailed to {@code <user name>@<mailDomain>} (default earlyhelp.example)
 * @param mailFrom the sender of alert mails
 * @param invitationDays how long an invitation stays open by default (default 30)
 * @param publicBaseUrl the address the links and QR codes point at
 * @param escalateAgainEvery how often an unacknowledged alert is mailed to the hub's leads again
 *     (default 30 minutes)
 * @param dutyAfter how long after the first escalation an alert still unacknowledged reaches the
 *     borough's duty address (default 30 minutes)
 * @param dutyAddress the borough's duty address when the administrator has set none in the portal
 * @param answersPerAddressPerHour how many answers one network address may send in an hour
 *     (default 120: a class answering a survey in a school shares one address; a flood is stopped)
 * @param floodAlertMailsPerHour how many alerts from answers over the hourly limits are mailed to a
 *     hub's safeguarding leads on their own in an hour (default 10); later ones in that hour are on
 *     the alerts page and escalate with the others, one mail per hub and round
 */
@ConfigurationProperties("earlyhelp.voice")
public record VoiceProperties(
        @Nullable List<String> alertWords,
        @Nullable Duration acknowledgeWithin,
        @Nullable String mailDomain,
        @Nullable String mailFrom,
        @Nullable Integer invitationDays,
        @Nullable String publicBaseUrl,
        @Nullable Integer answersPerAddressPerHour,
        @Nullable Duration escalateAgainEvery,
        @Nullable Duration dutyAfter,
        @Nullable String dutyAddress,
        @Nullable Integer floodAlertMailsPerHour) {

    public int floodMailsPerHour() {
        return floodAlertMailsPerHour == null ? 10 : floodAlertMailsPerHour;
    }

    public Duration repeatEscalation() {
        return escalateAgainEvery == null ? Duration.ofMinutes(30) : escalateAgainEvery;
    }

    public Duration toDutyAfter() {
        return dutyAfter == null ? Duration.ofMinutes(30) : dutyAfter;
    }

    public @Nullable String configuredDutyAddress() {
        return dutyAddress == null || dutyAddress.isBlank() ? null : dutyAddress.strip();
    }

    public int perAddressPerHour() {
        return answersPerAddressPerHour == null ? 120 : answersPerAddressPerHour;
    }

    public List<String> words() {
        return alertWords == null || alertWords.isEmpty()
                ? List.of(
                        "hurt me",
                        "hits me",
                        "hit me",
                        "scared",
                        "not safe",
                        "unsafe",
                        "kill myself",
                        "suicide",
                        "self harm",
                        "self-harm",
                        "abuse",
                        "touched me",
                        "run away",
                        "hate myself")
                : alertWords;
    }

    public Duration acknowledge() {
        return acknowledgeWithin == null ? Duration.ofMinutes(30) : acknowledgeWithin;
    }

    public String domain() {
        return mailDomain == null || mailDomain.isBlank() ? "earlyhelp.example" : mailDomain;
    }

    public String from() {
        return mailFrom == null || mailFrom.isBlank() ? "alerts@earlyhelp.example" : mailFrom;
    }

    public int days() {
        return invitationDays == null ? 30 : invitationDays;
    }

    /** The configured public address, without a trailing slash; empty when none is set (production refuses to start so). */
    public Optional<String> publicAddress() {
        return publicBaseUrl == null || publicBaseUrl.isBlank()
                ? Optional.empty()
                : Optional.of(publicBaseUrl.strip().replaceAll("/+$", ""));
    }
}
