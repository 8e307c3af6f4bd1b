package org.earlyhelp.referrals.ui;

import static java.util.Objects.requireNonNull;
import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.earlyhelp.referrals.MyRequests;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;

/** The requests for support a person has made, with where each one is: status and decision only. */
@View
@Route("requests")
@Menu(order = 6, title = "menu.my-requests")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class MyRequestsView extends Page {

    private static final int PAGE = 25;

    private final transient MyRequests requests;
    private final Grid<RequestSummary> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Span position = new Span();
    private final Button previous = new Button();
    private final Button next = new Button();
    private int offset;

    MyRequestsView(MyRequests requests) {
        super("");
        this.requests = requests;
        setHeading(t("mine.title"));
        int detailsDays = requests.detailsShownForDays();
        add(new Paragraph(t("mine.intro")), new Paragraph(t("mine.details", detailsDays)));
        add(new Anchor("requests/new", t("mine.new")));
        grid.addColumn(RequestSummary::familyLabel).setHeader(t("mine.family")).setAutoWidth(true);
        grid.addColumn(RequestSummary::hubName).setHeader(t("mine.hub")).setAutoWidth(true);
        grid.addColumn(r -> Texts.dayTime(r.submittedAt()))
                .setHeader(t("mine.sent"))
                .setAutoWidth(true);
        grid.addColumn(Texts::status).setHeader(t("mine.status")).setAutoWidth(true);
        grid.addColumn(r -> r.outcome() == null
                        ? t("mine.due", Texts.dayTime(r.decisionDue()))
                        : Texts.label("outcome", r.outcome()) + " ("
                                + t("level.number", requireNonNull(r.level()).number()) + ")")
                .setHeader(t("mine.decision"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.reasons() != null
                        ? r.reasons()
                        : r.outcome() == null
                                ? ""
                                : r.restricted() ? t("mine.restricted") : t("mine.no-longer-shown", detailsDays))
                .setHeader(t("mine.reasons"));
        grid.addColumn(r -> r.leadName() == null ? "" : r.leadName())
                .setHeader(t("mine.lead"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("my-requests");
        grid.setAriaLabel(t("mine.title"));
        empty.setText(t("mine.empty"));
        empty.addClassName("empty-state");
        previous.setText(t("page.previous"));
        next.setText(t("page.next"));
        previous.addClickListener(e -> {
            offset = Math.max(0, offset - PAGE);
            refresh();
        });
        next.addClickListener(e -> {
            offset += PAGE;
            refresh();
        });
        add(grid, empty, new Div(previous, position, next));
        refresh();
    }

    private void refresh() {
        int total = requests.count();
        List<RequestSummary> page = requests.page(offset, PAGE);
        grid.setItems(page);
        grid.setVisible(!page.isEmpty());
        empty.setVisible(page.isEmpty());
        previous.setEnabled(offset > 0);
        next.setEnabled(offset + PAGE < total);
        position.setText(total == 0 ? "" : t("page.position", offset + 1, Math.min(offset + PAGE, total), total));
    }
}
