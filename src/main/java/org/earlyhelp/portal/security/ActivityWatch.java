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

    /** The page's event that it has not been used for long enough to warn. */
    static final String UNUSED = "earlyhelp-unused";

    private final Duration checkEvery;
    private final Duration idle;
    private final Duration warnAfter;

    /**
     * @param checkEvery how often an open page asks whether its person is still signed in, and so
     *     how soon after the idle time is up a page left open goes to the sign-in page
     * @param idle how long without use signs a person out ({@link IdleSignOut})
     */
    ActivityWatch(
            @Value("${earlyhelp.session.check-every:PT1M}") Duration checkEvery,
            @Value("${server.servlet.session.timeout:30m}") Duration idle) {
        this.checkEvery = checkEvery;
        this.idle = idle;
        // The server may have heard of the last use up to a minute before the page did (the page
        // says it is in use at most once a minute), and the page looks only every checkEvery.
        Duration before =
                checkEvery.plus(Duration.ofMillis(IN_USE_EVERY_MILLIS)).plusMinutes(1);
        this.warnAfter = idle.compareTo(before.multipliedBy(2)) > 0 ? idle.minus(before) : idle.dividedBy(2);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> watch(init.getUI()));
    }

    private void watch(UI ui) {
        ui.addPollListener(poll -> notUse());
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            // Nobody signed in (the sign-in page, a young person's feedback form): nothing to end,
            // and a page that reloaded itself would lose what they were writing.
            return;
        }
        // Nothing to do on the server: the request that brings the event is the use.
        ui.getElement().addEventListener(IN_USE, used -> {}).throttle(IN_USE_EVERY_MILLIS);
        ui.getElement().addEventListener(UNUSED, unused -> {
            // Not use: the person has not touched the page.
            notUse();
            IdleWarning.open(ui, warnAfter);
        });
        // A page of a signed-out person reloads, and so comes to the sign-in page; an answer that
        // does not come (the network, a restart) changes nothing. A page unused for warnAfter says
        // so once, and the server opens the warning.
        ui.getPage()
                .executeJs(
                        """
                if (!window.earlyHelpInUse) {
                  const watch = window.earlyHelpInUse = { last: Date.now(), warned: false };
                  const inUse = () => {
                    watch.last = Date.now();
                    watch.warned = false;
                    document.body.dispatchEvent(new CustomEvent($0));
                  };
                  for (const kind of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
                    document.addEventListener(kind, inUse, { capture: true, passive: true });
                  }
                  setInterval(() => {
                    if (!watch.warned && Date.now() - watch.last >= $4) {
                      watch.warned = true;
                      document.body.dispatchEvent(new CustomEvent($3));
                    }
                    fetch($1, { credentials: 'same-origin', cache: 'no-store' })
                      .then(answer => { if (answer.status === 401) location.reload(); })
                      .catch(() => {});
                  }, $2);
                }""",
                        IN_USE,
                        request.getContextPath() + IdleSignOut.STILL_SIGNED_IN,
                        checkEvery.toMillis(),
                        UNUSED,
                        warnAfter.toMillis());
    }

    /** Marks the request being handled as not the person's use of the portal. */
    private static void notUse() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            request.setAttribute(IdleSignOut.NOT_USE, Boolean.TRUE);
        }
    }
}
