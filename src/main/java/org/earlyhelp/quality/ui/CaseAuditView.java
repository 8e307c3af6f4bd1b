package org.earlyhelp.quality.ui;

import static org.earlyhelp.quality.ui.CaseAuditsView.DAY;
import static org.earlyhelp.quality.ui.CaseAuditsView.MONTH;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.quality.AuditChecks.ModerationDraft;
import org.earlyhelp.quality.AuditFramework;
import org.earlyhelp.quality.AuditStage;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.quality.CaseAudits;
import org.earlyhelp.quality.Grade;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One case file audit, stage by stage: the auditor grades each domain of the framework with
 * evidence and sets actions; the lead practitioner reflects; the moderator agrees or changes each
 * grade with a reason; the actions' owners mark them done.
 */
@View
@Route("quality/audits/:id")
@RolesAllowed({Role.HUB_LEAD_AUTHORITY, Role.PRACTITIONER_AUTHORITY})
class CaseAuditView extends Page implements BeforeEnterObserver {

    private final transient CaseAudits audits;
    private final transient AuditFramework framework;
    private final HubDirectory hubs;
    private final CurrentUser user;
    private final LocalDate today;
    private UUID id = new UUID(0, 0);

    CaseAuditView(
            CaseAudits audits, AuditFramework framework, HubDirectory hubs, CurrentUsers currentUsers, Clock clock) {
        super("");
        this.audits = audits;
        this.framework = framework;
        this.hubs = hubs;
        this.user = currentUsers.require();
        this.today = WorkingCalendar.today(clock);
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
        CaseAudit a = audits.audit(id);
        getChildren().skip(1).toList().forEach(this::remove);
        String hub = hubs.hub(a.hub()).map(h -> h.name()).orElse(a.hub().value());
        setHeading(getTranslation("quality.audit.title", a.caseReference(), hub, MONTH.format(a.month())));

        Section summary = new Section();
        summary.setId("audit-summary");
        summary.addClassName("home-section");
        summary.add(new Paragraph(getTranslation(
                "quality.audit.people", a.leadName(), a.auditorName(), a.auditorOrganisation(), a.moderatorName())));
        Paragraph stage = new Paragraph(getTranslation(
                "quality.audit.stage",
                getTranslation("quality.stage." + a.stage().name().toLowerCase(Locale.ROOT)),
                a.frameworkVersion()));
        stage.setId("audit-stage");
        summary.add(stage);
        if (a.stage() != AuditStage.DONE) {
            Span due = new Span(getTranslation(
                    a.overdue(today) ? "quality.audits.overdue" : "quality.audits.due", DAY.format(a.dueOn())));
            if (a.overdue(today)) {
                due.addClassName("badge-overdue");
            }
            summary.add(new Paragraph(due));
        }
        Instant readUntil = a.readUntil();
        if (a.auditor().equals(user.username()) && a.stage() == AuditStage.AUDIT && readUntil != null) {
            Anchor read = new Anchor(
                    "cases/" + a.caseId(),
                    getTranslation(
                            "quality.audit.read-case",
                            DAY.format(readUntil.atZone(WorkingCalendar.LONDON).minusDays(1))));
            read.setId("audit-read-case");
            summary.add(new Paragraph(read));
        } else if (!a.auditor().equals(user.username()) && !a.moderator().equals(user.username())) {
            summary.add(new Paragraph(new Anchor("cases/" + a.caseId(), getTranslation("quality.audit.the-case"))));
        }
        summary.add(new Paragraph(new Anchor("quality/audits", getTranslation("quality.audit.back"))));
        add(summary);

        List<AuditFramework.Domain> domains =
                framework.version(a.frameworkVersion()).orElseThrow().domains();
        boolean grading = a.stage() == AuditStage.AUDIT && a.auditor().equals(user.username());
        boolean moderating = a.stage() == AuditStage.MODERATION && a.moderator().equals(user.username());
        if (grading) {
            add(new GradingForm(audits, a, domains, today, this::act));
            return;
        }
        if (a.stage() == AuditStage.AUDIT) {
            Paragraph waiting = new Paragraph(getTranslation("quality.audit.waiting-auditor", a.auditorName()));
            waiting.addClassName("empty-state");
            add(waiting);
            return;
        }
        if (moderating) {
            add(moderationForm(a, domains));
        } else {
            add(grades(a, domains));
        }
        add(actions(a));
        add(reflection(a));
        if (a.stage() == AuditStage.DONE) {
            String note = a.moderationNote();
            add(new H2(getTranslation("quality.audit.moderation")));
            add(new Paragraph(
                    note == null
                            ? getTranslation("quality.audit.moderated-by", a.moderatorName())
                            : getTranslation("quality.audit.moderated-note", a.moderatorName(), note)));
        }
    }

