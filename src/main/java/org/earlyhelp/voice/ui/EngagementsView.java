package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.Engagement;
import org.earlyhelp.voice.EngagementLink;
import org.earlyhelp.voice.EngagementLinks;
import org.earlyhelp.voice.EngagementMethod;
import org.earlyhelp.voice.Engagements;
import org.earlyhelp.voice.Engagements.Planned;

/**
 * The shared timetable of engagement: what every partner plans to ask children and young people,
 * with clashes and over-consulted groups flagged, and the form to plan another.
 */
@View
@Route("voice/engagements")
@Menu(order = 33, title = "menu.engagements")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY, Role.ADMIN_AUTHORITY})
class EngagementsView extends Page {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final transient Engagements engagements;
    private final transient EngagementLinks links;
    private final CurrentUser user;
    private final DatePicker from;
    private final DatePicker to;
    private final Grid<Planned> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Map<UUID, String> topics = new LinkedHashMap<>();
    private final LocalDate today;
    private final Map<HubId, String> hubNames = new LinkedHashMap<>();
    private List<Planned> shown = List.of();

    EngagementsView(
            Engagements engagements,
            EngagementLinks links,
            HubDirectory hubs,
            TableDownloads downloads,
            CurrentUsers currentUsers,
            Clock clock) {
        super("");
        this.engagements = engagements;
        this.links = links;
        this.user = currentUsers.require();
        setHeading(getTranslation("voice.engagements.title"));
        add(new Paragraph(getTranslation("voice.engagements.intro", engagements.mostPerTerm())));
        this.today = WorkingCalendar.today(clock);
        from = DateFields.of(getTranslation("voice.engagements.from"));
        // What ran in the last three months too, so that partners see what came of it.
        from.setValue(today.minusMonths(3));
        from.setId("engagements-from");
        to = DateFields.of(getTranslation("voice.engagements.to"));
        to.setValue(today.plusMonths(6));
        to.setId("engagements-to");
        Button show = new Button(getTranslation("voice.engagements.show"), e -> load());
        show.setId("engagements-show");
        FlexLayout window = new FlexLayout(from, to, show);
        window.addClassName("filters");
        window.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        window.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(window);

        grid.addColumn(p -> getTranslation(
                        "voice.engagements.dates",
                        DAY.format(p.engagement().startsOn()),
                        DAY.format(p.engagement().endsOn())))
                .setHeader(getTranslation("voice.engagements.when"))
                .setAutoWidth(true);
        grid.addComponentColumn(p -> {
                    RouterLink open = new RouterLink(
                            p.engagement().topic(),
                            EngagementView.class,
                            new RouteParameters("id", p.engagement().id().toString()));
                    return Data.mark(open);
                })
                .setHeader(getTranslation("voice.engagements.topic"));
        grid.addColumn(p -> p.engagement().audience()
                        + " ("
                        + getTranslation(
                                "voice.engagements.ages",
                                p.engagement().youngest(),
                                p.engagement().oldest())
                        + ")")
                .setHeader(getTranslation("voice.engagements.audience"));
        hubs.hubs().forEach(h -> hubNames.put(h.id(), h.name()));
        grid.addColumn(this::area).setHeader(getTranslation("voice.engagements.area"));
        grid.addColumn(p -> method(p.engagement().method())).setHeader(getTranslation("voice.engagements.method"));
        grid.addColumn(p -> p.engagement().organisation()).setHeader(getTranslation("voice.engagements.by"));
        grid.addColumn(this::flags)
                .setHeader(getTranslation("voice.engagements.flags"))
                .setFlexGrow(2);
        grid.addComponentColumn(this::removeButton).setHeader("");
        grid.setId("engagements-grid");
        grid.setAriaLabel(getTranslation("voice.engagements.grid"));
        empty.setText(getTranslation("voice.engagements.empty"));
        empty.setId("engagements-empty");
        String title = getTranslation("voice.engagements.title");
        add(
                grid,
                empty,
                CsvDownload.of(
                        "engagements-csv",
                        getTranslation("voice.engagements.csv"),
                        TableDownloads.fileName(title),
                        () -> downloads.csv(title, null, headers(), new TableRows(rows()))),
                lundyDownload(downloads));

        Details plan = new Details(getTranslation("voice.engagements.plan"), form(hubs.hubs(), today));
        plan.setId("open-plan-engagement");
        add(plan);
        load();
    }

