package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.voice.FeedbackInbox;
import org.earlyhelp.voice.FeedbackItem;
import org.earlyhelp.voice.YouSaidWeDid;

/** A young person's own feedback, and where to see what changed. */
@View
@Route("my-feedback")
@Menu(order = 3, title = "menu.my-feedback")
@RolesAllowed(Role.YOUNG_PERSON_AUTHORITY)
class MyFeedbackView extends Page {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    MyFeedbackView(FeedbackInbox inbox, YouSaidWeDid answers) {
        super("");
        setHeading(getTranslation("voice.mine.title"));
        add(new Paragraph(getTranslation("voice.mine.intro")));
        Listing<FeedbackItem> mine = inbox.mine();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("voice.mine.none"));
            none.addClassName("empty-state");
            none.setId("my-feedback-none");
            add(none);
        }
        for (FeedbackItem f : mine.items()) {
            Section card = new Section();
            card.addClassName("home-section");
            card.addClassName("my-feedback");
            card.add(new H2(
                    getTranslation("voice.mine.when", DAY.format(f.submittedAt().atZone(WorkingCalendar.LONDON)))));
            UnorderedList said = new UnorderedList();
            if (f.mood() != null) {
                said.add(new ListItem(getTranslation("voice.inbox.mood", getTranslation("voice.mood." + f.mood()))));
            }
            for (String[] a : new String[][] {
                {"helping", f.helping()}, {"change", f.change()}, {"worker", f.worker()}, {"anything", f.anything()}
            }) {
                if (a[1] != null) {
                    said.add(new ListItem(getTranslation("voice.inbox." + a[0], a[1])));
                }
            }
            card.add(said);
            if (!f.confirmedThemes().isEmpty()) {
                card.add(new Paragraph(getTranslation("voice.mine.themes", String.join(", ", f.confirmedThemes()))));
            }
            for (var answer : answers.publishedOn(f.hub(), f.confirmedThemes())) {
                Paragraph changed = new Paragraph(getTranslation("voice.public.we-did", answer.weDid()));
                changed.addClassName("my-feedback-answer");
                card.add(changed);
            }
            card.add(new Anchor("you-said-we-did/" + f.hub().value(), getTranslation("voice.mine.changed")));
            add(card);
        }
        if (mine.more()) {
            Paragraph older = new Paragraph(getTranslation("voice.mine.older", mine.size()));
            older.setId("my-feedback-older");
            add(older);
        }
    }
}
