package org.earlyhelp.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells {@link IdleSignOut} what on an open page is the person's use of the portal and what is not.
 *
 * <ul>
 *   <li>A poll (the home and alerts pages ask every few seconds whether anything new is waiting) is
 *       not: the request it comes in is marked.
 *   <li>Typing, clicking, tapping and scrolling are, even when the page asks the server nothing (a
 *       long note being written in a text area): the page says so at most once a minute, with an
 *       event that does nothing on the server but be a request.
 * </ul>
 *
 * <p>And every minute it asks whether its person is still signed in ({@link
 * IdleSignOut#STILL_SIGNED_IN}), so that a page left open goes to the sign-in page once they are
 * not, rather than keep a record on the screen.
 */
@Component
class ActivityWatch implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    /** The page's event that the person is using it. */
    static final String IN_USE = "earlyhelp-in-use";

    /** The page says that it is in use at most this often. */
    static final int IN_USE_EVERY_MILLIS = 60_000;

    private final Duration checkEvery;

    /**
     * @param checkEvery how often an open page asks whether its person is still signed in, and so
     *     how soon after the idle time is up a page left open goes to the sign-in page
     */
    ActivityWatch(@Value("${earlyhelp.session.check-every:PT1M}") Duration checkEvery) {
        this.checkEvery = checkEvery;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> watch(init.getUI()));
    }

    private void watch(UI ui) {
        ui.addPollListener(poll -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null) {
                request.setAttribute(IdleSignOut.NOT_USE, Boolean.TRUE);
            }
        });
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            // Nobody signed in (the sign-in page, a young person's feedback form): nothing to end,
            // and a page that reloaded itself would lose what they were writing.
            return;
        }
        // Nothing to do on the server: the request that brings the event is the use.
        ui.getElement().addEventListener(IN_USE, used -> {}).throttle(IN_USE_EVERY_MILLIS);
        // A page of a signed-out person reloads, and so comes to the sign-in page; an answer that
        // does not come (the network, a restart) changes nothing.
        ui.getPage()
                .executeJs("""
                if (!window.earlyHelpInUse) {
                  window.earlyHelpInUse = true;
                  const inUse = () => document.body.dispatchEvent(new CustomEvent($0));
                  for (const kind of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
                    document.addEventListener(kind, inUse, { capture: true, passive: true });
                  }
                  setInterval(() => fetch($1, { credentials: 'same-origin', cache: 'no-store' })
                      .then(answer => { if (answer.status === 401) location.reload(); })
                      .catch(() => {}), $2);
                }""", IN_USE, request.getContextPath() + IdleSignOut.STILL_SIGNED_IN, checkEvery.toMillis());
    }
}
