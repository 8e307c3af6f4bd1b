package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.VaadinServlet;
import java.util.UUID;
import org.earlyhelp.shared.DemonstrationMode;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

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
        if (demonstration()) {
            // A plain element, not a component: views that rebuild themselves keep their heading first.
            getElement()
                    .appendChild(new Element("div")
                            .setAttribute("id", "demonstration-banner")
                            .setAttribute("class", "demonstration-banner")
                            .setAttribute("role", "note")
                            .setText(getTranslation(
                                    forYoungPeople() ? "demonstration.banner.young-people" : "demonstration.banner")));
        }
        add(this.heading);
        this.heading.setText(heading);
    }

    /**
     * The record the route's {@code id} names; a malformed id shows "not found", as an unknown one
     * does, and gives null.
     */
    protected @Nullable UUID idFrom(BeforeEnterEvent event) {
        try {
            return UUID.fromString(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            event.rerouteToError(NotFoundException.class);
            return null;
        }
    }

    /** Whether young people read this page: the demonstration banner then uses their words. */
    protected boolean forYoungPeople() {
        return false;
    }

    /** Whether this is a demonstration ({@link DemonstrationMode}), asked of the running application. */
    private static boolean demonstration() {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        if (servlet == null) {
            return false;
        }
        WebApplicationContext context =
                WebApplicationContextUtils.getWebApplicationContext(servlet.getServletContext());
        if (context == null) {
            return false;
        }
        DemonstrationMode mode =
                context.getBeanProvider(DemonstrationMode.class).getIfAvailable();
        return mode != null && mode.on();
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
