package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.shared.ui.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What people see while the database cannot be reached: plain words, and that nothing is lost. */
abstract class DatabaseUnavailablePage extends Page {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePage.class);

    DatabaseUnavailablePage() {
        super("");
    }

    int explain(Exception cause) {
        log.warn("The database cannot be reached: {}", cause.getMessage());
        setHeading(getTranslation("database-down.title"));
        Paragraph text = new Paragraph(getTranslation("database-down.text"));
        text.setId("database-down");
        add(text, new Anchor("", getTranslation("database-down.again")));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
