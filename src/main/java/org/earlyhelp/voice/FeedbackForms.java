package org.earlyhelp.voice;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.PlainText;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.AnswerLimits;
import org.earlyhelp.voice.internal.FeedbackRepository;
import org.earlyhelp.voice.internal.SealedIdentities;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback given through an invitation, with no account. The feedback and the event that raises
 * any safeguarding alert are saved in one transaction before the thank-you page is shown, so an
 * alert survives a crash between the two. Submissions are limited per address (an IPv6 /64 counts
 * as one) and per code, counting accepted answers only; an answer that raises a safeguarding alert
 * is saved even over the limits, and flagged.
 */
@Service
public class FeedbackForms {

    /** Longest answer to one question. */
    public static final int MAX_TEXT = 2000;

    private static final int PER_CODE_PER_HOUR = 600;

    private final FeedbackRepository feedback;
    private final Invitations invitations;
    private final VoiceProperties properties;
    private final ApplicationEventPublisher events;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final AnswerLimits limits;
    private final SafeguardingAlerts alerts;
    private final SealedIdentities sealed;

    FeedbackForms(
            FeedbackRepository feedback,
            AnswerLimits limits,
            Invitations invitations,
            SafeguardingAlerts alerts,
            SealedIdentities sealed,
            VoiceProperties properties,
            ApplicationEventPublisher events,
            CurrentUsers currentUsers,
            Clock clock) {
        this.currentUsers = currentUsers;
        this.feedback = feedback;
        this.invitations = invitations;
        this.alerts = alerts;
        this.sealed = sealed;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.limits = limits;
    }

    /** What the person is told once their feedback is saved. */
    public record Received(UUID feedback, boolean safeguarding) {}

    /** Why feedback was not taken. */
    public static class NotTaken extends RuntimeException {
        private final Map<String, Message> messages;

        NotTaken(Map<String, Message> messages) {
            super(messages.values().stream().map(Message::english).collect(Collectors.joining(" ")));
            this.messages = Map.copyOf(messages);
        }

        /** Each problem in English, by field. */
        public Map<String, String> problems() {
            Map<String, String> english = new LinkedHashMap<>();
            messages.forEach((field, message) -> english.put(field, message.english()));
            return english;
        }

        /** Each problem by field, for the page to say in the person's language. */
        public Map<String, Message> messages() {
            return messages;
        }
    }

