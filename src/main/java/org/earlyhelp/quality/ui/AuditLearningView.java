package org.earlyhelp.quality.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.quality.AuditLearning;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.quality.Grade;
import org.earlyhelp.quality.LearningFigures.Count;
import org.earlyhelp.quality.LearningFigures.Learning;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;

/**
 * What the partnership learns from its moderated case file audits: the share of grades good or
 * better by month, domain and hub, the themes of the actions, and what changed for cases audited
 * again. Each chart has its table beside it, and each table downloads as CSV.
 */
@View
@Route("quality/learning")
@Menu(order = 62, title = "menu.audit-learning")
@RolesAllowed({Role.ADMIN_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class AuditLearningView extends Page {

    private final transient AuditLearning learning;
    private final transient TableDownloads downloads;
    private final Map<HubId, String> hubNames = new LinkedHashMap<>();
    private final Select<YearMonth> from = Data.mark(new Select<>());
    private final Select<YearMonth> to = Data.mark(new Select<>());
    private final Select<Optional<HubId>> hub = Data.mark(new Select<>());
    private final Div shown = new Div();

    AuditLearningView(AuditLearning learning, HubDirectory hubs, TableDownloads downloads, Clock clock) {
        super("");
        this.learning = learning;
        this.downloads = downloads;
        setHeading(getTranslation("quality.learning.title"));
        add(new Paragraph(getTranslation("quality.learning.intro")));
        hubs.hubs().forEach(h -> hubNames.put(h.id(), h.name()));
        YearMonth now = YearMonth.from(WorkingCalendar.today(clock));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            months.add(now.minusMonths(i));
        }
        from.setLabel(getTranslation("quality.learning.from"));
        from.setItems(months);
        from.setItemLabelGenerator(CaseAuditsView.MONTH::format);
        from.setValue(now.minusMonths(11));
        from.setId("learning-from");
        to.setLabel(getTranslation("quality.learning.to"));
        to.setItems(months);
        to.setItemLabelGenerator(CaseAuditsView.MONTH::format);
        to.setValue(now);
        to.setId("learning-to");
        List<Optional<HubId>> areas = new ArrayList<>();
        areas.add(Optional.empty());
        hubs.hubs().stream().map(Hub::id).map(Optional::of).forEach(areas::add);
        hub.setLabel(getTranslation("quality.learning.hub"));
        hub.setItems(areas);
        hub.setItemLabelGenerator(h -> h.map(this::hubName).orElse(getTranslation("quality.learning.borough")));
        hub.setValue(Optional.empty());
        hub.setId("learning-hub");
        Button show = new Button(getTranslation("quality.learning.show"), e -> load());
        show.setId("learning-show");
        FlexLayout filters = new FlexLayout(from, to, hub, show);
        filters.addClassName("filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(filters, shown);
        shown.setId("learning");
        load();
    }

    private String hubName(HubId id) {
        return hubNames.getOrDefault(id, id.value());
    }

    private static String percent(Count c) {
        return c.grades() == 0 ? "–" : String.format(Locale.UK, "%.0f%%", c.percent());
    }

    private void load() {
        shown.removeAll();
        from.setInvalid(false);
        to.setInvalid(false);
        Learning l;
        try {
            l = learning.learning(from.getValue(), to.getValue(), hub.getValue().orElse(null));
        } catch (ValidationException invalid) {
            Map<String, String> words = Words.of(invalid);
            to.setInvalid(true);
            to.setErrorMessage(words.get("to"));
            return;
        }
        if (l.audits() == 0) {
            Paragraph none = new Paragraph(getTranslation("quality.learning.none"));
            none.addClassName("empty-state");
            none.setId("learning-empty");
            shown.add(none);
            return;
        }
        Paragraph overall = new Paragraph(getTranslation(
                "quality.learning.overall",
                l.audits(),
                percent(l.overall()),
                l.overall().grades()));
        overall.setId("learning-overall");
        shown.add(overall);

        String byMonth = getTranslation("quality.learning.by-month");
        shown.add(section(
                "learning-months",
                byMonth,
                SvgChart.bars(
                        byMonth,
                        l.months().stream()
                                .map(m -> new SvgChart.Bar(
                                        CaseAuditsView.MONTH.format(m.month()),
                                        m.count().percent(),
                                        percent(m.count())))
                                .toList(),
                        100),
                List.of(
                        getTranslation("quality.learning.month"),
                        getTranslation("quality.learning.audits"),
                        getTranslation("quality.learning.grades"),
                        getTranslation("quality.learning.good-or-better")),
                l.months().stream()
                        .map(m -> List.of(
                                CaseAuditsView.MONTH.format(m.month()),
                                String.valueOf(m.audits()),
                                String.valueOf(m.count().grades()),
                                percent(m.count())))
                        .toList()));

        String byDomain = getTranslation("quality.learning.by-domain");
        List<String> domainHeaders = new ArrayList<>(List.of(getTranslation("quality.learning.domain")));
        for (Grade g : Grade.values()) {
            domainHeaders.add(getTranslation("quality.grade." + g.key()));
        }
        domainHeaders.add(getTranslation("quality.learning.good-or-better"));
        shown.add(section(
                "learning-domains",
                byDomain,
                SvgChart.bars(
                        byDomain,
                        l.domains().stream()
                                .map(d -> new SvgChart.Bar(d.domain(), d.count().percent(), percent(d.count())))
                                .toList(),
                        100),
                domainHeaders,
                l.domains().stream()
                        .map(d -> {
                            List<String> row = new ArrayList<>(List.of(d.domain()));
                            for (Grade g : Grade.values()) {
                                row.add(String.valueOf(d.byGrade().getOrDefault(g, 0)));
                            }
                            row.add(percent(d.count()));
                            return List.copyOf(row);
                        })
                        .toList()));

        shown.add(section(
                "learning-hubs",
                getTranslation("quality.learning.by-hub"),
                null,
                List.of(
                        getTranslation("quality.audits.hub"),
                        getTranslation("quality.learning.audits"),
                        getTranslation("quality.learning.grades"),
                        getTranslation("quality.learning.good-or-better")),
                l.hubs().stream()
                        .map(h -> List.of(
                                hubName(h.hub()),
                                String.valueOf(h.audits()),
                                String.valueOf(h.count().grades()),
                                percent(h.count())))
                        .toList()));

        shown.add(section(
                "learning-themes",
                getTranslation("quality.learning.themes"),
                null,
                List.of(
                        getTranslation("quality.learning.theme"),
                        getTranslation("quality.learning.actions"),
                        getTranslation("quality.learning.open"),
                        getTranslation("quality.learning.overdue")),
                l.themes().stream()
                        .map(t -> List.of(
                                getTranslation("quality.theme." + t.theme().key()),
                                String.valueOf(t.actions()),
                                String.valueOf(t.open()),
                                String.valueOf(t.overdue())))
                        .toList()));

        shown.add(section(
                "learning-reaudits",
                getTranslation("quality.learning.reaudits"),
                null,
                List.of(
                        getTranslation("quality.audits.case"),
                        getTranslation("quality.audits.hub"),
                        getTranslation("quality.learning.first"),
                        getTranslation("quality.learning.latest")),
                l.reAudits().stream()
                        .map(r -> List.of(
                                CaseAudit.reference(r.caseId()),
                                hubName(r.hub()),
                                CaseAuditsView.MONTH.format(r.first()) + ": " + percent(r.before()),
                                CaseAuditsView.MONTH.format(r.latest()) + ": " + percent(r.after())))
                        .toList()));
    }

    /** A section with its chart (if any), its table and the table as CSV: one definition for all three. */
    private Section section(
            String id, String title, @Nullable Svg chart, List<String> headers, List<List<String>> rows) {
        Section section = new Section(new H2(title));
        section.setId(id);
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("quality.learning.section-empty"));
            none.addClassName("empty-state");
            section.add(none);
            return section;
        }
        if (chart != null) {
            section.add(chart);
        }
        Grid<List<String>> grid = new Grid<>();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            grid.addColumn(r -> r.get(column)).setHeader(headers.get(i)).setAutoWidth(true);
        }
        grid.setItems(rows);
        Grids.fit(grid, rows.size());
        grid.setAriaLabel(title);
        grid.setId(id + "-table");
        section.add(
                grid,
                CsvDownload.of(
                        id + "-csv",
                        getTranslation("quality.learning.csv", title),
                        TableDownloads.fileName(title),
                        () -> downloads.csv(title, hub.getValue().orElse(null), headers, new TableRows(rows))));
        return section;
    }
}
