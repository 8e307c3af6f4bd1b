package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Definition;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.TextList;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.EngagementLinks;
import org.earlyhelp.voice.FeedbackInbox;
import org.earlyhelp.voice.FeedbackItem;
import org.earlyhelp.voice.InboxFilter;
import org.earlyhelp.voice.Mode;
import org.earlyhelp.voice.YouSaidWeDid;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * What young people and families said in a hub, with themes to confirm; "you said, we did"
 * responses, who heard them and what changed (the board's Lundy report); and the measures.
 */
@View
@Route("voice/feedback")
@Menu(order = 32, title = "menu.feedback")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class FeedbackView extends Page {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private static final int INBOX_PAGE = 10;

    private final transient FeedbackInbox inbox;
    private final transient YouSaidWeDid responses;
    private final CurrentUser user;
    private final Select<Hub> hub = Data.mark(new Select<>());
    private final Div content = new Div();
    /** Finds an older response; kept while the page is rebuilt. */
    private final TextField responseSearch = new TextField();
    /** The responses as last drawn, which a search draws again. */
    private @Nullable ResponsesSection responsesSection;
    /** The inbox shows a page at a time; how many items of newer feedback are skipped. */
    private int inboxOffset;
    /** Which feedback the inbox shows; kept while the page is rebuilt. */
    private InboxFilter filter = InboxFilter.ALL;
    /** The headings focus can go back to after a rebuild, by what they head. */
    private final Map<String, Component> anchors = new HashMap<>();

    private final transient TableDownloads downloads;
    private final transient EngagementLinks engagementLinks;

    FeedbackView(
            FeedbackInbox inbox,
            YouSaidWeDid responses,
            EngagementLinks engagementLinks,
            HubDirectory directory,
            CurrentUsers currentUsers,
            TableDownloads downloads) {
        super("");
        this.downloads = downloads;
        this.inbox = inbox;
        this.responses = responses;
        this.engagementLinks = engagementLinks;
        this.user = currentUsers.require();
        setHeading(getTranslation("voice.feedback.title"));
        List<Hub> hubs = directory.hubs().stream()
                .filter(h -> user.hubs().contains(h.id()))
                .toList();
        hub.setLabel(getTranslation("voice.hub"));
        hub.setItems(hubs);
        hub.setItemLabelGenerator(Hub::name);
        hub.setVisible(hubs.size() > 1);
        hub.addValueChangeListener(e -> {
            inboxOffset = 0;
            filter = InboxFilter.ALL;
            responseSearch.clear();
            refresh(null);
        });
        responseSearch.setLabel(getTranslation("voice.responses.find"));
        responseSearch.setHelperText(getTranslation("voice.responses.find-help"));
        responseSearch.setId("response-search");
        responseSearch.setClearButtonVisible(true);
        // Searched on Enter or on leaving the field; only the responses are drawn again.
        responseSearch.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        responseSearch.addValueChangeListener(e -> {
            ResponsesSection drawn = responsesSection;
            if (e.isFromClient() && drawn != null) {
                drawn.draw();
            }
        });
        add(new Paragraph(getTranslation("voice.feedback.intro")), hub, content);
        if (!hubs.isEmpty()) {
            hub.setValue(hubs.getFirst());
        }
    }

    /**
     * Builds the page's content again. The control a person used is gone with it, so focus goes to
     * the heading of what they acted on ({@code "response:" + id}, {@code "feedback:" + id}, {@code
     * "inbox"}), and a keyboard or screen reader user keeps their place.
     */
    private void refresh(@Nullable String focusOn) {
        content.removeAll();
        anchors.clear();
        if (hub.getValue() == null) {
            return;
        }
        try {
            measures();
            responses();
            feedback();
        } catch (AccessDeniedException e) {
            content.add(new Paragraph(getTranslation("voice.feedback.refused")));
        }
        if (focusOn != null && anchors.containsKey(focusOn)) {
            Focus.now(anchors.get(focusOn));
        }
    }

    private void measures() {
        YouSaidWeDid.Measures m = responses.measures(hub.getValue().id());
        Section section = new Section(new H2(getTranslation("voice.measures.title")));
        section.setId("voice-measures");
        TextList list = new TextList();
        list.add(getTranslation("voice.measures.feedback", m.feedback(), m.alerts()));
        list.add(
                m.medianMinutesToAcknowledge() == null
                        ? getTranslation("voice.measures.no-acknowledged")
                        : getTranslation("voice.measures.acknowledge", Math.round(m.medianMinutesToAcknowledge())));
        list.add(getTranslation("voice.measures.answered", m.themesAnswered(), m.themes()));
        m.moodByMonth()
                .forEach((month, mood) -> list.add(getTranslation(
                        "voice.measures.mood",
                        month.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK)),
                        String.format(Locale.UK, "%.1f", mood))));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(getTranslation("voice.measures.csv.feedback"), m.feedback()));
        rows.add(List.of(getTranslation("voice.measures.csv.alerts"), m.alerts()));
        rows.add(Arrays.asList(
                getTranslation("voice.measures.csv.acknowledge"),
                m.medianMinutesToAcknowledge() == null ? null : Math.round(m.medianMinutesToAcknowledge())));
        rows.add(List.of(getTranslation("voice.measures.csv.themes"), m.themes()));
        rows.add(List.of(getTranslation("voice.measures.csv.answered"), m.themesAnswered()));
        m.moodByMonth()
                .forEach((month, mood) -> rows.add(List.of(
                        getTranslation("voice.measures.csv.mood", month.toString()), Math.round(mood * 10) / 10.0)));
        section.add(
                list.build(),
                download(
                        "voice-measures-csv",
                        "voice.measures.title",
                        List.of(
                                getTranslation("voice.measures.csv.measure"),
                                getTranslation("voice.measures.csv.value")),
                        () -> rows),
                Definition.of(
                        getTranslation("define.summary"),
                        "voice.measures.title",
                        getTranslation("define.voice.measures.title")));
        content.add(section);
    }

    private void responses() {
        ResponsesSection section = new ResponsesSection(
                responses,
                hub.getValue().id(),
                user.displayName(),
                user.has(Role.HUB_LEAD),
                responseSearch,
                this::refresh,
                anchors);
        responsesSection = section;
        if (section.any()) {
            // Every response and its hearings are read when the link is followed, not each time
            // the page is drawn.
            HubId of = hub.getValue().id();
            section.add(download(
                    "lundy-csv",
                    "voice.lundy.title",
                    LundyReport.headers(this::getTranslation),
                    () -> LundyReport.rows(
                            responses.report(of), engagementLinks.topicsOfResponses(of), this::getTranslation)));
        }
        content.add(section);
    }

    /** A table of the page as CSV, recorded in the audit log with the hub. */
    private Anchor download(
            String id, String titleKey, List<String> headers, SerializableSupplier<List<? extends List<?>>> rows) {
        String title = getTranslation(titleKey) + ", " + hub.getValue().name();
        HubId of = hub.getValue().id();
        return CsvDownload.of(
                id,
                getTranslation("export.csv", getTranslation(titleKey)),
                TableDownloads.fileName(title),
                () -> downloads.csv(title, of, headers, new TableRows(rows.get())));
    }

    /** Filters for the inbox: a confirmed theme, dates, how the young person chose to be known, alerts. */
    private Component filterForm() {
        Select<String> theme = new Select<>();
        theme.setLabel(getTranslation("voice.inbox.filter.theme"));
        theme.setId("inbox-theme");
        theme.setItems(responses.confirmedThemes(hub.getValue().id()).keySet());
        theme.setItemLabelGenerator(Themes::label);
        theme.setEmptySelectionAllowed(true);
        theme.setEmptySelectionCaption(getTranslation("voice.inbox.filter.any-theme"));
        theme.setValue(filter.theme());
        DatePicker from = DateFields.of(getTranslation("voice.inbox.filter.from"));
        from.setId("inbox-from");
        from.setValue(filter.from());
        DatePicker to = DateFields.of(getTranslation("voice.inbox.filter.to"));
        to.setId("inbox-to");
        to.setValue(filter.to());
        Select<Mode> mode = new Select<>();
        mode.setLabel(getTranslation("voice.inbox.filter.mode"));
        mode.setId("inbox-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m == null
                ? getTranslation("voice.inbox.filter.any-mode")
                : getTranslation("voice.inbox.filter.mode." + m.name().toLowerCase(Locale.ROOT)));
        mode.setEmptySelectionAllowed(true);
        mode.setEmptySelectionCaption(getTranslation("voice.inbox.filter.any-mode"));
        mode.setValue(filter.mode());
        Checkbox alerts = new Checkbox(getTranslation("voice.inbox.filter.alerts"), filter.alertsOnly());
        alerts.setId("inbox-alerts");
        Button show = new Button(getTranslation("voice.inbox.filter.show"), e -> {
            try {
                filter = new InboxFilter(
                        theme.getValue(), from.getValue(), to.getValue(), mode.getValue(), alerts.getValue());
                inboxOffset = 0;
                refresh("inbox");
            } catch (ValidationException invalid) {
                to.setInvalid(true);
                to.setErrorMessage(Words.of(invalid).get("to"));
            }
        });
        show.setId("inbox-filter");
        Button clear = new Button(getTranslation("voice.inbox.filter.clear"), e -> {
            filter = InboxFilter.ALL;
            inboxOffset = 0;
            refresh("inbox");
        });
        clear.setId("inbox-clear");
        clear.setEnabled(filter.filters());
        FormLayout fields = new FormLayout(theme, mode, from, to, alerts);
        Div form = new Div(fields, new HorizontalLayout(show, clear));
        form.addClassName("inbox-filter");
        return form;
    }

    private void feedback() {
        H2 inboxHeading = new H2(getTranslation("voice.inbox.title"));
        anchors.put("inbox", inboxHeading);
        Section section = new Section(inboxHeading);
        section.setId("inbox");
        section.add(filterForm());
        // One more than a page is asked for, to know whether there is older feedback.
        List<FeedbackItem> page = inbox.ofHub(hub.getValue().id(), filter, INBOX_PAGE + 1, inboxOffset);
        List<FeedbackItem> items = page.stream().limit(INBOX_PAGE).toList();
        if (items.isEmpty()) {
            section.add(
                    new Paragraph(getTranslation(filter.filters() ? "voice.inbox.none-filtered" : "voice.inbox.none")));
        } else {
            section.add(
                    new Paragraph(getTranslation("voice.inbox.showing", inboxOffset + 1, inboxOffset + items.size())));
        }
        for (FeedbackItem f : items) {
            Section card = new Section();
            card.addClassName("home-section");
            card.addClassName("feedback-item");
            H3 itemHeading = new H3(getTranslation(
                    "voice.inbox.item",
                    WHEN.format(f.submittedAt().atZone(WorkingCalendar.LONDON)),
                    getTranslation("voice.band." + SayView.slug(f.ageBand())),
                    f.invitationLabel()));
            anchors.put("feedback:" + f.id(), itemHeading);
            card.add(itemHeading);
            // What the young person said is only read here: one element, not a component a line.
            TextList answers = new TextList();
            if (f.safeguarding()) {
                answers.add(getTranslation("voice.inbox.safeguarding"), "badge-overdue");
            }
            answers.add(getTranslation(
                    "voice.inbox.who." + f.mode().name().toLowerCase(Locale.ROOT),
                    f.firstName() == null ? "" : f.firstName()));
            if (f.mood() != null) {
                answers.add(getTranslation("voice.inbox.mood", getTranslation("voice.mood." + f.mood())));
            }
            if (f.feelSafe() != null) {
                answers.add(getTranslation(
                        "voice.inbox.safe",
                        getTranslation("voice.safe."
                                + f.feelSafe().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
            }
            for (String[] a : new String[][] {
                {"helping", f.helping()}, {"change", f.change()}, {"worker", f.worker()}, {"anything", f.anything()}
            }) {
                if (a[1] != null) {
                    answers.add(getTranslation("voice.inbox." + a[0], a[1]));
                }
            }
            card.add(answers.build());
            Set<String> themes = new LinkedHashSet<>(f.suggestedThemes());
            themes.addAll(f.confirmedThemes());
            if (!themes.isEmpty()) {
                CheckboxGroup<String> choose = new CheckboxGroup<>(getTranslation("voice.inbox.themes"));
                choose.setItems(themes);
                choose.setItemLabelGenerator(Themes::label);
                choose.setValue(new LinkedHashSet<>(f.confirmedThemes()));
                choose.setItemEnabledProvider(t -> !f.confirmedThemes().contains(t));
                Button confirm = new Button(getTranslation("voice.inbox.confirm"), e -> {
                    inbox.confirm(f.id(), choose.getValue());
                    refresh("feedback:" + f.id());
                });
                confirm.addClassName("confirm-themes");
                card.add(choose, confirm);
            }
            section.add(card);
        }
        Button newer = new Button(getTranslation("voice.inbox.newer"), e -> {
            inboxOffset = Math.max(0, inboxOffset - INBOX_PAGE);
            refresh("inbox");
        });
        newer.setId("inbox-newer");
        newer.setEnabled(inboxOffset > 0);
        Button older = new Button(getTranslation("voice.inbox.older"), e -> {
            inboxOffset += INBOX_PAGE;
            refresh("inbox");
        });
        older.setId("inbox-older");
        older.setEnabled(page.size() > INBOX_PAGE);
        if (newer.isEnabled() || older.isEnabled()) {
            section.add(new HorizontalLayout(newer, older));
        }
        content.add(section);
    }
}
