package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.shared.database.ConnectionPool;
import org.earlyhelp.shared.ui.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people see when no database connection could be had: plain words, and that nothing is
 * lost. Either the database cannot be reached, or it answers but every connection is busy with
 * other people's requests (an instance past what its machine can carry): each is said as it is.
 */
abstract class DatabaseUnavailablePage extends Page {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePage.class);

    private final ConnectionPool pool;

    DatabaseUnavailablePage(ConnectionPool pool) {
        super("");
        this.pool = pool;
    }

    int explain(Exception cause) {
        String kind;
        if (pool.everyConnectionInUse()) {
            log.warn("Every database connection is in use, so a request waited in vain: {}", cause.getMessage());
            kind = "database-busy";
        } else {
            log.warn("The database cannot be reached: {}", cause.getMessage());
            kind = "database-down";
        }
        setHeading(getTranslation(kind + ".title"));
        Paragraph text = new Paragraph(getTranslation(kind + ".text"));
        text.setId(kind);
        add(text, new Anchor("", getTranslation("database-down.again")));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
