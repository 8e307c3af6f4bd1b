package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;

/**
 * The one {@code main} landmark of every page, with the skip link's target and the page's single
 * top-level heading. Views in every module extend it.
 */
public class Page extends Main {

    private final H1 heading = new H1();

    public Page(String heading) {
        setId("main-content");
        getElement().setAttribute("tabindex", "-1");
        addClassName("page");
        add(this.heading);
        this.heading.setText(heading);
    }

    /** Changes the page's heading, for views that know it only once they have loaded. */
    protected void setHeading(String text) {
        heading.setText(text);
    }
}