    private String grade(Grade g) {
        return AuditParts.grade(this, g);
    }

    private Component question(int i, AuditFramework.Domain d) {
        return AuditParts.question(this, i, d);
    }

    // ---- after grading -------------------------------------------------------------------------

    private Component grades(CaseAudit a, List<AuditFramework.Domain> domains) {
        Div box = new Div();
        box.setId("audit-grades");
        box.add(new H2(getTranslation("quality.audit.grades")));
        for (int i = 0; i < a.grades().size(); i++) {
            CaseAudit.DomainGrade g = a.grades().get(i);
            box.add(new H3(getTranslation("quality.audit.domain", i + 1, g.domain())));
            Paragraph graded = new Paragraph(getTranslation("quality.audit.graded", grade(g.grade()), g.evidence()));
            graded.setId("audit-graded-" + i);
            box.add(graded);
            Grade moderated = g.moderated();
            if (moderated != null) {
                box.add(new Paragraph(
                        getTranslation("quality.audit.changed", grade(moderated), String.valueOf(g.reason()))));
            }
        }
        return box;
    }

    private Component moderationForm(CaseAudit a, List<AuditFramework.Domain> domains) {
        Div form = new Div();
        form.setId("audit-moderation");
        form.add(new H2(getTranslation("quality.audit.moderation")));
        form.add(new Paragraph(getTranslation("quality.audit.moderation-intro")));
        Map<String, Component> fields = new LinkedHashMap<>();
        List<RadioButtonGroup<Grade>> choices = new ArrayList<>();
        List<TextArea> reasons = new ArrayList<>();
        for (int i = 0; i < a.grades().size(); i++) {
            CaseAudit.DomainGrade g = a.grades().get(i);
            form.add(question(i, domains.get(i)));
            Paragraph graded = new Paragraph(getTranslation("quality.audit.graded", grade(g.grade()), g.evidence()));
            graded.setId("audit-graded-" + i);
            form.add(graded);
            RadioButtonGroup<Grade> choice = new RadioButtonGroup<>(getTranslation("quality.audit.agreed-grade"));
            choice.setItems(Grade.values());
            choice.setItemLabelGenerator(this::grade);
            choice.setValue(g.grade());
            choice.setId("moderate-grade-" + i);
            TextArea reason = new TextArea(getTranslation("quality.audit.reason"));
            reason.setWidthFull();
            reason.setId("moderate-reason-" + i);
            fields.put("moderated." + i, choice);
            fields.put("reason." + i, reason);
            choices.add(choice);
            reasons.add(reason);
            form.add(choice, reason);
        }
        TextArea note = new TextArea(getTranslation("quality.audit.note"));
        note.setWidthFull();
        note.setId("moderate-note");
        fields.put("note", note);
        Paragraph problems = new Paragraph();
        problems.addClassName("field-error");
        Button save = new Button(
                getTranslation("quality.audit.moderate"),
                e -> act(
                        () -> audits.moderate(
                                a.id(),
                                a.version(),
                                IntStream.range(0, choices.size())
                                        .mapToObj(i -> new ModerationDraft(
                                                choices.get(i).getValue(),
                                                reasons.get(i).getValue()))
                                        .toList(),
                                note.getValue()),
                        fields,
                        problems,
                        getTranslation("quality.audit.moderated")));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("moderate-save");
        form.add(note, problems, save);
        return form;
    }

