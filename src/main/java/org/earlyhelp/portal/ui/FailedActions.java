package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ErrorHandlerUtil;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.earlyhelp.shared.database.ConnectionPool;
import org.earlyhelp.shared.database.DatabaseUnavailable;
import org.earlyhelp.shared.ui.Notices;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a person sees when something they did on a page (a save, a send, a click) fails: the page
 * stays as it is, with everything they entered, and a dialog says so.
 *
 * <ul>
 *   <li>No database connection could be had: "Not done, nothing saved", and to try again shortly.
 *       Without this, Vaadin replaced the page with the page that says the database is away, and
 *       what they had typed was gone.
 *   <li>A failure that has a page of its own (a refusal) still goes to that page.
 *   <li>Any other failure: "Something went wrong", with a reference for the support desk, which
 *       the log holds with the failure. Without this, Vaadin only logged it, and the page did not
 *       change at all: a save that failed looked like one that had not been pressed yet.
 * </ul>
 *
 * <p>A page's own poll for news that fails because the database is away changes nothing on the
 * page: nothing new can arrive meanwhile, and it asks again at its next poll.
 */
@Component
class FailedActions implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    private static final Logger log = LoggerFactory.getLogger(FailedActions.class);

    private final transient ConnectionPool pool;

    FailedActions(ConnectionPool pool) {
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
            // The page of the component the person used; none for a page's poll or background work.
            @Nullable
            UI ui = event.getComponent()
                    .filter(source -> !(source instanceof UI))
                    .flatMap(source -> source.getUI())
                    .orElse(null);
            if (DatabaseUnavailable.caused(failure)) {
                String kind = pool != null && pool.everyConnectionInUse() ? "database-busy" : "database-down";
                if (ui == null) {
                    logged("A page could not look for news", kind, failure);
                } else {
                    logged("Not done, the page kept as it was", kind, failure);
                    notSaved(ui, kind);
                }
                return;
            }
            if (ui == null || !(failure instanceof Exception exception)) {
                otherwise.error(event);
                return;
            }
            if (ErrorHandlerUtil.handleErrorByRedirectingToErrorView(exception)) {
                // A failure with a page of its own: a refusal, audited there.
                return;
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error, reference {}", reference, failure);
            failed(ui, reference);
        }
    }

    /** The failure's own message goes to the log only; the person reads the translated words. */
    private static void logged(String what, String kind, Throwable failure) {
        log.warn("{} ({}): {}", what, kind, failure.getMessage());
    }

    /** Says that it was not done and nothing was saved, unless it says so already. */
    private static void notSaved(UI ui, String kind) {
        Paragraph words = new Paragraph(ui.getTranslation(kind + ".not-saved"));
        words.setId(kind + "-not-saved");
        Button back = new Button(ui.getTranslation("not-saved.ok"));
        back.setId("not-saved-ok");
        Notices.open(ui, "not-saved", ui.getTranslation("not-saved.title"), words, back);
    }

    /** Says that it did not work, with the reference, unless it says so already. */
    private static void failed(UI ui, String reference) {
        Paragraph words = new Paragraph(ui.getTranslation("action-failed.text", reference));
        words.setId("action-failed-text");
        Button back = new Button(ui.getTranslation("not-saved.ok"));
        back.setId("action-failed-ok");
        Notices.open(ui, "action-failed", ui.getTranslation("error.title"), words, back);
    }
}
