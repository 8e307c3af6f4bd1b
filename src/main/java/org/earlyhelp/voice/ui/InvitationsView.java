package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;

/** Invitations to give feedback: a short code, a link and a QR code for a group or a campaign. */
@View
@Route("voice/invitations")
@Menu(order = 30, title = "menu.invitations")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class InvitationsView extends Page {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final transient Invitations invitations;
    private final transient Clock clock;
    private final Select<Hub> hub = Data.mark(new Select<>());
    private final TextField search = new TextField();
    private final Checkbox onlyOpen = new Checkbox();
    /** How many a search found, announced by screen readers while the person types. */
    private final Paragraph found = new Paragraph();

    private final Div list = new Div();

    InvitationsView(Invitations invitations, HubDirectory directory, CurrentUsers currentUsers, Clock clock) {
        super("");
        this.invitations = invitations;
        this.clock = clock;
        setHeading(getTranslation("voice.invitations.title"));
        CurrentUser user = currentUsers.require();
        List<Hub> hubs = directory.hubs().stream()
                .filter(h -> user.hubs().contains(h.id()))
                .toList();
        add(new Paragraph(getTranslation("voice.invitations.intro")));
        hub.setLabel(getTranslation("voice.hub"));
        hub.setItems(hubs);
        hub.setItemLabelGenerator(Hub::name);
        hub.setId("invitation-hub");
        hub.addValueChangeListener(e -> refresh());

        Select<InvitationKind> kind = new Select<>();
        kind.setLabel(getTranslation("voice.invitations.kind"));
        kind.setItems(InvitationKind.GROUP, InvitationKind.CAMPAIGN);
        kind.setItemLabelGenerator(k -> getTranslation("voice.kind." + k.name().toLowerCase(Locale.ROOT)));
        kind.setValue(InvitationKind.GROUP);
        kind.setId("invitation-kind");
        TextField label = new TextField(getTranslation("voice.invitations.label"));
        label.setId("invitation-label");
        Select<AgeBand> band = new Select<>();
        band.setLabel(getTranslation("voice.invitations.band"));
        band.setItems(AgeBand.values());
        band.setEmptySelectionAllowed(true);
        band.setEmptySelectionCaption(getTranslation("voice.invitations.any-band"));
        band.setItemLabelGenerator(b -> b == null
                ? getTranslation("voice.invitations.any-band")
                : getTranslation("voice.band." + SayView.slug(b)));
        band.setId("invitation-band");
        IntegerField days = new IntegerField(getTranslation("voice.invitations.days"));
        days.setValue(30);
        days.setMin(1);
        days.setMax(365);
        Button create = new Button(getTranslation("voice.invitations.create"), e -> {
            try {
                invitations.create(
                        kind.getValue(),
                        hub.getValue() == null ? null : hub.getValue().id(),
                        null,
                        label.getValue(),
                        band.getValue(),
                        days.getValue());
                label.clear();
                label.setInvalid(false);
                refresh();
            } catch (ValidationException invalid) {
                Map<String, String> p = Words.of(invalid);
                label.setInvalid(p.containsKey("label"));
                label.setErrorMessage(p.get("label"));
                days.setInvalid(p.containsKey("days"));
                days.setErrorMessage(p.get("days"));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-invitation");
        list.setId("invitation-list");
        search.setLabel(getTranslation("voice.invitations.find"));
        search.setHelperText(getTranslation("voice.invitations.find-help", Invitations.SHORTEST_CODE_SEARCHED));
        search.setId("invitation-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        onlyOpen.setLabel(getTranslation("voice.invitations.only-open"));
        onlyOpen.setId("invitation-only-open");
        onlyOpen.addValueChangeListener(e -> refresh());
        found.setId("invitations-found");
        found.getElement().setAttribute("role", "status");
        add(
                hub,
                new FormLayout(kind, label, band, days),
                create,
                new H2(getTranslation("voice.invitations.list")),
                new FormLayout(search, onlyOpen),
                found,
                list);
        if (!hubs.isEmpty()) {
            hub.setValue(hubs.getFirst());
        }
    }

    private void refresh() {
        list.removeAll();
        if (hub.getValue() == null) {
            return;
        }
        boolean narrowed = !search.getValue().isBlank() || onlyOpen.getValue();
        Listing<Invitation> all = invitations.search(hub.getValue().id(), search.getValue(), onlyOpen.getValue());
        found.setText(
                !narrowed
                        ? ""
                        : getTranslation(
                                all.more() ? "voice.invitations.found-more" : "voice.invitations.found", all.size()));
        if (all.isEmpty()) {
            Paragraph none =
                    new Paragraph(getTranslation(narrowed ? "voice.invitations.none-found" : "voice.invitations.none"));
            none.setId("invitations-none");
            list.add(none);
        }
        for (Invitation i : all.items()) {
            Section card = new Section();
            card.addClassName("home-section");
            card.addClassName("invitation");
            card.add(Data.mark(new H2(i.label())));
            UnorderedList facts = new UnorderedList();
            facts.add(new ListItem(getTranslation("voice.invitations.code", i.displayCode())));
            facts.add(new ListItem(Data.mark(new Anchor(invitations.link(i), invitations.link(i)))));
            boolean open = i.expiresAt().isAfter(clock.instant());
            facts.add(new ListItem(getTranslation(
                    open ? "voice.invitations.open-until" : "voice.invitations.closed-on",
                    DAY.format(i.expiresAt().atZone(WorkingCalendar.LONDON)),
                    i.answers())));
            // An Svg component keeps the SVG's own case (viewBox): drawn at its box size, not 29 px.
            Svg qr = new Svg(invitations.qrSvg(i, getTranslation("voice.invitations.qr")));
            qr.addClassName("invitation-qr");
            card.add(facts, qr);
            if (open) {
                card.add(CodeClosing.button(invitations, i.id(), i.label(), this::refresh));
            }
            list.add(card);
        }
        if (all.more()) {
            Paragraph older = new Paragraph(
                    getTranslation(narrowed ? "voice.invitations.more-found" : "voice.invitations.older", all.size()));
            older.setId("invitations-older");
            list.add(older);
        }
    }
}
