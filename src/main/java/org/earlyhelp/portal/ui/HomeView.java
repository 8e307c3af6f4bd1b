package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.jspecify.annotations.Nullable;

/**
 * Each person's home page: for every role they hold, what is waiting for them, or a plain
 * empty state; a clear refusal for a person who has signed in but has no role.
 */
@View
@Route("")
@Menu(order = 0, title = "menu.home")
@PermitAll
public class HomeView extends Page {

    public HomeView(
            CurrentUsers currentUsers,
            HubDirectory hubs,
            List<WaitingWork> waitingWork,
            AuthenticationContext authentication) {
        super("");
        CurrentUser user = currentUsers.require();
        setHeading(getTranslation("home.title", user.displayName()));
        addClassName("home");

        if (!user.hasAnyRole()) {
            Section refusal = new Section();
            refusal.setId("no-access");
            refusal.add(new H2(getTranslation("home.no-access.title")));
            refusal.add(new Paragraph(getTranslation("home.no-access.text", user.username())));
            Button signOut = new Button(getTranslation("layout.sign-out"), e -> authentication.logout());
            refusal.add(signOut);
            add(refusal);
            return;
        }

        this.user = user;
        this.hubs = hubs;
        this.waitingWork = waitingWork;
        sections.addClassName("home-sections");
        add(sections);
        show(waiting());
    }

    /** How often an open home page looks again for what is waiting (new alerts, new requests). */
    static final int POLL_MILLISECONDS = 5_000;

    private @Nullable CurrentUser user;
    private @Nullable HubDirectory hubs;
    private List<WaitingWork> waitingWork = List.of();
    private final Div sections = new Div();
    private List<WaitingItem> shown = List.of();
    private @Nullable Registration polling;

    private List<WaitingItem> waiting() {
        CurrentUser who = Objects.requireNonNull(user);
        return waitingWork.stream().flatMap(w -> w.waitingFor(who).stream()).toList();
    }

    private void show(List<WaitingItem> waiting) {
        CurrentUser who = Objects.requireNonNull(user);
        sections.removeAll();
        for (Role role : Role.values()) {
            if (who.has(role)) {
                sections.add(roleSection(who, role, Objects.requireNonNull(hubs), waiting));
            }
        }
        shown = waiting;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        if (user != null && user.hasAnyRole()) {
            attach.getUI().setPollInterval(POLL_MILLISECONDS);
            polling = attach.getUI().addPollListener(e -> {
                List<WaitingItem> now = waiting();
                if (!now.equals(shown)) {
                    show(now);
                }
            });
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
            detach.getUI().setPollInterval(-1);
        }
        super.onDetach(detach);
    }

    private Section roleSection(CurrentUser user, Role role, HubDirectory hubs, List<WaitingItem> waiting) {
        String key = role.externalName();
        Section section = new Section();
        section.setId("home-" + key);
        section.addClassName("home-section");
        section.add(new H2(getTranslation("home." + key + ".title")));
        if (!user.hubs().isEmpty()) {
            String hubNames = user.hubs().stream()
                    .map(hubs::nameOf)
                    .sorted()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            section.add(new Paragraph(getTranslation("home.your-hubs", hubNames)));
        }
        List<WaitingItem> items = waiting.stream()
                .filter(i -> i.titleKey().startsWith(key + ".") || i.titleKey().contains(".home." + key))
                .toList();
        if (items.isEmpty()) {
            Div empty = new Div();
            empty.addClassName("empty-state");
            empty.add(new Paragraph(getTranslation("home." + key + ".empty")));
            section.add(empty);
        } else {
            UnorderedList list = new UnorderedList();
            for (WaitingItem item : items) {
                String text = getTranslation(item.titleKey(), item.count());
                // A line with nowhere to go (the system's health) is said, not linked.
                list.add(item.route().isEmpty() ? new ListItem(text) : new ListItem(new Anchor(item.route(), text)));
            }
            section.add(list);
        }
        return section;
    }
}
