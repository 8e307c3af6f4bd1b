package org.earlyhelp.board.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.board.BoardPack;
import org.earlyhelp.board.BoardPacks;
import org.earlyhelp.board.BoardSection;
import org.earlyhelp.board.Commentary;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgLineChart;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;

/**
 * The performance board pack: for a month and a hub or the borough, each measure with its headline,
 * the hub lead's commentary, a 12-month trend chart and its table (with CSV). Prints on its own
 * (the print stylesheet hides the menu and the controls) and downloads as PDF.
 */
@View
@Route("board")
@Menu(order = 64, title = "menu.board-pack")
@RolesAllowed({Role.ADMIN_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class BoardPackView extends Page {

    private final transient BoardPacks packs;
    private final transient TableDownloads downloads;
    private final Map<HubId, String> hubNames = new LinkedHashMap<>();
    private final Select<YearMonth> month = Data.mark(new Select<>());
    private final Select<Optional<HubId>> hub = Data.mark(new Select<>());
    private final Div shown = new Div();
    private transient List<PackTables.Table> tables = List.of();
    private transient @Nullable BoardPack pack;
    private String title = "";

    BoardPackView(BoardPacks packs, HubDirectory hubs, TableDownloads downloads) {
        super("");
        this.packs = packs;
        this.downloads = downloads;
        setHeading(getTranslation("board.title"));
        addClassName("board-pack");
        Paragraph intro = new Paragraph(getTranslation("board.intro"));
        intro.addClassName("no-print");
        add(intro);
        hubs.hubs().forEach(h -> hubNames.put(h.id(), h.name()));
        List<YearMonth> months = packs.months();
        month.setLabel(getTranslation("board.month"));
        month.setItems(months);
        month.setItemLabelGenerator(PackTables.MONTH::format);
        month.setValue(months.size() > 1 ? months.get(1) : months.getFirst());
        month.setId("board-month");
        List<Optional<HubId>> scopes = new ArrayList<>();
        scopes.add(Optional.empty());
        hubs.hubs().stream().map(Hub::id).map(Optional::of).forEach(scopes::add);
        hub.setLabel(getTranslation("board.scope"));
        hub.setItems(scopes);
        hub.setItemLabelGenerator(h -> h.map(this::hubName).orElse(getTranslation("board.borough")));
        hub.setValue(Optional.empty());
        hub.setId("board-scope");
        Button show = new Button(getTranslation("board.show"), e -> load());
        show.setId("board-show");
        Button print =
                new Button(getTranslation("board.print"), e -> getElement().executeJs("window.print()"));
        print.setId("board-print");
        String pdfIntro = getTranslation("board.pdf.intro");
        String commentaryLabel = getTranslation("board.commentary");
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    BoardPack shownPack = pack;
                    Map<BoardSection, Commentary> said = shownPack == null ? Map.of() : shownPack.commentary();
                    byte[] bytes =
                            BoardPackPdf.write(title, pdfIntro, tables, t -> said.get(t.section()), commentaryLabel);
                    if (shownPack != null) {
                        packs.exported(shownPack.month(), shownPack.hub());
                    }
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName(), "application/pdf", bytes.length);
                }),
                getTranslation("board.pdf"));
        pdf.setId("board-pdf");
        pdf.addClassName("pdf-link");
        FlexLayout controls = new FlexLayout(month, hub, show, print, pdf);
        controls.addClassNames("filters", "no-print");
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(FlexLayout.Alignment.BASELINE);
        shown.setId("board-pack");
        add(controls, shown);
        load();
    }

    private String hubName(HubId id) {
        return hubNames.getOrDefault(id, id.value());
    }

    private String fileName() {
        return TableDownloads.fileName(title).replaceFirst("\\.csv$", ".pdf");
    }

    private void load() {
        shown.removeAll();
        month.setInvalid(false);
        BoardPack p;
        try {
            p = packs.pack(month.getValue(), hub.getValue().orElse(null));
        } catch (ValidationException invalid) {
            month.setInvalid(true);
            month.setErrorMessage(
                    Words.of(invalid).values().stream().findFirst().orElse(""));
            return;
        }
        pack = p;
        String scope = p.hub() == null ? getTranslation("board.borough") : p.scopeName();
        title = getTranslation("board.pack-title", scope, PackTables.MONTH.format(p.month()));
        H2 heading = new H2(title);
        heading.setId("board-pack-title");
        shown.add(heading);
        tables = PackTables.of(p, this::getTranslation, this::hubName);
        for (PackTables.Table table : tables) {
            shown.add(section(table, p));
        }
    }

    private Section section(PackTables.Table table, BoardPack pack) {
        String id = "board-" + table.section().key();
        Section section = new Section(new H3(table.title()));
        section.setId(id);
        section.addClassName("board-section");
        Paragraph headline = new Paragraph(table.headline());
        headline.setId(id + "-headline");
        headline.addClassName("board-headline");
        section.add(headline);
        section.add(commentary(table, id, pack));
        if (!table.lines().isEmpty()) {
            section.add(SvgLineChart.draw(
                    getTranslation("board.chart", table.title()), table.labels(), table.lines(), null, -1, ""));
        }
        if (!table.rows().isEmpty()) {
            section.add(nativeTable(id + "-table", table.title(), table.headers(), table.rows()));
            section.add(CsvDownload.of(
                    id + "-csv",
                    getTranslation("board.csv", table.title()),
                    TableDownloads.fileName(title + " " + table.title()),
                    () -> downloads.csv(table.title(), pack.hub(), table.headers(), new TableRows(table.rows()))));
        }
        PackTables.Extra extra = table.extra();
        if (extra != null) {
            section.add(new Paragraph(extra.title()));
            if (extra.rows().isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("board.extra-empty"));
                none.addClassName("empty-state");
                section.add(none);
            } else {
                section.add(nativeTable(id + "-extra", extra.title(), extra.headers(), extra.rows()));
            }
        }
        Paragraph note = new Paragraph(table.note());
        note.addClassName("board-note");
        section.add(note);
        return section;
    }

    private Div commentary(PackTables.Table table, String id, BoardPack pack) {
        Div box = new Div();
        box.addClassName("board-commentary");
        Commentary said = pack.commentary().get(table.section());
        if (!pack.mayComment()) {
            Paragraph text = new Paragraph(
                    said == null || said.text().isBlank()
                            ? getTranslation("board.commentary-none")
                            : getTranslation("board.commentary-by", said.text(), said.writtenBy()));
            text.setId(id + "-commentary");
            box.add(text);
            return box;
        }
        TextArea area = Data.mark(new TextArea(getTranslation("board.commentary")));
        area.setId(id + "-commentary");
        area.setMaxLength(BoardPacks.MOST_CHARACTERS);
        area.setHelperText(getTranslation("board.commentary-help", BoardPacks.MOST_CHARACTERS));
        area.setWidthFull();
        area.setValue(said == null ? "" : said.text());
        int version = said == null ? 0 : said.version();
        Button save = new Button(getTranslation("board.commentary-save"), e -> {
            area.setInvalid(false);
            try {
                packs.comment(pack.month(), pack.hub(), table.section(), area.getValue(), version);
                Notification.show(getTranslation("board.commentary-saved"), 4000, Notification.Position.BOTTOM_START);
                load();
            } catch (ValidationException invalid) {
                area.setInvalid(true);
                area.setErrorMessage(Words.of(invalid).get("text"));
            } catch (ChangedBySomeoneElseException changed) {
                Notification.show(Words.of(changed), 8000, Notification.Position.MIDDLE);
                load();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId(id + "-commentary-save");
        save.addClassName("no-print");
        box.add(area, save);
        return box;
    }

    private static NativeTable nativeTable(String id, String caption, List<String> headers, List<List<String>> rows) {
        NativeTable t = new NativeTable();
        t.setId(id);
        t.addClassName("board-table");
        t.setCaptionText(caption);
        NativeTableRow head = t.getHead().addRow();
        headers.forEach(h -> {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(h);
            cell.getElement().setAttribute("scope", "col");
        });
        for (List<String> row : rows) {
            NativeTableRow r = t.getBody().addRow();
            for (int i = 0; i < row.size(); i++) {
                if (i == 0) {
                    NativeTableHeaderCell cell = Data.mark(r.addHeaderCell());
                    cell.setText(row.get(i));
                    cell.getElement().setAttribute("scope", "row");
                } else {
                    Data.mark(r.addDataCell()).setText(row.get(i));
                }
            }
        }
        return t;
    }
}