    /** The Lundy report of the engagements in the window shown: one row per hearing of each answer. */
    private Component lundyDownload(TableDownloads downloads) {
        String title = getTranslation("voice.engagements.lundy");
        List<String> headers = List.of(
                getTranslation("voice.engagements.topic"),
                getTranslation("voice.engagements.by"),
                getTranslation("voice.engagements.audience"),
                getTranslation("voice.engagements.method"),
                getTranslation("voice.engagements.from"),
                getTranslation("voice.engagements.to"),
                getTranslation("voice.engagement.invitations"),
                getTranslation("voice.engagement.answers"),
                getTranslation("voice.responses.theme"),
                getTranslation("voice.responses.status"),
                getTranslation("voice.responses.we-did"),
                getTranslation("voice.lundy.heard-by"),
                getTranslation("voice.lundy.heard-on"),
                getTranslation("voice.lundy.what-changed"));
        return CsvDownload.of(
                "engagements-lundy-csv", getTranslation("export.csv", title), TableDownloads.fileName(title), () -> {
                    LocalDate start = Optional.ofNullable(from.getValue()).orElse(today);
                    LocalDate end = Optional.ofNullable(to.getValue()).orElse(start.plusMonths(6));
                    List<List<Object>> rows = new ArrayList<>();
                    for (EngagementLink.LundyRow r : links.lundy(start, end.isBefore(start) ? start : end)) {
                        rows.add(Arrays.asList(
                                r.topic(),
                                r.organisation(),
                                r.audience(),
                                method(r.method()),
                                r.startsOn().toString(),
                                r.endsOn().toString(),
                                r.invitations(),
                                r.answers(),
                                r.theme(),
                                r.status() == null
                                        ? null
                                        : getTranslation("voice.status."
                                                + r.status()
                                                        .name()
                                                        .toLowerCase(Locale.ROOT)
                                                        .replace('_', '-')),
                                r.weDid(),
                                r.heardBy(),
                                r.heardOn() == null ? null : r.heardOn().toString(),
                                r.whatChanged()));
                    }
                    return downloads.csv(title, null, headers, new TableRows(rows));
                });
    }

    private void load() {
        LocalDate start = Optional.ofNullable(from.getValue()).orElse(today);
        LocalDate end = Optional.ofNullable(to.getValue()).orElse(start.plusMonths(6));
        shown = engagements.timetable(start, end.isBefore(start) ? start : end);
        topics.clear();
        shown.forEach(p -> topics.put(p.engagement().id(), p.engagement().topic()));
        grid.setItems(shown);
        Grids.fit(grid, shown.size());
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
    }

    private String area(Planned p) {
        HubId hub = p.engagement().hub();
        return hub == null ? getTranslation("voice.engagements.borough") : hubNames.getOrDefault(hub, hub.value());
    }

    private List<String> headers() {
        return List.of(
                getTranslation("voice.engagements.starts"),
                getTranslation("voice.engagements.ends"),
                getTranslation("voice.engagements.topic"),
                getTranslation("voice.engagements.audience"),
                getTranslation("voice.engagement.field.youngest"),
                getTranslation("voice.engagement.field.oldest"),
                getTranslation("voice.engagements.area"),
                getTranslation("voice.engagements.method"),
                getTranslation("voice.engagements.by"),
                getTranslation("voice.engagements.flags"));
    }

    /** The rows shown, as the CSV gives them. */
    private List<List<Object>> rows() {
        return shown.stream()
                .map(p -> List.<Object>of(
                        p.engagement().startsOn().toString(),
                        p.engagement().endsOn().toString(),
                        p.engagement().topic(),
                        p.engagement().audience(),
                        p.engagement().youngest(),
                        p.engagement().oldest(),
                        area(p),
                        method(p.engagement().method()),
                        p.engagement().organisation(),
                        flags(p)))
                .toList();
    }

