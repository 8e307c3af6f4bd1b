package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The one {@code main} landmark of every page, with the skip link's target and the page's single
 * top-level heading. Views in every module extend it.
 */
public class Page extends Main implements HasDynamicTitle {

    private final H1 heading = new H1();

    public Page(String heading) {
        setId("main-content");
        getElement().setAttribute("tabindex", "-1");
        addClassName("page");
        add(this.heading);
        this.heading.setText(heading);
    }

    /** The browser tab's title: the page's heading, then the application's name, both translated. */
    @Override
    public String getPageTitle() {
        String app = getTranslation("app.name");
        String text = heading.getText();
        return text == null || text.isBlank() || text.equals(app) ? app : text + " | " + app;
    }

    /** The page's heading: where focus goes when the part of the page a person used is rebuilt. */
    protected H1 heading() {
        return heading;
    }

    /** Changes the page's heading, for views that know it only once they have loaded. */
    protected void setHeading(String text) {
        heading.setText(text);
    }
}
