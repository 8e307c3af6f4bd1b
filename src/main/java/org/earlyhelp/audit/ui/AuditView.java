package org.earlyhelp.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.audit.AuditChain;
import org.earlyhelp.audit.AuditEntry;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;

/** The audit log for administrators: who did what, to which record, when and from where. */
@View
@Route("admin/audit")
@Menu(order = 90, title = "menu.audit")
@RolesAllowed(Role.ADMIN_AUTHORITY)
class AuditView extends Page {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private final transient AuditTrail trail;
    private final transient AuditChain chain;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Div export = new Div();
    private List<AuditEntry> found = List.of();

    AuditView(AuditTrail trail, AuditChain chain) {
        super("");
        this.trail = trail;
        this.chain = chain;
        setHeading(getTranslation("audit.title"));
        add(new Paragraph(getTranslation("audit.intro")));
        TextField actor = new TextField(getTranslation("audit.actor"));
        actor.setId("audit-actor");
        TextField type = new TextField(getTranslation("audit.type"));
        type.setHelperText(getTranslation("audit.type-help"));
        type.setId("audit-type");
        TextField id = new TextField(getTranslation("audit.id"));
        id.setHelperText(getTranslation("audit.id-help"));
        id.setId("audit-id");
        DatePicker from = new DatePicker(getTranslation("audit.from"));
        from.setLocale(Locale.UK);
        DatePicker to = new DatePicker(getTranslation("audit.to"));
        to.setLocale(Locale.UK);
        Paragraph count = new Paragraph();
        count.setId("audit-count");
        Button search = new Button(getTranslation("audit.search"), e -> {
            found = trail.search(
                    actor.getValue(), type.getValue(), id.getValue(), from.getValue(), to.getValue(), 1000);
            grid.setItems(found);
            count.setText(getTranslation("audit.count", found.size()));
            export.removeAll();
            if (!found.isEmpty()) {
                String what = "search " + actor.getValue() + "/" + type.getValue() + "/" + id.getValue();
                List<AuditEntry> rows = found;
                Anchor download = new Anchor(
                        DownloadHandler.fromInputStream(event -> {
                            byte[] csv = Csv.bytes(trail.exportCsv(rows, what));
                            return new DownloadResponse(
                                    new ByteArrayInputStream(csv),
                                    "audit-trail.csv",
                                    "text/csv; charset=utf-8",
                                    csv.length);
                        }),
                        getTranslation("audit.export"));
                download.setId("audit-export");
                export.add(download);
            }
        });
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("audit-search");
        grid.addColumn(e -> WHEN.format(e.at().atZone(WorkingCalendar.LONDON)))
                .setHeader(getTranslation("audit.when"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.actor"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::action)
                .setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.recordType() + " " + e.recordId())
                .setHeader(getTranslation("audit.record"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader(getTranslation("audit.reason"));
        grid.addColumn(e -> e.sourceAddress() == null ? "" : e.sourceAddress())
                .setHeader(getTranslation("audit.address"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.details() == null ? "" : e.details()).setHeader(getTranslation("audit.details"));
        grid.setId("audit-grid");
        grid.setAriaLabel(getTranslation("audit.title"));
        grid.setHeight("32rem");
        add(new FormLayout(actor, type, id, from, to), search, count, export, grid);
        add(integrity());
    }

    /** Whether the trail is as it was written: the hash chain checked on request. */
    private Section integrity() {
        Section section = new Section();
        section.setId("audit-integrity");
        H2 heading = new H2(getTranslation("audit.chain.title"));
        Paragraph result = new Paragraph();
        result.setId("audit-chain-result");
        result.getElement().setAttribute("aria-live", "polite");
        Button check = new Button(getTranslation("audit.chain.check"), e -> {
            AuditChain.Check c = chain.check();
            AuditChain.Broken b = c.firstBroken();
            if (b == null) {
                result.setText(getTranslation(
                        "audit.chain.intact", c.sealed(), c.unsealed(), c.head().substring(0, 16)));
                result.removeClassName("field-error");
            } else {
                result.setText(getTranslation(
                        "audit.chain.broken",
                        b.entryId(),
                        b.at() == null ? "" : WHEN.format(b.at().atZone(WorkingCalendar.LONDON)),
                        b.action() == null ? "" : b.action(),
                        b.why(),
                        c.sealed()));
                result.addClassName("field-error");
            }
        });
        check.setId("audit-chain-check");
        section.add(heading, new Paragraph(getTranslation("audit.chain.intro")), check, result);
        return section;
    }
}
