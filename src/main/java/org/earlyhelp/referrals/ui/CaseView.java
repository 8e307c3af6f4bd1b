package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
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
import com.vaadin.flow.component.textfield.TextArea;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.CaseSupervision;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.Invitations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One family's early help: the team, the assessment, the plan, reviews, the work log, and
 * closure. The lead practitioner and the hub lead change it; the team logs their work.
 */
@View
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
    private CaseId id;

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
        id = new CaseId(routed);
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
        section(t("case.tab.plan"), new PlanSection(cases, record, leads, user.displayName(), this::act));
        section(t("case.tab.reviews"), new ReviewsSection(cases, record, leads, today(), this::act));
        section(t("case.tab.log"), workLog());
        section(t("case.tab.voice"), voice(leads));
        boolean supervises = leads && user.has(Role.HUB_LEAD) && user.hubs().contains(record.hub()) && record.open();
        section(
                t("case.tab.oversight"),
                new SupervisionSection(supervision, id, supervises, today(), oversightWeeks, this::act));
        section(t("case.tab.close"), new ClosureSection(cases, record, leads, this::act));
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
            grid.setItems(record.contacts().items());
            Grids.fit(grid, record.contacts().size());
            grid.setId("contact-grid");
            grid.setAriaLabel(t("case.tab.log"));
            tab.add(grid);
        }
        if (record.contacts().more()) {
            Paragraph older = new Paragraph(t("log.older", record.contacts().size()));
            older.setId("contacts-older");
            tab.add(older);
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
