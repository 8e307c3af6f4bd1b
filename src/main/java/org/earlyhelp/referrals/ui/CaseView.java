package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.earlyhelp.referrals.ActionStatus;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.CaseSupervision;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.Invitations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One family's early help: the team, the assessment, the plan, reviews, the work log, and
 * closure. The lead practitioner and the hub lead change it; the team logs their work.
 */
@Route("cases/:id")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class CaseView extends Page implements BeforeEnterObserver {

    private final transient Cases cases;
    private final transient Clock clock;
    private final transient Invitations invitations;
    private final transient CaseSupervision supervision;
    private final int oversightWeeks;
    private final CurrentUser user;
    // Set by beforeEnter, which Vaadin runs before the page is shown or used.
    @SuppressWarnings("NullAway.Init")
    private UUID id;

    // Set by beforeEnter, which Vaadin runs before the page is shown or used.
    @SuppressWarnings("NullAway.Init")
    private CaseRecord record;

    CaseView(
            Cases cases,
            Invitations invitations,
            CaseSupervision supervision,
            ReferralsProperties properties,
            CurrentUsers currentUsers,
            Clock clock) {
        super("");
        this.clock = clock;
        this.cases = cases;
        this.invitations = invitations;
        this.supervision = supervision;
        this.oversightWeeks = properties.oversight();
        this.user = currentUsers.require();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID routed = idFrom(event);
        if (routed == null) {
            return;
        }
        id = routed;
        try {
            refresh();
        } catch (AccessDeniedException e) {
            event.rerouteToError(e, e.getMessage());
        }
    }

    private void refresh() {
        record = cases.caseRecord(id);
        getChildren().skip(1).toList().forEach(this::remove);
        setHeading(t("case.title", record.familyLabel()));
        // A case file auditor reads the case and changes nothing.
        boolean leads = !record.auditing()
                && (record.lead().equals(user.username())
                        || (user.has(Role.HUB_LEAD) && user.hubs().contains(record.hub())));

        Section summary = new Section();
        summary.addClassName("home-section");
        summary.setId("case-summary");
        summary.add(new Paragraph(t("case.lead", record.leadName(), Texts.day(record.allocatedAt()))));
        if (!record.team().isEmpty()) {
            summary.add(new Paragraph(t(
                    "case.team",
                    String.join(
                            ", ",
                            record.team().stream()
                                    .map(m -> m.displayName()
                                            + (m.organisation() == null ? "" : " (" + m.organisation() + ")"))
                                    .toList()))));
        }
        if (!record.children().isEmpty()) {
            summary.add(new Paragraph(t(
                    "case.children",
                    String.join(
                            ", ",
                            record.children().stream().map(c -> c.givenName()).toList()))));
        }
        summary.add(new Paragraph(
                record.open()
                        ? status()
                        : t(
                                "case.closed",
                                Texts.day(record.closedAt()),
                                Texts.label("closure", record.closeReason()))));
        if (record.restricted()) {
            Paragraph restricted = new Paragraph(t("case.restricted"));
            restricted.addClassName("badge-overdue");
            summary.add(restricted);
        }
        Instant auditReadUntil = record.auditReadUntil();
        if (auditReadUntil == null) {
            summary.add(new Anchor("families/" + record.family(), t("case.family-link")));
        } else {
            Paragraph auditing = new Paragraph(t("case.audit-read", Texts.day(auditReadUntil)));
            auditing.setId("case-audit-read");
            auditing.addClassName("notice");
            summary.add(auditing);
        }
        add(summary);

        // Sections under headings rather than tabs: every part of the case is one scroll and one
        // heading away, for keyboards and screen readers alike.
        section(t("case.tab.assessment"), assessment(leads));
        section(t("case.tab.plan"), plan(leads));
        section(t("case.tab.reviews"), reviews(leads));
        section(t("case.tab.log"), workLog());
        section(t("case.tab.voice"), voice(leads));
        boolean supervises = leads && user.has(Role.HUB_LEAD) && user.hubs().contains(record.hub()) && record.open();
        section(
                t("case.tab.oversight"),
                new SupervisionSection(supervision, id, supervises, today(), oversightWeeks, this::act));
        section(t("case.tab.close"), closure(leads));
    }

    private void section(String heading, Component content) {
        // Focusable by script only: where focus returns after saving from this section.
        H2 title = Focus.focusableHeading(new H2(heading));
        Section section = new Section(title, content);
        section.addClassName("case-section");
        add(section);
    }

    private String status() {
        if (!record.assessed()) {
            return t("case.assessment-due", Texts.day(record.assessmentDue()));
        }
        return record.nextReviewDue() == null ? "" : t("case.review-due", Texts.day(record.nextReviewDue()));
    }

    // ---- assessment ----------------------------------------------------------------------------

    private Component assessment(boolean leads) {
        Div tab = new Div();
        tab.setId("tab-assessment");
        if (record.assessed()) {
            tab.add(new Paragraph(t("assessment.done", Texts.day(record.assessedAt()))));
            for (CaseRecord.Assessment a : record.assessment()) {
                tab.add(new H3(getTranslation(a.area().key())));
                UnorderedList list = new UnorderedList();
                list.add(new ListItem(t("assessment.strengths") + ": " + a.strengths()));
                list.add(new ListItem(t("assessment.worries") + ": " + a.worries()));
                list.add(new ListItem(
                        a.childSays() != null
                                ? t("assessment.child-says") + ": " + a.childSays()
                                : t("assessment.not-seen") + ": " + a.childNotSeenReason()));
                list.add(new ListItem(t("assessment.parents-say") + ": " + a.parentsSay()));
                tab.add(list);
            }
            return tab;
        }
        if (!leads || !record.open()) {
            tab.add(new Paragraph(t("assessment.not-yet")));
            return tab;
        }
        tab.add(new Paragraph(t("assessment.intro", Texts.day(record.assessmentDue()))));
        Map<OutcomeArea, TextArea[]> fields = new EnumMap<>(OutcomeArea.class);
        Map<String, Component> byKey = new LinkedHashMap<>();
        for (Map.Entry<OutcomeArea, String> need : record.needs().entrySet()) {
            String slug = need.getKey().name().toLowerCase(Locale.ROOT);
            tab.add(new H3(getTranslation(need.getKey().key())));
            tab.add(new Paragraph(t("assessment.referrer-said", need.getValue())));
            TextArea strengths = area(t("assessment.strengths"), "assess-" + slug + "-strengths");
            TextArea worries = area(t("assessment.worries"), "assess-" + slug + "-worries");
            TextArea child = area(t("assessment.child-says"), "assess-" + slug + "-child");
            TextArea notSeen = area(t("assessment.not-seen"), "assess-" + slug + "-not-seen");
            notSeen.setHelperText(t("assessment.not-seen-help"));
            TextArea parents = area(t("assessment.parents-say"), "assess-" + slug + "-parents");
            fields.put(need.getKey(), new TextArea[] {strengths, worries, child, notSeen, parents});
            byKey.put(need.getKey().name(), strengths);
            tab.add(strengths, worries, child, notSeen, parents);
        }
        Paragraph errors = errors();
        Button save = new Button(t("assessment.save"), e -> {
            List<CaseRecord.Assessment> entries = new ArrayList<>();
            fields.forEach((area, f) -> entries.add(new CaseRecord.Assessment(
                    area, f[0].getValue(), f[1].getValue(), f[2].getValue(), f[3].getValue(), f[4].getValue())));
            act(() -> cases.assess(id, record.version(), entries), byKey, errors, t("assessment.saved"));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-assessment");
        tab.add(errors, save);
        return tab;
    }

    // ---- plan ----------------------------------------------------------------------------------

    private Component plan(boolean leads) {
        Div tab = new Div();
        tab.setId("tab-plan");
        if (record.plan().isEmpty()) {
            tab.add(new Paragraph(record.assessed() ? t("plan.empty") : t("plan.after-assessment")));
        }
        for (CaseRecord.PlanOutcome o : record.plan()) {
            tab.add(new H3(getTranslation(o.area().key())));
            tab.add(new Paragraph(
                    o.outcome() + (o.latestScore() == null ? "" : " · " + t("plan.score", o.latestScore()))));
            if (!o.actions().isEmpty()) {
                Grid<CaseRecord.Action> actions = new Grid<>();
                actions.addColumn(CaseRecord.Action::action).setHeader(t("plan.action"));
                actions.addColumn(CaseRecord.Action::owner)
                        .setHeader(t("plan.owner"))
                        .setAutoWidth(true);
                actions.addColumn(a -> Texts.day(a.due()))
                        .setHeader(t("plan.due"))
                        .setAutoWidth(true);
                actions.addComponentColumn(a -> {
                            Select<ActionStatus> status = new Select<>();
                            status.setItems(ActionStatus.values());
                            status.setItemLabelGenerator(s -> Texts.label("action-status", s));
                            status.setValue(a.status());
                            status.setAriaLabel(t("plan.status-of", a.action()));
                            status.setEnabled(record.open());
                            status.addValueChangeListener(e -> {
                                if (e.isFromClient()) {
                                    act(
                                            () -> cases.setActionStatus(a.id(), a.version(), e.getValue()),
                                            Map.of(),
                                            null,
                                            t("plan.status-saved"));
                                }
                            });
                            return status;
                        })
                        .setHeader(t("plan.status"))
                        .setAutoWidth(true);
                actions.setItems(o.actions());
                actions.setAllRowsVisible(true);
                actions.setAriaLabel(
                        t("plan.actions-for", getTranslation(o.area().key())));
                tab.add(actions);
            }
        }
        if (!leads || !record.open() || !record.assessed()) {
            return tab;
        }
        // The forms are built when their disclosure is first opened: the case reads as a record,
        // and a session resting on it does not hold every form.
        tab.add(disclosure("open-add-outcome", t("plan.add-outcome"), this::outcomeForm));
        if (!record.plan().isEmpty()) {
            tab.add(disclosure("open-add-action", t("plan.add-action"), this::actionForm));
        }
        return tab;
    }

    private Component outcomeForm() {
        Select<OutcomeArea> area = new Select<>();
        area.setLabel(t("plan.need"));
        area.setItems(record.needs().keySet());
        area.setItemLabelGenerator(a -> getTranslation(a.key()));
        area.setId("outcome-area");
        TextField outcome = new TextField(t("plan.outcome"));
        outcome.setWidthFull();
        outcome.setId("outcome-text");
        Paragraph outcomeErrors = errors();
        Button addOutcome = new Button(
                t("plan.add-outcome-button"),
                e -> act(
                        () -> cases.addOutcome(id, record.version(), area.getValue(), outcome.getValue()),
                        Map.of("area", area, "outcome", outcome),
                        outcomeErrors,
                        t("plan.outcome-saved")));
        addOutcome.setId("add-outcome");
        return new Div(new FormLayout(area, outcome), outcomeErrors, addOutcome);
    }

    private Component actionForm() {
        Select<CaseRecord.PlanOutcome> forOutcome = new Select<>();
        forOutcome.setLabel(t("plan.for-outcome"));
        forOutcome.setItems(record.plan());
        forOutcome.setItemLabelGenerator(o -> getTranslation(o.area().key()));
        forOutcome.setValue(record.plan().getFirst());
        forOutcome.setId("action-outcome");
        TextField action = new TextField(t("plan.action"));
        action.setId("action-text");
        TextField owner = new TextField(t("plan.owner"));
        owner.setValue(user.displayName());
        owner.setId("action-owner");
        DatePicker due = DateFields.of(t("plan.due"));
        due.setId("action-due");
        Paragraph actionErrors = errors();
        Button addAction = new Button(
                t("plan.add-action-button"),
                e -> act(
                        () -> cases.addAction(
                                forOutcome.getValue().id(), action.getValue(), owner.getValue(), due.getValue()),
                        Map.of("action", action, "owner", owner, "due", due),
                        actionErrors,
                        t("plan.action-saved")));
        addAction.setId("add-action");
        return new Div(new FormLayout(forOutcome, action, owner, due), actionErrors, addAction);
    }

    // ---- reviews -------------------------------------------------------------------------------

    private Component reviews(boolean leads) {
        Div tab = new Div();
        tab.setId("tab-reviews");
        if (record.reviews().isEmpty()) {
            tab.add(new Paragraph(t("review.none")));
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        record.plan().forEach(o -> names.put(o.id(), getTranslation(o.area().key())));
        for (CaseRecord.Review r : record.reviews()) {
            tab.add(new H3(t("review.held", Texts.day(r.heldOn()), r.heldBy())));
            tab.add(Data.mark(new Paragraph(r.notes())));
            UnorderedList scores = new UnorderedList();
            r.scores().forEach((o, s) -> scores.add(new ListItem(names.getOrDefault(o, "") + ": " + s + "/10")));
            tab.add(scores);
        }
        if (!leads || !record.open()) {
            return tab;
        }
        if (!record.assessed() || record.plan().isEmpty()) {
            tab.add(new H3(t("review.record")));
            tab.add(new Paragraph(t("review.not-yet")));
            return tab;
        }
        tab.add(disclosure("open-review", t("review.record"), this::reviewForm));
        return tab;
    }

    private Component reviewForm() {
        DatePicker held = DateFields.of(t("review.date"));
        held.setValue(today());
        held.setId("review-date");
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("heldOn", held);
        Map<UUID, IntegerField> scoreFields = new LinkedHashMap<>();
        FormLayout scores = new FormLayout();
        for (CaseRecord.PlanOutcome o : record.plan()) {
            IntegerField score =
                    new IntegerField(t("review.score", getTranslation(o.area().key())));
            score.setMin(1);
            score.setMax(10);
            score.setStepButtonsVisible(true);
            score.setHelperText(t("review.score-help"));
            score.addClassName("review-score");
            scoreFields.put(o.id(), score);
            fields.put("scores." + o.id(), score);
            scores.add(score);
        }
        TextArea notes = area(t("review.notes"), "review-notes");
        fields.put("notes", notes);
        Paragraph errors = errors();
        Button save = new Button(t("review.save"), e -> {
            Map<UUID, Integer> values = new LinkedHashMap<>();
            scoreFields.forEach((o, f) -> {
                if (f.getValue() != null) {
                    values.put(o, f.getValue());
                }
            });
            act(
                    () -> cases.review(id, record.version(), held.getValue(), notes.getValue(), values),
                    fields,
                    errors,
                    t("review.saved"));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-review");
        return new Div(held, scores, notes, errors, save);
    }

    // ---- work log ------------------------------------------------------------------------------

    private Component workLog() {
        Div tab = new Div();
        tab.setId("tab-log");
        if (record.open() && !record.auditing()) {
            tab.add(disclosure(
                    "open-log",
                    t("log.open"),
                    () -> new ContactForm(
                            cases,
                            () -> id,
                            () -> {
                                Notification.show(t("log.saved"), 3000, Notification.Position.BOTTOM_START);
                                refresh();
                            },
                            today())));
        }
        if (record.contacts().isEmpty()) {
            tab.add(new Paragraph(t("log.none")));
        } else {
            Grid<CaseRecord.Contact> grid = new Grid<>();
            grid.addColumn(c -> Texts.day(c.on())).setHeader(t("log.date")).setAutoWidth(true);
            grid.addColumn(c -> Texts.label("contact", c.kind()))
                    .setHeader(t("log.kind"))
                    .setAutoWidth(true);
            grid.addColumn(c -> t("log.minutes-value", c.minutes()))
                    .setHeader(t("log.minutes"))
                    .setAutoWidth(true);
            grid.addColumn(c -> c.childSeen() ? t("log.seen-yes") : t("log.seen-no"))
                    .setHeader(t("log.child-seen"))
                    .setAutoWidth(true);
            grid.addColumn(c -> c.note() + (c.childViews() == null ? "" : " · " + t("log.child-said", c.childViews())))
                    .setHeader(t("log.note"));
            grid.addColumn(CaseRecord.Contact::loggedBy).setHeader(t("log.by")).setAutoWidth(true);
            grid.setItems(record.contacts());
            Grids.fit(grid, record.contacts().size());
            grid.setId("contact-grid");
            grid.setAriaLabel(t("case.tab.log"));
            tab.add(grid);
        }
        return tab;
    }

    // ---- the family's voice --------------------------------------------------------------------

    private Component voice(boolean leads) {
        Div tab = new Div();
        tab.setId("tab-voice");
        tab.add(new Paragraph(t("voice.intro")));
        if (!leads || !record.open()) {
            return tab;
        }
        tab.add(disclosure("open-voice-invite", t("voice.invite"), () -> new CaseInvitationForm(invitations, record)));
        return tab;
    }

    // ---- closure -------------------------------------------------------------------------------

    private Component closure(boolean leads) {
        Div tab = new Div();
        tab.setId("tab-close");
        if (!record.open()) {
            tab.add(new Paragraph(
                    t("case.closed", Texts.day(record.closedAt()), Texts.label("closure", record.closeReason()))));
            UnorderedList results = new UnorderedList();
            record.closure()
                    .forEach((a, r) ->
                            results.add(new ListItem(getTranslation(a.key()) + ": " + Texts.label("result", r))));
            tab.add(results, new H3(t("close.follow-ups")));
            for (CaseRecord.FollowUp f : record.followUps()) {
                Div row = new Div();
                row.add(new Paragraph(t("close.follow-up", f.months(), Texts.day(f.due()))
                        + (f.doneAt() == null
                                ? ""
                                : " · "
                                        + t(
                                                "close.follow-up-done",
                                                Texts.day(f.doneAt()),
                                                Objects.requireNonNullElse(f.note(), "")))));
                if (f.doneAt() == null && leads) {
                    TextField note = new TextField(t("close.follow-up-note"));
                    note.setWidthFull();
                    Button done = new Button(
                            t("close.follow-up-save"),
                            e -> act(
                                    () -> cases.completeFollowUp(id, f.months(), note.getValue()),
                                    Map.of("note", note),
                                    null,
                                    t("close.follow-up-saved")));
                    row.add(note, done);
                }
                tab.add(row);
            }
            return tab;
        }
        if (!leads) {
            tab.add(new Paragraph(t("close.lead-only")));
            return tab;
        }
        tab.add(disclosure("open-close", t("close.title"), this::closeForm));
        tab.add(disclosure("open-step-up", t("stepup.title"), this::stepUpForm));
        return tab;
    }

    private Component closeForm() {
        Div form = new Div();
        Select<ClosureReason> reason = new Select<>();
        reason.setLabel(t("close.reason"));
        reason.setItems(List.of(
                ClosureReason.NEEDS_MET,
                ClosureReason.CONSENT_WITHDRAWN,
                ClosureReason.MOVED_AWAY,
                ClosureReason.DISENGAGED));
        reason.setItemLabelGenerator(r -> Texts.label("closure", r));
        reason.setId("close-reason");
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        Map<OutcomeArea, RadioButtonGroup<NeedResult>> results = new EnumMap<>(OutcomeArea.class);
        for (OutcomeArea need : record.needs().keySet()) {
            RadioButtonGroup<NeedResult> result = new RadioButtonGroup<>(getTranslation(need.key()));
            result.setItems(NeedResult.values());
            result.setItemLabelGenerator(r -> Texts.label("result", r));
            result.setId("close-result-" + need.name().toLowerCase(Locale.ROOT));
            results.put(need, result);
            fields.put("results." + need.name(), result);
        }
        TextArea note = area(t("close.note"), "close-note");
        fields.put("note", note);
        Paragraph errors = errors();
        Button close = new Button(t("close.save"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(t("close.confirm-title", record.familyLabel()));
            // Actions in the plan not done or dropped are named: closing leaves them unfinished.
            List<String> unfinished = record.plan().stream()
                    .flatMap(o -> o.actions().stream())
                    .filter(a -> a.status() == ActionStatus.NOT_STARTED || a.status() == ActionStatus.IN_PROGRESS)
                    .map(a -> a.action() + " (" + a.owner() + ")")
                    .toList();
            confirm.setText(
                    unfinished.isEmpty()
                            ? t("close.confirm-text")
                            : t("close.confirm-unfinished", unfinished.size(), String.join("; ", unfinished)) + " "
                                    + t("close.confirm-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(t("close.save"));
            confirm.addConfirmListener(c -> {
                Map<OutcomeArea, NeedResult> chosen = new EnumMap<>(OutcomeArea.class);
                results.forEach((a, r) -> {
                    if (r.getValue() != null) {
                        chosen.put(a, r.getValue());
                    }
                });
                act(
                        () -> cases.close(id, record.version(), reason.getValue(), chosen, note.getValue()),
                        fields,
                        errors,
                        t("close.saved"));
            });
            confirm.open();
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("close-case");
        form.add(reason);
        results.values().forEach(form::add);
        form.add(note, errors, close);
        return form;
    }

    private Component stepUpForm() {
        Div form = new Div(new Paragraph(t("stepup.intro")));
        TextArea why = area(t("stepup.reason"), "step-up-reason");
        Paragraph stepErrors = errors();
        Button stepUp = new Button(t("stepup.save"), e -> {
            // The reason is checked first: a confirmation is never asked for a step-up that would be refused.
            Optional<String> problem = Cases.stepUpReasonProblem(why.getValue()).map(Words::of);
            why.setInvalid(problem.isPresent());
            why.setErrorMessage(problem.orElse(null));
            if (problem.isPresent()) {
                why.focus();
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(t("stepup.confirm-title", record.familyLabel()));
            confirm.setText(t("stepup.confirm-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(t("stepup.save"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> act(
                    () -> cases.stepUp(id, record.version(), why.getValue()),
                    Map.of("reason", why),
                    stepErrors,
                    t("stepup.saved")));
            confirm.open();
        });
        stepUp.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stepUp.setId("step-up");
        form.add(why, stepErrors, stepUp);
        return form;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void act(
            Runnable action, Map<String, ? extends Component> fields, @Nullable Paragraph errors, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START);
            Optional<String> from = sectionOf(
                    errors != null
                            ? errors
                            : fields.values().stream().findFirst().orElse(null));
            refresh();
            // The form that was used is rebuilt, so focus would fall to the page: put it back on
            // the heading of the section the person was working in.
            from.ifPresent(this::focusSection);
        } catch (ValidationException invalid) {
            List<String> rest = Texts.show(Words.of(invalid), fields);
            if (errors != null) {
                errors.setText(String.join(" ", rest));
            } else if (!rest.isEmpty()) {
                Notification.show(String.join(" ", rest), 6000, Notification.Position.MIDDLE);
            }
        } catch (ChangedBySomeoneElseException changed) {
            Notification.show(Words.of(changed), 8000, Notification.Position.MIDDLE);
            refresh();
        }
    }

    /** The heading of the case section a component sits in. */
    private static Optional<String> sectionOf(@Nullable Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (c instanceof Section section && section.hasClassName("case-section")) {
                return section.getChildren()
                        .filter(H2.class::isInstance)
                        .map(h -> ((H2) h).getText())
                        .findFirst();
            }
        }
        return Optional.empty();
    }

    private void focusSection(String heading) {
        getChildren()
                .filter(Section.class::isInstance)
                .flatMap(Component::getChildren)
                .filter(c -> c instanceof H2 h && h.getText().equals(heading))
                .findFirst()
                .ifPresent(Focus::now);
    }

    static Details disclosure(String id, String summary, Supplier<Component> form) {
        Details details = Disclosure.of(summary, form);
        details.setId(id);
        details.addClassName("case-form");
        return details;
    }

    private LocalDate today() {
        return WorkingCalendar.today(clock);
    }

    static TextArea area(String label, String id) {
        TextArea area = new TextArea(label);
        area.setWidthFull();
        area.setId(id);
        return area;
    }

    static Paragraph errors() {
        Paragraph p = new Paragraph();
        p.addClassName("field-error");
        p.getElement().setAttribute("role", "alert");
        return p;
    }
}