    private String method(EngagementMethod m) {
        return getTranslation(
                "voice.engagement.method." + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private String flags(Planned p) {
        List<String> said = new ArrayList<>();
        if (!p.flags().clashesWith().isEmpty()) {
            said.add(getTranslation(
                    "voice.engagements.clashes",
                    p.flags().clashesWith().stream()
                            .map(id -> topics.getOrDefault(id, ""))
                            .filter(t -> !t.isEmpty())
                            .collect(Collectors.joining("; "))));
        }
        if (p.flags().askedTooOften()) {
            said.add(getTranslation("voice.engagements.too-often", p.flags().askedThisTerm()));
        }
        return said.isEmpty() ? getTranslation("voice.engagements.none") : String.join(". ", said);
    }

    private Component removeButton(Planned p) {
        Engagement e = p.engagement();
        if (!user.has(Role.ADMIN) && !e.plannedByUser().equals(user.username())) {
            return new Span();
        }
        Button remove = new Button(getTranslation("voice.engagements.remove"), click -> {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader(getTranslation("voice.engagements.remove.confirm.title"));
            dialog.setText(getTranslation("voice.engagements.remove.confirm.text", e.topic()));
            dialog.setConfirmText(getTranslation("voice.engagements.remove.confirm.yes"));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("voice.engagements.remove.confirm.no"));
            dialog.addConfirmListener(c -> {
                engagements.remove(e.id());
                Notification.show(
                        getTranslation("voice.engagements.removed"), 3000, Notification.Position.BOTTOM_START);
                load();
            });
            Confirmations.focusCancel(dialog);
            dialog.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.getElement().setAttribute("aria-label", getTranslation("voice.engagements.remove") + ": " + e.topic());
        return remove;
    }

    private Component form(List<Hub> hubs, LocalDate today) {
        TextField topic = new TextField(getTranslation("voice.engagement.field.topic"));
        topic.setId("engagement-topic");
        topic.setWidthFull();
        IntegerField youngest = new IntegerField(getTranslation("voice.engagement.field.youngest"));
        youngest.setId("engagement-youngest");
        youngest.setMin(0);
        youngest.setMax(25);
        IntegerField oldest = new IntegerField(getTranslation("voice.engagement.field.oldest"));
        oldest.setId("engagement-oldest");
        oldest.setMin(0);
        oldest.setMax(25);
        // Hubs' names are data; the select's own label is still the page's words.
        Select<Optional<HubId>> hub = Data.mark(new Select<>());
        hub.setLabel(getTranslation("voice.engagement.field.hub"));
        hub.setId("engagement-hub");
        List<Optional<HubId>> areas = new ArrayList<>();
        areas.add(Optional.empty());
        hubs.forEach(h -> areas.add(Optional.of(h.id())));
        hub.setItems(areas);
        hub.setItemLabelGenerator(a -> a.map(id -> hubs.stream()
                        .filter(h -> h.id().equals(id))
                        .map(Hub::name)
                        .findFirst()
                        .orElse(id.value()))
                .orElse(getTranslation("voice.engagements.borough")));
        hub.setValue(Optional.empty());
        TextField audience = new TextField(getTranslation("voice.engagement.field.audience"));
        audience.setHelperText(getTranslation("voice.engagement.field.audience-help"));
        audience.setId("engagement-audience");
        audience.setWidthFull();
        Select<EngagementMethod> method = new Select<>();
        method.setLabel(getTranslation("voice.engagement.field.method"));
        method.setId("engagement-method");
        method.setItems(EngagementMethod.values());
        method.setItemLabelGenerator(this::method);
        DatePicker starts = DateFields.of(getTranslation("voice.engagement.field.starts-on"));
        starts.setId("engagement-starts");
        starts.setMin(today);
        DatePicker ends = DateFields.of(getTranslation("voice.engagement.field.ends-on"));
        ends.setId("engagement-ends");
        ends.setMin(today);
        TextField organisation = new TextField(getTranslation("voice.engagement.field.organisation"));
        organisation.setId("engagement-organisation");
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("topic", topic);
        fields.put("youngest", youngest);
        fields.put("oldest", oldest);
        fields.put("hub", hub);
        fields.put("audience", audience);
        fields.put("method", method);
        fields.put("startsOn", starts);
        fields.put("endsOn", ends);
        fields.put("organisation", organisation);
        Button save = new Button(getTranslation("voice.engagements.save"), e -> {
            try {
                engagements.plan(new Engagements.Draft(
                        topic.getValue(),
                        youngest.getValue(),
                        oldest.getValue(),
                        hub.getValue() == null ? null : hub.getValue().orElse(null),
                        audience.getValue(),
                        method.getValue(),
                        starts.getValue(),
                        ends.getValue(),
                        organisation.getValue()));
                fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
                Notification.show(
                        getTranslation("voice.engagements.planned", topic.getValue()),
                        3000,
                        Notification.Position.BOTTOM_START);
                topic.clear();
                audience.clear();
                load();
            } catch (ValidationException invalid) {
                Map<String, String> words = Words.of(invalid);
                fields.forEach((key, f) -> {
                    ((HasValidation) f).setInvalid(words.containsKey(key));
                    ((HasValidation) f).setErrorMessage(words.get(key));
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("engagement-save");
        Div form = new Div(topic, youngest, oldest, hub, audience, method, starts, ends, organisation, save);
        form.addClassName("case-form");
        return form;
    }
}
