package org.earlyhelp.testing;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The HTTP sessions the application's own Tomcat holds, found by the id in a browser's session
 * cookie: so that a test can make a session look as if it had not been used for half an hour,
 * rather than wait half an hour.
 */
public final class OpenSessions {

    private OpenSessions() {}

    /** The session with this id, while it lasts. */
    public static Optional<HttpSession> find(ServletWebServerApplicationContext application, String id) {
        for (Container child : ((TomcatWebServer) application.getWebServer())
                .getTomcat()
                .getHost()
                .findChildren()) {
            if (child instanceof Context context) {
                try {
                    Session session = context.getManager().findSession(id);
                    if (session != null && session.isValid()) {
                        return Optional.of(session.getSession());
                    }
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
        }
        return Optional.empty();
    }
}
