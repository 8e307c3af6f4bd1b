package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.earlyhelp.shared.database.ConnectionPool;
import org.earlyhelp.shared.database.DatabaseUnavailable;
import org.earlyhelp.shared.ui.Notices;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When something a person did on a page (a save, a send, a click) fails because the database
 * cannot be had, the page stays as it is, with everything they entered, and a dialog says that it
 * was not done, that nothing was saved, and to try again shortly. Without this, Vaadin replaced
 * the page with the page that says the database is away (or, for some of these failures, showed
 * nothing at all), and what they had typed was gone. A page's own poll for news that fails so
 * changes nothing on the page. Any other failure goes to Vaadin's own handling: the error page
 * with a reference.
 */
@Component
class NotSaved implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    static final String ID = "not-saved";

    private static final Logger log = LoggerFactory.getLogger(NotSaved.class);

    private final transient ConnectionPool pool;

    NotSaved(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        Handler handler = new Handler(pool);
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(handler));
    }

    private static final class Handler implements ErrorHandler {

        private static final long serialVersionUID = 1L;

        private final transient @Nullable ConnectionPool pool;
        private final DefaultErrorHandler otherwise = new DefaultErrorHandler();

        Handler(ConnectionPool pool) {
            this.pool = pool;
        }

        @Override
        public void error(ErrorEvent event) {
            Throwable failure = event.getThrowable();
            if (!DatabaseUnavailable.caused(failure)) {
                otherwise.error(event);
                return;
            }
            String kind = pool != null && pool.everyConnectionInUse() ? "database-busy" : "database-down";
            @Nullable
            UI ui = event.getComponent()
                    .filter(source -> !(source instanceof UI))
                    .flatMap(source -> source.getUI())
                    .orElse(null);
            if (ui == null) {
                // The page asked by itself (a poll for news) or work in the background failed:
                // while the database is away nothing new can arrive, so the page stays as it is,
                // with anything being typed on it, and asks again at its next poll.
                logged("A page could not look for news", kind, failure);
                return;
            }
            logged("Not done, the page kept as it was", kind, failure);
            open(ui, kind);
        }
    }

    /** The failure's own message goes to the log only; the person reads the translated words. */
    private static void logged(String what, String kind, Throwable failure) {
        log.warn("{} ({}): {}", what, kind, failure.getMessage());
    }

    /** Says that it was not done and nothing was saved, unless it says so already; the page stays as it was. */
    private static void open(UI ui, String kind) {
        Paragraph words = new Paragraph(ui.getTranslation(kind + ".not-saved"));
        words.setId(kind + "-not-saved");
        Button back = new Button(ui.getTranslation("not-saved.ok"));
        back.setId("not-saved-ok");
        Notices.open(ui, ID, ui.getTranslation("not-saved.title"), words, back);
    }
}
