package org.earlyhelp.portal.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The words of Vaadin's connection indicator ("Online", "Connection lost", "Reconnecting"), which
 * a person sees when their connection drops, in their language from the translation files, on
 * every page.
 */
@Component
class ConnectionWords implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init -> init.getUI()
                        .getPage()
                        .executeJs(
                                """
                                const set = () => {
                                  const c = document.querySelector('vaadin-connection-indicator');
                                  if (!c) return false;
                                  c.onlineText = $0; c.offlineText = $1; c.reconnectingText = $2;
                                  return true;
                                };
                                if (!set()) setTimeout(set, 0);
                                """,
                                init.getUI().getTranslation("connection.online"),
                                init.getUI().getTranslation("connection.offline"),
                                init.getUI().getTranslation("connection.reconnecting")));
    }
}