    /**
     * Saves feedback given with an invitation's code.
     *
     * @param address where it came from, for rate limiting only (not stored)
     * @throws NotTaken with plain words for each problem; nothing is saved
     */
    @Transactional
    public Received submit(String code, FeedbackDraft draft, String address) {
        Invitation invitation = invitations
                .open(code)
                .orElseThrow(() -> new NotTaken(Map.of("code", new Message("voice.problem.code-closed"))));
        Map<String, Message> problems = new LinkedHashMap<>();
        AgeBand band = draft.ageBand() != null ? draft.ageBand() : invitation.ageBand();
        Mode mode = draft.mode() == null ? Mode.ANONYMOUS : draft.mode();
        if (band == null) {
            problems.put("ageBand", new Message("voice.problem.choose-form"));
        }
        String name = blankToNull(draft.name());
        if (mode != Mode.ANONYMOUS && (name == null || name.length() > 60)) {
            problems.put("name", new Message("voice.problem.name"));
        }
        if (draft.mood() != null && (draft.mood() < 1 || draft.mood() > 5)) {
            problems.put("mood", new Message("voice.problem.face"));
        }
        String[][] texts = {
            {"helping", draft.helping()},
            {"change", draft.change()},
            {"worker", draft.worker()},
            {"anything", draft.anything()},
            {"contact", draft.contact()}
        };
        for (String[] text : texts) {
            if (text[1] != null && text[1].length() > MAX_TEXT) {
                problems.put(text[0], new Message("voice.problem.too-long", MAX_TEXT));
            } else if (PlainText.hasControlCharacters(text[1])) {
                problems.put(text[0], new Message("voice.problem.letters"));
            }
        }
        if (PlainText.hasControlCharacters(name)) {
            problems.put("name", new Message("voice.problem.name-letters"));
        }
        boolean answered = draft.feelSafe() != null
                || draft.mood() != null
                || blankToNull(draft.helping()) != null
                || blankToNull(draft.change()) != null
                || blankToNull(draft.worker()) != null
                || blankToNull(draft.anything()) != null;
        if (!answered) {
            problems.put("mood", new Message("voice.problem.answer-one"));
        }
        if (!problems.isEmpty()) {
            throw new NotTaken(problems);
        }
        List<Message> concerns = concerns(draft);
        // The address first, so that one address cannot use up a class's code; only accepted
        // answers count; an answer that raises a safeguarding alert is never refused.
        String addressKey = "address:" + AnswerLimits.addressKey(address);
        String codeKey = "code:" + invitation.code();
        boolean overLimit = !limits.wouldAllow(addressKey, properties.perAddressPerHour())
                || !limits.wouldAllow(codeKey, PER_CODE_PER_HOUR);
        if (overLimit && concerns.isEmpty()) {
            throw new NotTaken(Map.of("code", new Message("voice.problem.busy")));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        feedback.insert(new FeedbackRepository.NewFeedback(
                id,
                invitation.id(),
                invitation.hub(),
                invitation.caseId(),
                requireNonNull(band),
                mode,
                mode == Mode.NAMED ? name : null,
                draft.feelSafe(),
                draft.mood(),
                blankToNull(draft.helping()),
                blankToNull(draft.change()),
                blankToNull(draft.worker()),
                blankToNull(draft.anything()),
                concerns.isEmpty() ? null : Concerns.english(concerns),
                now,
                overLimit));
        if (!concerns.isEmpty()) {
            // Saved with the feedback, whatever happens to mail afterwards.
            List<Message> reasons = new ArrayList<>(concerns);
            if (overLimit) {
                reasons.add(Concerns.overLimit());
            }
            alerts.raise(id, invitation.hub(), Concerns.english(reasons));
        }
        // A pseudonymous name is sealed; a named person's way to be told is kept beside it, read
        // only when an answer on their feedback's theme is published.
        if (mode == Mode.PSEUDONYMOUS || (mode == Mode.NAMED && blankToNull(draft.contact()) != null)) {
            feedback.sealIdentity(id, sealed.seal(name), sealed.seal(blankToNull(draft.contact())));
        }
        // A young person signed in with their own account, not anonymous, can see this again later.
        currentUsers
                .find()
                .filter(u -> u.has(Role.YOUNG_PERSON))
                .filter(u -> mode != Mode.ANONYMOUS)
                .ifPresent(u -> feedback.linkAccount(id, u.username()));
        events.publishEvent(new FeedbackReceived(
                id,
                invitation.hub(),
                invitation.caseId(),
                now,
                draft.mood(),
                !concerns.isEmpty(),
                concerns.isEmpty() ? null : Concerns.english(concerns),
                mode == Mode.NAMED ? name : null,
                mode == Mode.NAMED && invitation.caseId() != null ? words(draft) : null));
        // Last, so that the invitation's row, which every answer on the same code updates, is locked
        // only until the commit: a class answering one survey does not wait on each other's events.
        feedback.countAnswer(invitation.id());
        countInThisTransaction(addressKey, codeKey);
        return new Received(id, !concerns.isEmpty());
    }

    /** Why this feedback must raise a safeguarding alert: the direct question, then the words. */
    List<Message> concerns(FeedbackDraft draft) {
        List<Message> concerns = new ArrayList<>();
        if (draft.feelSafe() == FeelSafe.NO) {
            concerns.add(Concerns.notSafe());
        } else if (draft.feelSafe() == FeelSafe.NOT_SURE) {
            concerns.add(Concerns.notSure());
        }
        String text = String.join(
                        " ",
                        nonNull(draft.helping()),
                        nonNull(draft.change()),
                        nonNull(draft.worker()),
                        nonNull(draft.anything()))
                .toLowerCase(Locale.ROOT);
        for (String word : properties.words()) {
            if (text.contains(word.toLowerCase(Locale.ROOT))) {
                concerns.add(Concerns.wrote(word));
            }
        }
        return concerns;
    }

    private static void addWritten(List<String> parts, String heading, @Nullable String written) {
        String text = blankToNull(written);
        if (text != null) {
            parts.add(heading + text.strip());
        }
    }

    private static @Nullable String words(FeedbackDraft draft) {
        List<String> parts = new ArrayList<>();
        addWritten(parts, "What is helping: ", draft.helping());
        addWritten(parts, "What should change: ", draft.change());
        addWritten(parts, "About their worker: ", draft.worker());
        addWritten(parts, "Anything else: ", draft.anything());
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /**
     * Counts the answer against its address and code, in the transaction that saves it: if the
     * answer is not saved, it is not counted.
     */
    private void countInThisTransaction(String... keys) {
        for (String key : keys) {
            limits.record(key);
        }
    }

    /** Forgets codes and addresses with no answer in the last hour ({@code VoiceSchedule} runs it). */
    void forgetOldLimits() {
        limits.forgetOld();
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
