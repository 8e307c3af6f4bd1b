package org.earlyhelp.voice.ui;

import static java.util.Objects.requireNonNull;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.LanguagePicker;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.voice.Response;
import org.earlyhelp.voice.YouSaidWeDid;

/** A hub's public "you said, we did" page: published answers only, no personal data. */
@View
@Route(value = "you-said-we-did/:hub", autoLayout = false)
@AnonymousAllowed
class PublicAnswersView extends Page implements BeforeEnterObserver {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final transient YouSaidWeDid answers;
    private final transient HubDirectory hubs;

    PublicAnswersView(YouSaidWeDid answers, HubDirectory hubs) {
        super("");
        this.answers = answers;
        this.hubs = hubs;
        addClassName("say");
        // Kept when the page is drawn again: the heading first, then the language.
        add(new LanguagePicker());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        getChildren().skip(2).toList().forEach(this::remove);
        HubId id = new HubId(event.getRouteParameters().get("hub").orElse(""));
        String name = hubs.publicName(id).orElse(null);
        if (name == null) {
            setHeading(getTranslation("voice.public.unknown"));
            return;
        }
        setHeading(getTranslation("voice.public.title", name));
        add(new Paragraph(getTranslation("voice.public.intro")));
        Listing<Response> published = answers.published(id);
        if (published.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("voice.public.none"));
            none.addClassName("empty-state");
            add(none);
        }
        for (Response r : published.items()) {
            Article article = new Article();
            article.addClassName("say-answer");
            article.add(new H2(getTranslation("voice.public.theme", Themes.label(r.theme()))));
            article.add(new Paragraph(getTranslation("voice.public.you-said", r.youSaid())));
            article.add(new Paragraph(getTranslation("voice.public.we-did", r.weDid())));
            article.add(new Paragraph(getTranslation(
                    "voice.public.when",
                    MONTH.format(requireNonNull(r.publishedAt()).atZone(WorkingCalendar.LONDON)))));
            add(article);
        }
        if (published.more()) {
            Paragraph older = new Paragraph(getTranslation("voice.public.older", published.size()));
            older.setId("answers-older");
            add(older);
        }
    }

    @Override
    protected boolean forYoungPeople() {
        return true;
    }
}
