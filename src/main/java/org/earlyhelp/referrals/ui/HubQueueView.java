package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.ConcernChecks;
import org.earlyhelp.referrals.FamilyChanges;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;

/**
 * The hub lead's queue: requests to decide with their working-day clock, then decided ones to
 * allocate to a lead practitioner with room in their caseload.
 */
@View
@Route("hub/queue")
@Menu(order = 15, title = "menu.queue")
@RolesAllowed(Role.HUB_LEAD_AUTHORITY)
class HubQueueView extends Page {

    private final transient HubQueue queue;
    private final transient Clock clock;
    private final transient FamilyChanges familyChanges;
    private final ConcernChecksSection concerns;
    private final Select<Hub> hub = Data.mark(new Select<>());
    private final Div changes = new Div();
    private final H2 decideHeading = new H2();
    private final H2 allocateHeading = new H2();
    private final Grid<RequestSummary> deciding = new Grid<>();
    private final Grid<RequestSummary> allocating = new Grid<>();
    private final Paragraph decidingEmpty = new Paragraph(t("queue.decide-empty"));
    private final Paragraph allocatingEmpty = new Paragraph(t("queue.allocate-empty"));

    HubQueueView(
            HubQueue queue,
            FamilyChanges familyChanges,
            ConcernChecks concernChecks,
            HubDirectory directory,
            CurrentUsers currentUsers,
            Clock clock) {
        super("");
        this.clock = clock;
        this.queue = queue;
        this.familyChanges = familyChanges;
        this.concerns = new ConcernChecksSection(concernChecks);
        setHeading(t("queue.title"));
        CurrentUser user = currentUsers.require();
        List<Hub> hubs = directory.hubs().stream()
                .filter(h -> user.hubs().contains(h.id()))
                .toList();
        hub.setLabel(t("queue.hub"));
        hub.setItems(hubs);
        hub.setItemLabelGenerator(Hub::name);
        hub.setVisible(hubs.size() > 1);
        hub.addValueChangeListener(e -> refresh());
        // A child who may be at risk of significant harm comes before everything else here.
        add(new Paragraph(t("queue.intro")), hub, concerns);
        changes.setId("family-changes");
        add(changes);

        decideHeading.setText(t("queue.decide"));
        decideHeading.setId("queue-decide-heading");
        add(decideHeading);
        deciding.addColumn(RequestSummary::familyLabel)
                .setHeader(t("queue.family"))
                .setAutoWidth(true);
        deciding.addColumn(r ->
                        r.referrerName() + (r.referrerOrganisation() == null ? "" : ", " + r.referrerOrganisation()))
                .setHeader(t("queue.from"))
                .setWidth("10rem")
                .setFlexGrow(1);
        // Who asked and the needs wrap onto more lines; the needs get the most room, so that a
        // word such as "development" is never broken and the Action column stays in view at 1366 px.
        deciding.addColumn(r ->
                        r.needs().stream().map(a -> getTranslation(a.key())).collect(Collectors.joining("; ")))
                .setHeader(t("queue.needs"))
                .setWidth("13rem")
                .setFlexGrow(2);
        // Rendered in the browser from a template: no server-side component per row, so a long
        // queue costs the session a few properties per row rather than a button and a badge each.
        deciding.addColumn(LitRenderer.<RequestSummary>of("<span class=\"${item.badge}\">${item.clock}</span>")
                        .withProperty("badge", this::clockBadge)
                        .withProperty("clock", this::clock))
                .setHeader(t("queue.clock"))
                .setAutoWidth(true);
        deciding.addColumn(LitRenderer.<RequestSummary>of(
                                "<vaadin-button class=\"decide\" aria-label=\"${item.label}\" @click=\"${act}\">"
                                        + "${item.text}</vaadin-button>")
                        .withProperty("label", r -> t("queue.decide-for", r.familyLabel()))
                        .withProperty("text", r -> t("queue.decide-button"))
                        .withFunction("act", this::openDecision))
                .setHeader(t("queue.action"))
                .setAutoWidth(true);
        deciding.setId("decide-grid");
        deciding.setAriaLabel(t("queue.decide"));
        decidingEmpty.addClassName("empty-state");
        add(deciding, decidingEmpty);

        allocateHeading.setText(t("queue.allocate"));
        allocateHeading.setId("queue-allocate-heading");
        add(allocateHeading);
        allocating
                .addColumn(RequestSummary::familyLabel)
                .setHeader(t("queue.family"))
                .setAutoWidth(true);
        allocating
                .addColumn(r -> Texts.dayTime(r.decidedAt()))
                .setHeader(t("queue.decided"))
                .setAutoWidth(true);
        allocating
                .addColumn(r ->
                        t("level.number", r.level() == null ? "" : r.level().number())
                                + (r.stepDown() ? " · " + t("queue.step-down") : ""))
                .setHeader(t("queue.level"))
                .setAutoWidth(true);
        allocating
                .addColumn(LitRenderer.<RequestSummary>of(
                                "<vaadin-button class=\"allocate\" aria-label=\"${item.label}\" @click=\"${act}\">"
                                        + "${item.text}</vaadin-button>")
                        .withProperty("label", r -> t("queue.allocate-for", r.familyLabel()))
                        .withProperty("text", r -> t("queue.allocate-button"))
                        .withFunction(
                                "act",
                                r -> new AllocationDialog(
                                                queue,
                                                r,
                                                () -> {
                                                    refresh();
                                                    Focus.afterDialog(decideHeading);
                                                },
                                                this::refresh)
                                        .open()))
                .setHeader(t("queue.action"))
                .setAutoWidth(true);
        allocating.setId("allocate-grid");
        allocating.setAriaLabel(t("queue.allocate"));
        allocatingEmpty.addClassName("empty-state");
        add(allocating, allocatingEmpty, new Anchor("my-work", t("queue.drift-link")));
        if (!hubs.isEmpty()) {
            hub.setValue(hubs.getFirst());
        }
    }

