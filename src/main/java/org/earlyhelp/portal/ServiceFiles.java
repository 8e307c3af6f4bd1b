package org.earlyhelp.portal;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.catalina.Context;
import org.apache.catalina.loader.WebappLoader;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.TomcatEmbeddedWebappClassLoader;
import org.springframework.stereotype.Component;

/**
 * Vaadin looks a service up with Java's {@code ServiceLoader} on every navigation (the role prefix
 * holder, to check the page's roles) and on every message that calls a page's server method: each
 * time the request thread's class loader searches every jar of the application for the service's
 * file under {@code META-INF/services}, and finds none. Vaadin lets an application neither replace
 * its lookup nor cache it, so the class loader Tomcat gives the application's requests remembers
 * what it found for each such file: the jars on the class path do not change while the
 * application runs. Everything else it loads or finds goes to Spring Boot's loader as before.
 * Measured in docs/performance.md.
 */
@Component
class ServiceFiles implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        if (context.getLoader() instanceof WebappLoader loader) {
            loader.setLoaderInstance(new Remembering(context.getParentClassLoader()));
        }
    }

    /** Spring Boot's class loader for the embedded web application, remembering service files. */
    static final class Remembering extends TomcatEmbeddedWebappClassLoader {

        static final String SERVICES = "META-INF/services/";

        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final ConcurrentMap<String, List<URL>> found = new ConcurrentHashMap<>();

        Remembering(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICES)) {
                return super.getResources(name);
            }
            List<URL> urls = found.get(name);
            if (urls == null) {
                urls = List.copyOf(Collections.list(super.getResources(name)));
                found.putIfAbsent(name, urls);
            }
            return Collections.enumeration(urls);
        }
    }
}
