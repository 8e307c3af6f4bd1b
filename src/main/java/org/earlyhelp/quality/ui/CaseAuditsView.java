package org.earlyhelp.quality.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.quality.AuditStage;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.quality.CaseAudits;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;

/**
 * A month's case file audits: for administrators every hub's, with the button that draws the
 * month's sample; for hub leads and practitioners the audits that concern them.
 */
@View
@Route("quality/audits")
@Menu(order = 61, title = "menu.case-audits")
@RolesAllowed({Role.ADMIN_AUTHORITY, Role.HUB_LEAD_AUTHORITY, Role.PRACTITIONER_AUTHORITY})
class CaseAuditsView extends Page {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final transient CaseAudits audits;
    private final CurrentUser user;
    private final LocalDate today;
    private final Map<HubId, String> hubNames = new LinkedHashMap<>();
    // Months are shown as dates are everywhere (British English): data, not the page's words.
    private final Select<YearMonth> month = Data.mark(new Select<>());
    private final Grid<CaseAudit> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    CaseAuditsView(CaseAudits audits, HubDirectory hubs, CurrentUsers currentUsers, Clock clock) {
        super("");
        this.audits = audits;
        this.user = currentUsers.require();
        this.today = WorkingCalendar.today(clock);
        hubs.hubs().forEach(h -> hubNames.put(h.id(), h.name()));
        setHeading(getTranslation("quality.audits.title"));
        add(new Paragraph(getTranslation("quality.audits.intro", audits.sampleSize())));

        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(YearMonth.from(today).minusMonths(i));
        }
        month.setLabel(getTranslation("quality.audits.month"));
        month.setItems(months);
        month.setItemLabelGenerator(MONTH::format);
        month.setId("audits-month");
        month.setValue(months.getFirst());
        month.addValueChangeListener(e -> load());
        FlexLayout filters = new FlexLayout(month);
        filters.addClassName("filters");
        filters.setAlignItems(FlexLayout.Alignment.BASELINE);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        if (user.has(Role.ADMIN)) {
            Button draw = new Button(getTranslation("quality.audits.draw"), e -> confirmDraw());
            draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            draw.setId("audits-draw");
            filters.add(draw);
        }
        add(filters);

        grid.addColumn(a -> hubNames.getOrDefault(a.hub(), a.hub().value()))
                .setHeader(getTranslation("quality.audits.hub"))
                .setAutoWidth(true);
        if (user.has(Role.ADMIN)) {
            grid.addColumn(CaseAudit::caseReference)
                    .setHeader(getTranslation("quality.audits.case"))
                    .setAutoWidth(true);
        } else {
            // Rendered in the browser from a template: no server-side component per row.
            grid.addColumn(LitRenderer.<CaseAudit>of("<a href=\"${item.href}\">${item.ref}</a>")
                            .withProperty("href", a -> "quality/audits/" + a.id())
                            .withProperty("ref", CaseAudit::caseReference))
                    .setHeader(getTranslation("quality.audits.case"))
                    .setAutoWidth(true);
        }
        grid.addColumn(CaseAudit::leadName).setHeader(getTranslation("quality.audits.lead"));
        grid.addColumn(a -> a.auditorName() + " (" + a.auditorOrganisation() + ")")
                .setHeader(getTranslation("quality.audits.auditor"));
        grid.addColumn(CaseAudit::moderatorName).setHeader(getTranslation("quality.audits.moderator"));
        grid.addColumn(a -> getTranslation("quality.stage." + a.stage().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("quality.audits.stage"))
                .setAutoWidth(true);
        grid.addColumn(LitRenderer.<CaseAudit>of(
                                "<span class=\"badge-overdue\" ?hidden=\"${!item.overdue}\">${item.overdue}</span>"
                                        + "<span ?hidden=\"${item.overdue}\">${item.due}</span>")
                        .withProperty(
                                "overdue",
                                a -> a.overdue(today)
                                        ? getTranslation("quality.audits.overdue", DAY.format(a.dueOn()))
                                        : "")
                        .withProperty(
                                "due",
                                a -> a.stage() == AuditStage.DONE
                                        ? getTranslation("quality.audits.done")
                                        : getTranslation("quality.audits.due", DAY.format(a.dueOn()))))
                .setHeader(getTranslation("quality.audits.when"))
                .setAutoWidth(true);
        grid.setId("audits-grid");
        grid.setAriaLabel(getTranslation("quality.audits.title"));
        empty.setId("audits-empty");
        empty.addClassName("empty-state");
        add(grid, empty);
        load();
    }

    private void load() {
        List<CaseAudit> shown = audits.month(month.getValue());
        grid.setItems(shown);
        Grids.fit(grid, shown.size());
        grid.setVisible(!shown.isEmpty());
        empty.setText(getTranslation(
                user.has(Role.ADMIN) ? "quality.audits.empty-admin" : "quality.audits.empty",
                MONTH.format(month.getValue())));
        empty.setVisible(shown.isEmpty());
    }

    private void confirmDraw() {
        YearMonth chosen = month.getValue();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("quality.audits.draw.confirm.title", MONTH.format(chosen)));
        dialog.setText(getTranslation("quality.audits.draw.confirm.text", audits.sampleSize()));
        dialog.setConfirmText(getTranslation("quality.audits.draw.confirm.yes"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("quality.audits.draw.confirm.no"));
        dialog.addConfirmListener(c -> {
            try {
                List<CaseAudits.HubSample> samples = audits.draw(chosen);
                String said = samples.stream()
                        .map(s -> hubNames.getOrDefault(s.hub(), s.hub().value()) + ": "
                                + (s.alreadyDrawn()
                                        ? getTranslation("quality.audits.drawn-before")
                                        : getTranslation("quality.audits.drawn", s.drawn(), s.eligible())))
                        .collect(Collectors.joining("; "));
                Notification.show(said, 8000, Notification.Position.BOTTOM_START);
            } catch (ValidationException invalid) {
                Notification.show(String.join(" ", Words.of(invalid).values()), 6000, Notification.Position.MIDDLE);
            }
            load();
        });
        Confirmations.focusCancel(dialog);
        dialog.open();
    }
}