    private String clockBadge(RequestSummary r) {
        if (r.overdue(clock.instant())) {
            return "badge-overdue";
        }
        return queue.workingDaysLeft(r) <= 0 ? "badge-due" : "";
    }

    private String clock(RequestSummary r) {
        String text;
        int left;
        if (r.overdue(clock.instant())) {
            text = t("queue.overdue", Texts.dayTime(r.decisionDue()));
        } else if ((left = queue.workingDaysLeft(r)) <= 0) {
            // On the last working day the clock counts hours.
            text = t(
                    "queue.due-today",
                    Texts.dayTime(r.decisionDue()),
                    timeLeft(Duration.between(clock.instant(), r.decisionDue()), Texts::t));
        } else {
            text = t("queue.due-in", left, Texts.dayTime(r.decisionDue()));
        }
        return r.reReferral() ? text + " · " + t("queue.re-referral") : text;
    }

    /** "3 hours 20 minutes", "1 hour", "45 minutes", "less than a minute": what is left of a day. */
    static String timeLeft(Duration left, BiFunction<String, Object[], String> t) {
        long minutes = Math.max(0, left.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return t.apply("queue.minutes", new Object[] {rest});
        }
        return rest == 0
                ? t.apply("queue.hours", new Object[] {hours})
                : t.apply("queue.hours", new Object[] {hours}) + " " + t.apply("queue.minutes", new Object[] {rest});
    }

    private void refresh() {
        if (hub.getValue() == null) {
            return;
        }
        concerns.show(hub.getValue().id());
        drawChanges();
        // Both lists are read a page at a time as the grid scrolls: a busy hub's session holds the
        // rows in view, not hundreds of requests. The count is taken once per refresh, as the
        // whole list was before.
        HubId id = hub.getValue().id();
        int toDecide = queue.countAwaitingDecision(id);
        deciding.setItems(q -> queue.awaitingDecision(id, q.getOffset(), q.getLimit()).stream(), q -> toDecide);
        Grids.fit(deciding, toDecide);
        deciding.setVisible(toDecide > 0);
        decidingEmpty.setVisible(toDecide == 0);
        int toAllocate = queue.countAwaitingAllocation(id);
        allocating.setItems(q -> queue.awaitingAllocation(id, q.getOffset(), q.getLimit()).stream(), q -> toAllocate);
        Grids.fit(allocating, toAllocate);
        allocating.setVisible(toAllocate > 0);
        allocatingEmpty.setVisible(toAllocate == 0);
    }

