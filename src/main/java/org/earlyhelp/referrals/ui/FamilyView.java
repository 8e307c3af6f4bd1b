package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
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
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.Families;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.TimelineEntry;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Markup;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A family's record: its members, consent, requests and cases, and everything in date order. For
 * those who work with the family now; an administrator or commissioner reads it only by giving a
 * reason first (a break-glass read, audited and shown to the family's hub lead).
 */
@View
@Route("families/:id")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY, Role.ADMIN_AUTHORITY, Role.COMMISSIONER_AUTHORITY})
class FamilyView extends Page implements BeforeEnterObserver {

    private final transient Families families;
    private final transient Clock clock;
    private final transient CurrentUsers currentUsers;
    // Set by beforeEnter, which Vaadin runs before the page is shown or used.
    @SuppressWarnings("NullAway.Init")
    private FamilyId id;
    /** The consent section's heading: where focus goes once withdrawn consent is recorded. */
    private H2 consentHeading = new H2();
    /** How many of the timeline's newest entries the page asks for: more each time older ones are asked for. */
    private int timelineShown = Families.TIMELINE_PAGE;
    /** The first entry that "show older entries" brought, where focus goes; -1 when none. */
    private int firstOlder = -1;
    /** The reason given for a break-glass read, which each further read of the record repeats. */
    private @Nullable String breakGlassReason;

    FamilyView(Families families, CurrentUsers currentUsers, Clock clock) {
        super("");
        this.clock = clock;
        this.families = families;
        this.currentUsers = currentUsers;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID routed = idFrom(event);
        if (routed == null) {
            return;
        }
        id = new FamilyId(routed);
        CurrentUser user = currentUsers.require();
        if (!user.has(Role.PRACTITIONER) && !user.has(Role.HUB_LEAD)) {
            askWhy();
            return;
        }
        try {
            refresh();
        } catch (AccessDeniedException e) {
            event.rerouteToError(e, e.getMessage());
        }
    }

    /** The break-glass form: why this person, outside the family's work, must read it now. */
    private void askWhy() {
        getChildren().skip(1).toList().forEach(this::remove);
        setHeading(t("family.break-glass.title"));
        add(new Paragraph(t("family.break-glass.intro")));
        TextArea reason = new TextArea(t("family.break-glass.reason"));
        reason.setWidthFull();
        reason.setId("break-glass-reason");
        reason.setRequired(true);
        Button read = new Button(t("family.break-glass.read"), e -> {
            try {
                render(families.breakGlass(id, reason.getValue(), timelineShown));
                breakGlassReason = reason.getValue();
                Focus.now(heading());
            } catch (ValidationException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(Words.of(invalid).get("reason"));
            }
        });
        read.addThemeVariants(ButtonVariant.LUMO_ERROR);
        read.setId("break-glass-read");
        add(reason, read);
    }

    private void refresh() {
        render(
                breakGlassReason == null
                        ? families.family(id, timelineShown)
                        : families.breakGlass(id, breakGlassReason, timelineShown));
    }

