package org.earlyhelp.voice;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.voice.internal.AlertRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The mails a safeguarding alert sends: to whom, and whether the mail server really took them. */
@Component
class AlertMails {

    private static final Logger log = LoggerFactory.getLogger(AlertMails.class);

    private final VoiceProperties properties;
    private final AlertRepository alerts;
    private final Optional<JavaMailSender> mail;

    AlertMails(VoiceProperties properties, AlertRepository alerts, Optional<JavaMailSender> mail) {
        this.properties = properties;
        this.alerts = alerts;
        this.mail = mail;
    }

    /** The borough's duty address: as an administrator set it at /admin/alerts, else as configured. */
    @Nullable
    String dutyAddress() {
        return alerts.dutyAddress()
                .map(AlertRepository.DutySetting::address)
                .orElse(properties.configuredDutyAddress());
    }

    /**
     * Where to mail these people: a user name that is itself an e-mail address is used as it is,
     * others get the configured domain; anything that is not a valid address is left out and
     * logged, rather than failing the whole mail.
     */
    List<String> addresses(List<HubMember> people) {
        Set<String> to = new LinkedHashSet<>();
        for (HubMember m : people) {
            String address = m.username().contains("@") ? m.username() : m.username() + "@" + properties.domain();
            if (validAddress(address)) {
                to.add(address);
            } else {
                log.error("Cannot mail {}: {} is not a valid e-mail address", m.displayName(), address);
            }
        }
        return new ArrayList<>(to);
    }

    static boolean validAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * Sends a mail; true only if it was handed to the mail server. Without a mail server or anyone
     * to mail, false (and logged). A failure of the server is thrown, for the caller to retry.
     */
    boolean send(List<String> to, String subject, String text) {
        if (to.isEmpty()) {
            log.error("No one to mail for: {}", subject);
            return false;
        }
        if (mail.isEmpty()) {
            log.warn("No mail server configured (spring.mail.host): the alert is in the portal only: {}", subject);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.get().send(message);
            return true;
        } catch (MailException e) {
            throw new IllegalStateException("Could not mail the safeguarding alert; it will be tried again", e);
        }
    }
}
