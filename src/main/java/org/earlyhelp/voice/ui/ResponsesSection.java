package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.voice.Response;
import org.earlyhelp.voice.YouSaidWeDid;
import org.jspecify.annotations.Nullable;

/**
 * The hub's "you said, we did" responses on the feedback page: start one, find one however old
 * (by the page's search field, which outlives this section), and the newest listed. A search draws
 * only the list again, so focus stays in the field, and a status line says how many match.
 */
final class ResponsesSection extends Section {

    private final transient YouSaidWeDid responses;
    private final HubId hub;
    private final boolean hubLead;
    private final Consumer<@Nullable String> refresh;
    private final Map<String, Component> anchors;
    private final TextField search;
    private final Paragraph found = new Paragraph();
    private final Div list = new Div();
    private boolean any;

    ResponsesSection(
            YouSaidWeDid responses,
            HubId hub,
            String ownerName,
            boolean hubLead,
            TextField search,
            Consumer<@Nullable String> refresh,
            Map<String, Component> anchors) {
        this.responses = responses;
        this.hub = hub;
        this.hubLead = hubLead;
        this.refresh = refresh;
        this.anchors = anchors;
        this.search = search;
        setId("responses");
        found.setId("responses-found");
        found.getElement().setAttribute("role", "status");
        list.setId("response-list");
        add(
                new H2(getTranslation("voice.responses.title")),
                new Paragraph(getTranslation("voice.responses.intro")),
                Disclosure.of(
                        getTranslation("voice.responses.new"),
                        () -> new NewResponseForm(responses, hub, ownerName, refresh)),
                search,
                found,
                list);
        draw();
    }

    /** Whether the list showed any response when the section was built. */
    boolean any() {
        return any;
    }

    /** Lists the responses the search finds, or the newest; when searching, says how many match. */
    void draw() {
        list.removeAll();
        anchors.keySet().removeIf(k -> k.startsWith("response:"));
        boolean narrowed = !search.getValue().isBlank();
        Listing<Response> listed = responses.search(hub, search.getValue());
        any = !listed.isEmpty();
        found.setText(
                narrowed
                        ? getTranslation(
                                listed.more() ? "voice.responses.found-more" : "voice.responses.found", listed.size())
                        : "");
        if (narrowed && listed.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("voice.responses.none-found"));
            none.setId("responses-none");
            list.add(none);
        }
        for (Response r : listed.items()) {
            list.add(new ResponseCard(responses, r, hubLead, refresh, anchors));
        }
        if (listed.more()) {
            Paragraph older = new Paragraph(
                    getTranslation(narrowed ? "voice.responses.more-found" : "voice.responses.older", listed.size()));
            older.setId("responses-older");
            list.add(older);
        }
    }
}
