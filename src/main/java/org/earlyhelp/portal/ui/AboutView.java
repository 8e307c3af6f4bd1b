package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;

/** What the system is, its licence, the software it stands on and the data it uses. */
@View
@Route("about")
@Menu(order = 100, title = "menu.about")
@AnonymousAllowed
public class AboutView extends Page {

    public AboutView() {
        super("");
        setHeading(getTranslation("about.title"));
        add(new Paragraph(getTranslation("about.intro")));

        Section licence = new Section(new H2(getTranslation("about.licence.title")));
        licence.add(new Paragraph(getTranslation("about.licence.text")));
        licence.add(new Paragraph(
                new Anchor("https://www.apache.org/licenses/LICENSE-2.0", getTranslation("about.licence.link"))));
        add(licence);

        Section software = new Section(new H2(getTranslation("about.software.title")));
        // Software and licences by their own names.
        UnorderedList list = Data.mark(new UnorderedList());
        for (String line : getTranslation("about.software.list").split("\\|")) {
            list.add(new ListItem(line.strip()));
        }
        software.add(list);
        add(software);

        Section data = new Section(new H2(getTranslation("about.data.title")));
        data.add(new Paragraph(getTranslation("about.data.ogl")));
        data.add(new Paragraph(new Anchor(
                "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                getTranslation("about.data.ogl.link"))));
        data.add(new Paragraph(getTranslation("about.data.parliament")));
        data.add(new Paragraph(getTranslation("about.data.demo")));
        data.add(new Paragraph(getTranslation("about.data.ssda903")));
        add(data);

        Section privacy = new Section(new H2(getTranslation("about.privacy.title")));
        privacy.add(new Paragraph(getTranslation("about.privacy.text")));
        add(privacy);
    }
}
