package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.CaseSummary;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.FollowUpDue;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.work.AssignedTask;
import org.earlyhelp.shared.work.AssignedWork;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A practitioner's cases with what is due or overdue, and their tasks from other modules (case
 * file audits and their actions); for a hub lead, also the hub's drift list.
 */
@View
@Route("my-work")
@Menu(order = 4, title = "menu.my-work")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class MyWorkView extends Page {

    MyWorkView(Cases cases, HubDirectory directory, CurrentUsers currentUsers, ObjectProvider<AssignedWork> assigned) {
        super("");
        setHeading(t("work.title"));
        CurrentUser user = currentUsers.require();
        List<CaseSummary> mine = cases.myCases();
        add(new H2(t("work.mine")));
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(t("work.mine-empty"));
            empty.addClassName("empty-state");
            add(empty);
        } else {
            add(grid(mine, "my-cases", t("work.mine")));
        }
        add(new H2(t("work.tasks")));
        List<AssignedTask> tasks = assigned.orderedStream()
                .flatMap(w -> w.assignedTo(user).stream())
                .sorted(Comparator.comparing(AssignedTask::due))
                .toList();
        if (tasks.isEmpty()) {
            Paragraph none = new Paragraph(t("work.tasks-empty"));
            none.addClassName("empty-state");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("my-tasks");
            for (AssignedTask task : tasks) {
                ListItem item = new ListItem(new Anchor(
                        task.route(),
                        getTranslation(task.titleKey(), task.titleArguments().toArray())));
                Span when = new Span(
                        " · " + t(task.overdue() ? "work.task-overdue" : "work.task-due", Texts.day(task.due())));
                if (task.overdue()) {
                    when.addClassName("badge-overdue");
                }
                item.add(when);
                list.add(item);
            }
            add(list);
        }
        if (user.has(Role.HUB_LEAD)) {
            add(new H2(t("work.drift")));
            add(new Paragraph(t("work.drift-intro")));
            List<Hub> hubs = directory.hubs().stream()
                    .filter(h -> user.hubs().contains(h.id()))
                    .toList();
            Select<Hub> hub = Data.mark(new Select<>());
            hub.setLabel(t("queue.hub"));
            hub.setItems(hubs);
            hub.setItemLabelGenerator(Hub::name);
            hub.setVisible(hubs.size() > 1);
            Grid<CaseSummary> drift = grid(List.of(), "drift-cases", t("work.drift"));
            Paragraph none = new Paragraph(t("work.drift-empty"));
            none.addClassName("empty-state");
            Paragraph driftMore = new Paragraph(t("work.drift-more", Cases.MOST_LISTED));
            driftMore.setId("drift-more");
            H2 checksHeading = new H2(t("work.follow-ups"));
            UnorderedList checks = new UnorderedList();
            checks.setId("follow-ups-due");
            Paragraph noChecks = new Paragraph(t("work.follow-ups-empty"));
            noChecks.addClassName("empty-state");
            Paragraph checksMore = new Paragraph(t("work.follow-ups-more", Cases.MOST_LISTED));
            checksMore.setId("follow-ups-more");
            hub.addValueChangeListener(e -> {
                Listing<CaseSummary> drifting = cases.drift(e.getValue().id());
                drift.setItems(drifting.items());
                Grids.fit(drift, drifting.size());
                drift.setVisible(!drifting.isEmpty());
                none.setVisible(drifting.isEmpty());
                driftMore.setVisible(drifting.more());
                checks.removeAll();
                Listing<FollowUpDue> due = cases.followUpsDue(e.getValue().id());
                checksMore.setVisible(due.more());
                for (FollowUpDue f : due.items()) {
                    ListItem item = new ListItem(Data.mark(new Anchor("cases/" + f.caseId(), f.familyLabel())));
                    Span when = new Span(" · "
                            + t(
                                    f.overdue() ? "work.follow-up-overdue" : "work.follow-up-due",
                                    f.months(),
                                    Texts.day(f.due())));
                    if (f.overdue()) {
                        when.addClassName("badge-overdue");
                    }
                    item.add(when);
                    checks.add(item);
                }
                checks.setVisible(!due.isEmpty());
                noChecks.setVisible(due.isEmpty());
            });
            add(
                    hub,
                    drift,
                    none,
                    driftMore,
                    checksHeading,
                    new Paragraph(t("work.follow-ups-intro")),
                    checks,
                    noChecks,
                    checksMore);
            if (!hubs.isEmpty()) {
                hub.setValue(hubs.getFirst());
            }
        }
    }

    private Grid<CaseSummary> grid(List<CaseSummary> items, String id, String label) {
        Grid<CaseSummary> grid = new Grid<>();
        // Rendered in the browser from templates: no server-side components per row.
        grid.addColumn(LitRenderer.<CaseSummary>of("<a href=\"${item.href}\">${item.family}</a>")
                        .withProperty("href", c -> "cases/" + c.id())
                        .withProperty("family", CaseSummary::familyLabel))
                .setHeader(t("work.family"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.lead() ? t("work.you-lead") : c.leadName())
                .setHeader(t("work.lead"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.lastContact() == null ? t("work.no-contact") : Texts.day(c.lastContact()))
                .setHeader(t("work.last-contact"))
                .setAutoWidth(true);
        grid.addColumn(LitRenderer.<CaseSummary>of(
                                "<span class=\"badge-overdue\" ?hidden=\"${!item.overdue}\">${item.overdue}</span>"
                                        + " <span>${item.due}</span>")
                        .withProperty(
                                "overdue",
                                c -> c.due().stream()
                                        .filter(CaseSummary.Due::overdue)
                                        .map(d -> t("work.overdue." + d.what(), Texts.day(d.on())))
                                        .collect(Collectors.joining(" · ")))
                        .withProperty(
                                "due",
                                c -> c.due().stream()
                                        .filter(d -> !d.overdue())
                                        .map(d -> t("work.due." + d.what(), Texts.day(d.on())))
                                        .collect(Collectors.joining(" · "))))
                .setHeader(t("work.due"));
        grid.setItems(items);
        Grids.fit(grid, items.size());
        grid.setId(id);
        grid.setAriaLabel(label);
        return grid;
    }
}