    /** Known families that a new request may be about, or that may have moved: for the hub lead to decide. */
    private void drawChanges() {
        changes.removeAll();
        Listing<FamilyChanges.Pending> pending =
                familyChanges.pending(hub.getValue().id());
        if (pending.isEmpty()) {
            return;
        }
        // How many wait in all, which may be more than the list holds.
        H2 heading = new H2(
                t("changes.title", familyChanges.countPending(hub.getValue().id())));
        heading.setId("family-changes-heading");
        changes.add(heading, new Paragraph(t("changes.intro")));
        if (pending.more()) {
            Paragraph more = new Paragraph(t("changes.more", pending.size()));
            more.setId("family-changes-more");
            changes.add(more);
        }
        LocalDate today = WorkingCalendar.today(clock);
        for (FamilyChanges.Pending p : pending.items()) {
            Div card = new Div();
            card.addClassName("home-section");
            card.addClassName("family-change");
            card.add(new H3(
                    p.link()
                            ? t("changes.link-title", p.known().label())
                            : t("changes.move-title", p.known().label())));
            card.add(new Paragraph(t("changes.asked", p.requestedBy(), Texts.dayTime(p.requestedAt()))));
            Div sides = new Div();
            sides.addClassName("change-sides");
            for (var side : List.of(p.known(), p.proposed())) {
                Div column = new Div();
                column.add(new H3(
                        side == p.known() ? t("changes.known") : p.link() ? t("changes.new") : t("changes.moved")));
                column.add(new Paragraph(side.address() + ", " + side.postcode() + " · " + side.hubName()));
                UnorderedList people = new UnorderedList();
                side.members()
                        .forEach(m -> people.add(new ListItem(m.name() + ", "
                                + Texts.label("relationship", m.relationship()) + ", "
                                + t(
                                        "decide.age",
                                        Period.between(m.dateOfBirth(), today).getYears()))));
                column.add(people);
                sides.add(column);
            }
            card.add(sides);
            if (p.changesHub()) {
                card.add(new Paragraph(t("changes.changes-hub", p.proposed().hubName())));
            }
            Button yes = new Button(p.link() ? t("changes.link-yes") : t("changes.move-yes"), e -> {
                ConfirmDialog confirm = new ConfirmDialog();
                confirm.setHeader(p.link() ? t("changes.link-yes") : t("changes.move-yes"));
                confirm.setText(
                        p.changesHub()
                                ? t(
                                        "changes.confirm-hub",
                                        p.known().label(),
                                        p.proposed().hubName())
                                : t("changes.confirm", p.known().label()));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmText(p.link() ? t("changes.link-yes") : t("changes.move-yes"));
                confirm.addConfirmListener(c -> decideChange(p, true));
                Confirmations.focusCancel(confirm);
                confirm.open();
            });
            yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            yes.addClassName("change-confirm");
            Button no = new Button(p.link() ? t("changes.link-no") : t("changes.move-no"), e -> decideChange(p, false));
            no.addClassName("change-decline");
            card.add(new Div(yes, no));
            changes.add(card);
        }
    }

    private void decideChange(FamilyChanges.Pending p, boolean confirm) {
        try {
            familyChanges.decide(p.id(), p.version(), confirm);
            Notification.show(confirm ? t("changes.done") : t("changes.declined"), 5000, Notification.Position.MIDDLE);
        } catch (ChangedBySomeoneElseException changed) {
            Notification.show(Words.of(changed), 6000, Notification.Position.MIDDLE);
        }
        refresh();
        Focus.afterDialog(decideHeading);
    }

    private void openDecision(RequestSummary summary) {
        new DecisionDialog(
                        queue,
                        summary,
                        WorkingCalendar.today(clock),
                        () -> {
                            refresh();
                            // The row that opened the dialog has gone: focus the list the request moved to.
                            Focus.afterDialog(allocateHeading);
                        },
                        this::refresh)
                .open();
    }
}