    private void render(FamilyRecord f) {
        getChildren().skip(1).toList().forEach(this::remove);
        setHeading(f.label());
        // The family's name, as the request gave it: data, not the page's words.
        Data.mark(heading());
        Section about = new Section();
        about.addClassName("home-section");
        about.add(Data.mark(new Paragraph(f.address() + ", " + f.postcode() + " · " + f.hubName())));
        if (f.restricted()) {
            Paragraph restricted = new Paragraph(t("family.restricted"));
            restricted.addClassName("badge-overdue");
            about.add(restricted);
        }
        if (f.readOnly()) {
            Paragraph readOnly = new Paragraph(t("family.read-only"));
            readOnly.setId("family-read-only");
            about.add(readOnly);
        }
        add(about);
        if (!f.breakGlassReads().isEmpty()) {
            Section reads = new Section();
            reads.addClassName("home-section");
            reads.setId("break-glass-reads");
            reads.add(new H2(t("family.break-glass.reads")));
            UnorderedList list = new UnorderedList();
            f.breakGlassReads()
                    .items()
                    .forEach(r -> list.add(new ListItem(
                            r.refused()
                                    ? t("family.break-glass.refused-line", Texts.dayTime(r.at()), r.by(), r.roles())
                                    : t(
                                            "family.break-glass.line",
                                            Texts.dayTime(r.at()),
                                            r.by(),
                                            r.roles(),
                                            r.reason()))));
            reads.add(list);
            if (f.breakGlassReads().more()) {
                Paragraph older = new Paragraph(
                        t("family.break-glass.older", f.breakGlassReads().size()));
                older.setId("break-glass-older");
                reads.add(older);
            }
            add(reads);
        }

        add(new H2(t("family.members")));
        Grid<FamilyRecord.Member> members = new Grid<>();
        LocalDate today = WorkingCalendar.today(clock);
        members.addColumn(FamilyRecord.Member::name).setHeader(t("family.name")).setAutoWidth(true);
        members.addColumn(m -> Texts.label("relationship", m.relationship()))
                .setHeader(t("member.relationship"))
                .setAutoWidth(true);
        members.addColumn(m -> Texts.day(m.dateOfBirth()) + " ("
                        + Period.between(m.dateOfBirth(), today).getYears() + ")")
                .setHeader(t("member.born"))
                .setAutoWidth(true);
        members.addColumn(m -> m.sex() == null ? "" : m.sex())
                .setHeader(t("member.sex"))
                .setAutoWidth(true);
        members.addColumn(m -> m.ethnicity() == null ? "" : m.ethnicity())
                .setHeader(t("member.ethnicity"))
                .setAutoWidth(true);
        members.setItems(f.members());
        members.setAllRowsVisible(true);
        members.setAriaLabel(t("family.members"));
        members.setId("family-members");
        add(members);

        add(new H2(t("family.work")));
        UnorderedList work = new UnorderedList();
        for (CaseId c : f.cases()) {
            work.add(new ListItem(new Anchor("cases/" + c, t("family.case-link"))));
        }
        f.requests()
                .forEach(r -> work.add(new ListItem(Texts.dayTime(r.submittedAt()) + " · "
                        + t("family.request-from", r.referrerName()) + " · " + Texts.status(r))));
        add(work);

        consentHeading = new H2(t("family.consent"));
        consentHeading.setId("family-consent-heading");
        add(consentHeading);
        UnorderedList consents = new UnorderedList();
        for (FamilyRecord.Consent c : f.consents()) {
            consents.add(new ListItem(t(
                            "family.consent-line",
                            c.givenBy(),
                            Texts.day(c.givenOn()),
                            Texts.label("consent-method", c.method()),
                            c.shareWith())
                    + (c.withdrawn() ? " · " + t("family.consent-withdrawn", Texts.day(c.withdrawnAt())) : "")));
        }
        add(consents);
        if (!f.restricted() && !f.readOnly()) {
            TextArea reason = new TextArea(t("family.withdraw-reason"));
            reason.setWidthFull();
            reason.setId("withdraw-reason");
            Button withdraw = new Button(t("family.withdraw"), e -> {
                ConfirmDialog confirm = new ConfirmDialog();
                confirm.setHeader(t("family.withdraw-title"));
                confirm.setText(t("family.withdraw-text"));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmText(t("family.withdraw"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.addConfirmListener(c -> {
                    try {
                        families.withdrawConsent(id, f.version(), reason.getValue());
                        refresh();
                        // The page is drawn again without the form: focus goes to the consent.
                        Focus.afterDialog(consentHeading);
                    } catch (ValidationException invalid) {
                        reason.setInvalid(true);
                        reason.setErrorMessage(Words.of(invalid).get("reason"));
                    } catch (ChangedBySomeoneElseException changed) {
                        Notification.show(Words.of(changed), 6000, Notification.Position.MIDDLE);
                    } catch (AccessDeniedException refused) {
                        Notification.show(t("family.refused"), 6000, Notification.Position.MIDDLE);
                    }
                });
                Confirmations.focusCancel(confirm);
                confirm.open();
            });
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            withdraw.setId("withdraw-consent");
            add(new Details(t("family.withdraw"), new Div(new Paragraph(t("family.withdraw-help")), reason, withdraw)));
        }

        add(new H2(t("family.timeline")));
        OrderedList timeline = new OrderedList();
        timeline.setId("timeline");
        timeline.addClassName("timeline");
        // Read-only, and as long as the family's history: written as one piece of escaped HTML,
        // so the page sends and keeps one node for it rather than four or five per entry.
        timeline.getElement().setProperty("innerHTML", timelineHtml(f));
        if (f.timeline().isEmpty()) {
            add(new Paragraph(t("family.timeline-empty")));
        }
        add(timeline);
        if (firstOlder >= 0) {
            timeline.getElement().executeJs("const e = this.querySelector('#timeline-first-older'); if (e) e.focus();");
            firstOlder = -1;
        }
        if (f.olderTimelineEntries()) {
            olderEntries(f);
        }
    }

    /** Says that older entries are left out, and (up to the most a page shows) offers them. */
    private void olderEntries(FamilyRecord f) {
        boolean most = timelineShown >= Families.TIMELINE_MOST;
        Paragraph notShown = new Paragraph(t(
                most ? "family.timeline-most" : "family.timeline-older",
                f.timeline().size()));
        notShown.setId("timeline-older");
        add(notShown);
        if (most) {
            return;
        }
        int more = Math.min(Families.TIMELINE_PAGE, Families.TIMELINE_MOST - timelineShown);
        Button older = new Button(t("family.timeline-show-older", more), e -> {
            firstOlder = f.timeline().size();
            timelineShown += more;
            refresh();
        });
        older.setId("timeline-show-older");
        add(older);
    }

    /** The timeline's entries as list items, every text escaped; the classes style them. */
    private String timelineHtml(FamilyRecord f) {
        StringBuilder html = new StringBuilder();
        int index = 0;
        for (TimelineEntry e : f.timeline()) {
            html.append("<li class=\"timeline-").append(Markup.escape(e.kind())).append('"');
            // The first of the entries just asked for takes focus from script, not by tabbing.
            html.append(index++ == firstOlder ? " id=\"timeline-first-older\" tabindex=\"-1\">" : ">");
            // When it happened is data (marked, as Data.mark does, so translators' tools leave it).
            element(html, "span", "timeline-when", true, when(e));
            element(html, "span", "timeline-title", false, Words.of(e.heading()));
            if (e.more() != null && e.detail() != null && !e.detail().isBlank()) {
                element(html, "p", "timeline-detail", false, Words.of(e.more()));
            }
            if (e.by() != null) {
                element(html, "span", "timeline-by", false, t("family.by", e.by()));
            }
            html.append("</li>");
        }
        return html.toString();
    }

    private static String when(TimelineEntry e) {
        return e.timeKnown() ? Texts.dayTime(e.at()) : t("family.day-only", Texts.day(e.at()));
    }

    /** An element with its class and its text, escaped; data is marked {@code translate="no"}. */
    private static void element(StringBuilder html, String tag, String cssClass, boolean data, String text) {
        html.append('<').append(tag).append(" class=\"").append(cssClass).append('"');
        html.append(data ? " translate=\"no\">" : ">");
        html.append(Markup.escape(text)).append("</").append(tag).append('>');
    }
}
