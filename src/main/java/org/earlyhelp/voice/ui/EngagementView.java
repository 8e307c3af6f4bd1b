package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.Engagement;
import org.earlyhelp.voice.EngagementLink.Kind;
import org.earlyhelp.voice.EngagementLink.LinkedInvitation;
import org.earlyhelp.voice.EngagementLink.LinkedResponse;
import org.earlyhelp.voice.EngagementLink.Links;
import org.earlyhelp.voice.EngagementLinks;
import org.earlyhelp.voice.Response;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One engagement on the timetable: the invitations that asked its group and the "you said, we did"
 * answers that came of it, with what the Lundy model asks of each consultation: the space, the
 * voice, the audience and the influence. Whoever planned it, its hub's lead and administrators link
 * and unlink.
 */
@View
@Route("voice/engagements/:id")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY, Role.ADMIN_AUTHORITY})
class EngagementView extends Page implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final transient EngagementLinks links;
    private final transient HubDirectory hubs;
    private UUID id = new UUID(0, 0);

    EngagementView(EngagementLinks links, HubDirectory hubs) {
        super("");
        this.links = links;
        this.hubs = hubs;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID routed = idFrom(event);
        if (routed == null) {
            return;
        }
        id = routed;
        try {
            refresh();
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private static String day(@Nullable Instant at) {
        return at == null ? "–" : DAY.format(at.atZone(WorkingCalendar.LONDON));
    }

    private void refresh() {
        Links l = links.links(id);
        Engagement e = l.engagement();
        getChildren().skip(1).toList().forEach(this::remove);
        setHeading(getTranslation("voice.engagement.title", e.topic()));
        String area = e.hub() == null
                ? getTranslation("voice.engagements.borough")
                : hubs.hub(e.hub()).map(h -> h.name()).orElse(e.hub().value());
        Paragraph about = new Paragraph(getTranslation(
                "voice.engagement.about",
                e.audience(),
                e.youngest(),
                e.oldest(),
                area,
                getTranslation("voice.engagement.method."
                        + e.method().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                DAY.format(e.startsOn()),
                DAY.format(e.endsOn()),
                e.organisation(),
                e.plannedBy()));
        about.setId("engagement-about");
        add(about);
        add(lundy(l));

        Section invitations = new Section(new H2(getTranslation("voice.engagement.invitations")));
        invitations.setId("engagement-invitations");
        Grid<LinkedInvitation> asked = new Grid<>();
        asked.addColumn(LinkedInvitation::label).setHeader(getTranslation("voice.engagement.label"));
        asked.addColumn(i -> day(i.createdAt())).setHeader(getTranslation("voice.engagement.made-on"));
        asked.addColumn(LinkedInvitation::answers).setHeader(getTranslation("voice.engagement.answers"));
        if (l.mayLink()) {
            asked.addComponentColumn(i -> unlink(Kind.INVITATION, i.id(), i.label()))
                    .setHeader("");
        }
        invitations.add(
                list(asked, l.invitations().items(), "engagement-invitations-grid", "voice.engagement.none-invited"));
        if (l.invitations().more()) {
            invitations.add(older(
                    "engagement-invitations-older",
                    "voice.engagement.invitations-older",
                    l.reach().invitations(),
                    l.invitations().size()));
        }
        if (l.mayLink()) {
            invitations.add(linker(
                    "engagement-link-invitation",
                    "voice.engagement.link-invitation",
                    l.otherInvitations(),
                    LinkedInvitation::label,
                    i -> links.link(id, Kind.INVITATION, i.id())));
        }
        add(invitations);

        Section answers = new Section(new H2(getTranslation("voice.engagement.responses")));
        answers.setId("engagement-responses");
        Grid<LinkedResponse> came = new Grid<>();
        came.addColumn(LinkedResponse::theme).setHeader(getTranslation("voice.responses.theme"));
        came.addColumn(LinkedResponse::youSaid).setHeader(getTranslation("voice.responses.you-said"));
        came.addColumn(r -> getTranslation("voice.status."
                        + r.status().name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .setHeader(getTranslation("voice.responses.status"));
        came.addColumn(r -> r.weDid() == null ? "–" : r.weDid()).setHeader(getTranslation("voice.responses.we-did"));
        came.addColumn(r -> day(r.publishedAt())).setHeader(getTranslation("voice.lundy.published-on"));
        if (l.mayLink()) {
            came.addComponentColumn(r -> unlink(Kind.RESPONSE, r.id(), r.theme()))
                    .setHeader("");
        }
        answers.add(list(came, l.responses().items(), "engagement-responses-grid", "voice.engagement.none-answered"));
        if (l.responses().more()) {
            answers.add(older(
                    "engagement-responses-older",
                    "voice.engagement.responses-older",
                    l.reach().responses(),
                    l.responses().size()));
        }
        if (l.mayLink()) {
            answers.add(linker(
                    "engagement-link-response",
                    "voice.engagement.link-response",
                    l.otherResponses(),
                    r -> r.theme() + ": " + r.youSaid(),
                    r -> links.link(id, Kind.RESPONSE, r.id())));
        }
        add(answers);
    }

    /** The Lundy model's four questions, answered from what is linked. */
    private Section lundy(Links l) {
        Section s = new Section(new H2(getTranslation("voice.engagement.lundy")));
        s.setId("engagement-lundy");
        UnorderedList list = new UnorderedList();
        list.add(new ListItem(getTranslation(
                "voice.engagement.space",
                getTranslation("voice.engagement.method."
                        + l.engagement()
                                .method()
                                .name()
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '-')),
                DAY.format(l.engagement().startsOn()),
                DAY.format(l.engagement().endsOn()))));
        list.add(new ListItem(getTranslation(
                "voice.engagement.voice", l.reach().answers(), l.reach().invitations())));
        List<Response.Hearing> heard = l.hearings();
        list.add(new ListItem(
                heard.isEmpty()
                        ? getTranslation("voice.engagement.audience-none")
                        : getTranslation(
                                "voice.engagement.audience",
                                String.join(
                                        "; ",
                                        heard.stream()
                                                .map(h -> h.heardBy() + " (" + DAY.format(h.heardOn()) + ")")
                                                .toList()))));
        list.add(new ListItem(
                heard.isEmpty()
                        ? getTranslation("voice.engagement.influence-none")
                        : getTranslation(
                                "voice.engagement.influence",
                                String.join(
                                        "; ",
                                        heard.stream()
                                                .map(Response.Hearing::whatChanged)
                                                .toList()))));
        s.add(list);
        return s;
    }

    private Paragraph older(String id, String key, int all, int listed) {
        Paragraph older = new Paragraph(getTranslation(key, all, listed));
        older.setId(id);
        return older;
    }

    private <T> Component list(Grid<T> grid, List<T> items, String gridId, String noneKey) {
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(noneKey));
            none.addClassName("empty-state");
            none.setId(gridId + "-empty");
            return none;
        }
        grid.setItems(items);
        grid.setId(gridId);
        grid.setAriaLabel(getTranslation(noneKey + ".grid"));
        Grids.fit(grid, items.size());
        return grid;
    }

    private Button unlink(Kind kind, UUID item, String what) {
        Button b = new Button(getTranslation("voice.engagement.unlink"), e -> {
            links.unlink(id, kind, item);
            refresh();
        });
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.setAriaLabel(getTranslation("voice.engagement.unlink-named", what));
        return b;
    }

    private <T> Component linker(
            String idPrefix, String labelKey, Listing<T> others, Function<T, String> label, Consumer<T> link) {
        Select<T> choose = Data.mark(new Select<>());
        choose.setLabel(getTranslation(labelKey));
        choose.setId(idPrefix + "-choose");
        choose.setItems(others.items());
        choose.setItemLabelGenerator(label::apply);
        choose.setEmptySelectionAllowed(false);
        choose.setEnabled(!others.isEmpty());
        if (others.isEmpty()) {
            choose.setHelperText(getTranslation("voice.engagement.nothing-to-link"));
        } else if (others.more()) {
            choose.setHelperText(getTranslation("voice.engagement.more-to-link", others.size()));
        }
        Button add = new Button(getTranslation("voice.engagement.link"), e -> {
            T chosen = choose.getValue();
            if (chosen == null) {
                choose.setInvalid(true);
                choose.setErrorMessage(getTranslation("voice.engagement.choose-first"));
                return;
            }
            try {
                link.accept(chosen);
                refresh();
            } catch (ValidationException invalid) {
                choose.setInvalid(true);
                choose.setErrorMessage(
                        Words.of(invalid).values().stream().findFirst().orElse(""));
            }
        });
        add.setId(idPrefix + "-add");
        add.setEnabled(!others.isEmpty());
        FlexLayout row = new FlexLayout(choose, add);
        row.addClassName("filters");
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        return row;
    }
}