    private Component actions(CaseAudit a) {
        Div box = new Div();
        box.setId("audit-actions");
        box.add(new H2(getTranslation("quality.audit.actions")));
        if (a.actions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("quality.audit.no-actions"));
            none.addClassName("empty-state");
            box.add(none);
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (CaseAudit.Action action : a.actions()) {
            ListItem item = new ListItem(getTranslation(
                    "quality.audit.action-line", action.action(), action.ownerName(), DAY.format(action.dueOn())));
            Instant done = action.doneAt();
            if (done != null) {
                item.add(new Span(" · " + getTranslation("quality.audit.action-done")));
            } else {
                if (action.overdue(today)) {
                    Span late = new Span(getTranslation("quality.audit.action-overdue"));
                    late.addClassName("badge-overdue");
                    item.add(new Span(" "), late);
                }
                boolean may = action.owner().equals(user.username())
                        || (user.has(Role.HUB_LEAD) && user.hubs().contains(a.hub()));
                if (may) {
                    Button mark = new Button(
                            getTranslation("quality.audit.mark-done"),
                            e -> act(
                                    () -> audits.completeAction(action.id(), action.version()),
                                    Map.of(),
                                    null,
                                    getTranslation("quality.audit.action-marked")));
                    mark.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    mark.getElement()
                            .setAttribute(
                                    "aria-label", getTranslation("quality.audit.mark-done") + ": " + action.action());
                    item.add(mark);
                }
            }
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private Component reflection(CaseAudit a) {
        Div box = new Div();
        box.setId("audit-reflection");
        box.add(new H2(getTranslation("quality.audit.reflection")));
        String said = a.reflection();
        if (said != null) {
            box.add(Data.mark(new Paragraph(said)));
        } else if (a.stage() == AuditStage.REFLECTION && a.lead().equals(user.username())) {
            TextArea text = new TextArea(getTranslation("quality.audit.your-reflection"));
            text.setHelperText(getTranslation("quality.audit.reflection-help"));
            text.setWidthFull();
            text.setId("audit-reflection-text");
            Paragraph problems = new Paragraph();
            problems.addClassName("field-error");
            Button save = new Button(
                    getTranslation("quality.audit.reflect"),
                    e -> act(
                            () -> audits.reflect(a.id(), a.version(), text.getValue()),
                            Map.of("reflection", text),
                            problems,
                            getTranslation("quality.audit.reflected")));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("audit-reflect");
            box.add(text, problems, save);
        } else {
            Paragraph waiting = new Paragraph(getTranslation("quality.audit.waiting-lead", a.leadName()));
            waiting.addClassName("empty-state");
            box.add(waiting);
        }
        return box;
    }

    void act(Runnable action, Map<String, ? extends Component> fields, @Nullable Paragraph errors, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START);
            refresh();
        } catch (ValidationException invalid) {
            Map<String, String> words = Words.of(invalid);
            List<String> rest = new ArrayList<>();
            fields.forEach((key, f) -> {
                if (f instanceof HasValidation v) {
                    v.setInvalid(words.containsKey(key));
                    v.setErrorMessage(words.get(key));
                }
            });
            words.forEach((key, text) -> {
                if (!fields.containsKey(key)) {
                    rest.add(text);
                }
            });
            String problems = rest.isEmpty() ? getTranslation("quality.editor.problems") : String.join(" ", rest);
            if (errors != null) {
                errors.setText(problems);
            } else {
                Notification.show(problems, 6000, Notification.Position.MIDDLE);
            }
        } catch (ChangedBySomeoneElseException changed) {
            Notification.show(Words.of(changed), 8000, Notification.Position.MIDDLE);
            refresh();
        }
    }
}
